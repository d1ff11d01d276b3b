/**
 * A TCP relay on 127.0.0.1 that holds every chunk `ms` milliseconds in each direction before passing it on:
 * a server at a network's distance (a round trip of 2 × ms), for benchmarks of how many round trips a path
 * takes. Chunks keep their order (timers of one duration fire in the order they were set).
 */
import net from 'node:net';

export interface DelayedLink {
  /** host:port to connect to instead of the target. */
  address: string;
  close(): Promise<void>;
}

export async function delayedLink(target: { host: string; port: number }, ms: number): Promise<DelayedLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      from.setNoDelay(true);
      sockets.add(from);
      from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), ms));
      from.on('close', () => setTimeout(() => to.destroy(), ms));
      from.on('error', () => {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

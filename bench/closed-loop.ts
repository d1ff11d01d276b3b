/**
 * A lean closed-loop HTTP/1.1 load generator for the GraphQL benchmarks: `clients` keep-alive
 * connections, each sending its next POST as soon as the last answer is complete (as wrk does).
 * It writes pre-formatted requests and reads only the status line and content-length, so on a
 * small machine the clients take little of the CPU the service needs (Node's fetch took about
 * a third of a core at 500 requests/s here; this takes a tenth of that).
 */
import net from 'node:net';

export interface LoadResult {
  requests: number;
  /** Answers that were not HTTP 200 or carried GraphQL errors. */
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Pre-formatted POST requests to `target` with `headers`; each call a new JSON body from `body()`. */
function requestWriter(target: URL, headers: Record<string, string>, body: () => unknown): () => string {
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\ncontent-type: application/json\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
  return () => {
    const json = JSON.stringify(body());
    return `${head}content-length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
  };
}

/**
 * Takes complete HTTP/1.1 responses off a connection's buffer: calls `answer(ok)` per response (ok: status 200
 * without GraphQL errors); throws when a response has no content-length.
 */
function responseReader(answer: (ok: boolean) => void): (chunk: Buffer) => void {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = buffered.subarray(0, end).toString('latin1');
      const length = /\r\ncontent-length: *(\d+)/i.exec(header);
      if (!length) throw new Error(`The service answered without content-length: ${header.split('\r\n')[0]}`);
      const total = end + 4 + Number(length[1]);
      if (buffered.length < total) return;
      const body = buffered.subarray(end + 4, total);
      buffered = buffered.subarray(total);
      answer(header.startsWith('HTTP/1.1 200') && !body.includes('"errors"'));
    }
  };
}

/** Runs the clients for `seconds`; `body()` gives each request's JSON body. */
export async function closedLoop(
  url: string,
  opts: { clients: number; seconds: number; headers: Record<string, string>; body: () => unknown },
): Promise<LoadResult> {
  const target = new URL(url);
  const request = requestWriter(target, opts.headers, opts.body);
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + opts.seconds * 1000;
  await Promise.all(
    Array.from(
      { length: opts.clients },
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = net.connect(Number(target.port), target.hostname);
          socket.setNoDelay(true);
          let sentAt = 0;
          const send = () => {
            if (performance.now() >= until) {
              socket.end();
              return resolve();
            }
            sentAt = performance.now();
            socket.write(request());
          };
          socket.on('connect', send);
          socket.on('error', reject);
          // The service closing a connection mid-run ends the run loudly (else this client would wait forever).
          socket.on('close', () =>
            reject(new Error(`the service closed a connection after ${latencies.length} answers, mid-run`)),
          );
          const read = responseReader((ok) => {
            latencies.push(performance.now() - sentAt);
            if (!ok) errors++;
            send();
          });
          socket.on('data', (chunk: Buffer) => {
            try {
              read(chunk);
            } catch (err) {
              reject(err);
            }
          });
        }),
    ),
  );
  return summary(latencies, errors, opts.seconds);
}

function summary(latencies: number[], errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    requests: latencies.length,
    errors,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: at(50),
    p99Ms: at(99),
  };
}

/**
 * Open loop: requests scheduled at a fixed `rate` for `seconds`, whatever the answers do (as wrk2 does), each
 * sent on an idle keep-alive connection (a new one when all are busy). Latency counts from the scheduled send
 * time, so time spent waiting behind a slow answer is not hidden (no coordinated omission).
 */
export async function openLoop(
  url: string,
  opts: { rate: number; seconds: number; headers: Record<string, string>; body: () => unknown },
): Promise<LoadResult & { rate: number; maxConnections: number }> {
  const target = new URL(url);
  const request = requestWriter(target, opts.headers, opts.body);
  const latencies: number[] = [];
  let errors = 0;
  interface Conn {
    socket: net.Socket;
    scheduled: number;
    busy: boolean;
    done: () => void;
  }
  const idle: Conn[] = [];
  const all: Conn[] = [];
  const open = () =>
    new Promise<Conn>((resolve, reject) => {
      const socket = net.connect(Number(target.port), target.hostname);
      socket.setNoDelay(true);
      const conn: Conn = { socket, scheduled: 0, busy: false, done: () => {} };
      socket.on('connect', () => resolve(conn));
      socket.on('error', reject);
      socket.on(
        'data',
        responseReader((ok) => {
          latencies.push(performance.now() - conn.scheduled);
          if (!ok) errors++;
          conn.busy = false;
          idle.push(conn);
          conn.done();
        }),
      );
      // The service closes a connection left idle past its keep-alive timeout (5 s): it is no longer offered; one
      // closed with a request on it counts that request as an error.
      socket.on('close', () => {
        const at = idle.indexOf(conn);
        if (at >= 0) idle.splice(at, 1);
        if (conn.busy) {
          conn.busy = false;
          errors++;
          conn.done();
        }
      });
      all.push(conn);
    });
  const start = performance.now();
  const count = Math.floor(opts.rate * opts.seconds);
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const scheduled = start + (i * 1000) / opts.rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const conn = idle.pop() ?? (await open());
    conn.scheduled = scheduled;
    conn.busy = true;
    inFlight.push(new Promise<void>((resolve) => (conn.done = resolve)));
    conn.socket.write(request());
  }
  await Promise.all(inFlight);
  for (const c of all) c.socket.end();
  return {
    ...summary(latencies, errors, (performance.now() - start) / 1000),
    rate: opts.rate,
    maxConnections: all.length,
  };
}

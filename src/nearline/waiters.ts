/**
 * Callers waiting for the nearline refresh to reach something (their write's events): each waits until
 * its condition holds at a `settle()` after a batch, or fails after its timeout. Both refreshers use it.
 */
interface Waiter {
  ready: () => boolean;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class Waiters {
  private readonly pending = new Set<Waiter>();

  /** Resolves at once when `ready()` holds, else at the first settle() it holds at; rejects after timeoutMs. */
  wait(ready: () => boolean, timeoutMs: number, timeoutMessage: () => string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pending.delete(waiter);
          reject(new Error(timeoutMessage()));
        }, timeoutMs),
      };
      this.pending.add(waiter);
    });
  }

  /** Resolves every waiter whose condition now holds. */
  settle(): void {
    for (const w of this.pending) {
      if (!w.ready()) continue;
      clearTimeout(w.timer);
      this.pending.delete(w);
      w.resolve();
    }
  }

  /** Fails every waiter (the refresh stopped). */
  rejectAll(reason: string): void {
    for (const w of this.pending) {
      clearTimeout(w.timer);
      w.reject(new Error(reason));
    }
    this.pending.clear();
  }
}

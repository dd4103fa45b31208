/**
 * Runs command work a few at a time, each start on a later turn of the event loop. The embedded
 * engine's analysis is synchronous CPU work; without a limit, a burst of commands runs one analysis
 * after another while the acks of commands that arrived meanwhile wait in the socket buffers (and
 * Slack gives up after 3 s). With it, pending requests are read and acked between two analyses.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly limit = 4) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      if (this.running < this.limit) {
        this.running += 1;
        setImmediate(resolve);
      } else {
        this.waiting.push(resolve);
      }
    });
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.running -= 1;
      if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no work is left, or after `maxMs` (a call stuck in Slack's retries must not block shutdown). */
  drain(maxMs: number): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

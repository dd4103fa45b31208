/**
 * Runs command work a few at a time, each start on a later turn of the event loop. The embedded
 * engine's analysis is synchronous CPU work; without a limit, a burst of commands runs one analysis
 * after another while the acks of commands that arrived meanwhile wait in the socket buffers (and
 * Slack gives up after 3 s). With it, pending requests are read and acked between two analyses.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

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
    }
  }
}

/**
 * Caps concurrent requests: at most `perHost` to one host (a feed owner sees at most that many of our
 * connections at once) and `total` overall. Work waits in FIFO order per host.
 */
export class HostLimiter {
  private active = 0;
  private readonly perHostActive = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Highest number of simultaneous requests seen per host, for tests and the benchmark. */
  readonly peakPerHost = new Map<string, number>();

  constructor(
    private readonly perHost = 2,
    private readonly total = 32,
  ) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      const queue = this.waiting.get(host);
      if (queue) queue.push(start);
      else this.waiting.set(host, [start]);
      this.pump();
    });
    try {
      return await work();
    } finally {
      this.active--;
      const left = (this.perHostActive.get(host) ?? 1) - 1;
      if (left === 0) this.perHostActive.delete(host);
      else this.perHostActive.set(host, left);
      this.pump();
    }
  }

  private pump(): void {
    for (const [host, queue] of this.waiting) {
      if (this.active >= this.total) return;
      let busy = this.perHostActive.get(host) ?? 0;
      while (queue.length > 0 && busy < this.perHost && this.active < this.total) {
        const start = queue.shift()!;
        this.active++;
        busy++;
        this.perHostActive.set(host, busy);
        this.peakPerHost.set(host, Math.max(this.peakPerHost.get(host) ?? 0, busy));
        start();
      }
      if (queue.length === 0) this.waiting.delete(host);
    }
  }
}

/** The host a feed's requests go to ("file" for local feeds). */
export function hostOf(location: string): string {
  try {
    return new URL(location).host.toLowerCase();
  } catch {
    return 'file';
  }
}

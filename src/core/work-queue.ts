/** When command work may start relative to arrivals: see WorkQueue. */
export interface QuietStart {
  /** Work starts only after this long without a new command arriving… */
  gapMs: number;
  /** …or once the command has waited this long, so a steady stream cannot starve the work. */
  maxWaitMs: number;
}

/**
 * Runs command work a few at a time, each start on a later turn of the event loop. The embedded
 * engine's analysis is synchronous CPU work; without a limit, a burst of commands runs one analysis
 * after another while the acknowledgements of commands that arrived meanwhile wait in the socket
 * buffers (and Slack and Discord give up after 3 s). With it, pending requests are read and
 * acknowledged between two analyses. With `quiet`, work also waits until commands stop arriving
 * for a moment: a burst is acknowledged first, and answered after. Slack runs its command work
 * through one; Discord waits on one (without a limit) between the defer and the work.
 */
/** A command waiting for its turn: what starts it, and when it arrived. */
interface Pending {
  start: () => void;
  arrived: number;
}

export class WorkQueue {
  private running = 0;
  private lastArrival = Number.NEGATIVE_INFINITY;
  /** Jobs waiting for a slot. */
  private readonly waiting: Pending[] = [];
  /** Jobs that hold a slot, in arrival order, and the one timer that lets them start. */
  private readonly starting: Pending[] = [];
  private gate: ReturnType<typeof setTimeout> | undefined;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly limit = 4,
    private readonly quiet: QuietStart = { gapMs: 0, maxWaitMs: 0 },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Jobs not yet started: waiting for a slot, or holding one until the burst goes quiet (GET /metrics). */
  get depth(): number {
    return this.waiting.length + this.starting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const arrived = this.now();
    this.lastArrival = arrived;
    await new Promise<void>((start) => {
      if (this.running < this.limit) {
        this.running += 1;
        this.startSoon(start, arrived);
      } else {
        this.waiting.push({ start, arrived });
      }
    });
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) this.startSoon(next.start, next.arrived);
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

  private startSoon(start: () => void, arrived: number): void {
    this.starting.push({ start, arrived });
    if (!this.gate) this.openGate();
  }

  private openGate(): void {
    this.gate = undefined;
    const first = this.starting[0];
    if (!first) return;
    const wait = Math.min(this.lastArrival + this.quiet.gapMs, first.arrived + this.quiet.maxWaitMs) - this.now();
    if (wait > 0) {
      this.gate = setTimeout(() => this.openGate(), Math.ceil(wait));
      return;
    }
    for (const job of this.starting.splice(0)) setImmediate(job.start);
  }
}

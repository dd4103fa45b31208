import type { Clock } from '../../core/clock.ts';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Slack accepts about one message per second per channel, with short bursts. Going faster earns a
 * 429, and @slack/web-api then pauses every call of the app, not just that channel's; so posts to one
 * channel are spaced here (generic cell rate: `burst` posts at once, then one per `intervalMs`).
 */
export class ChannelPacer {
  private readonly due = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep = realSleep,
    private readonly intervalMs = 1000,
    private readonly burst = 3,
  ) {}

  /** Resolves when a message may be posted to the channel. */
  async turn(channel: string): Promise<void> {
    const now = this.clock.now().getTime();
    const theoretical = Math.max(this.due.get(channel) ?? now, now);
    const wait = Math.max(0, theoretical - now - (this.burst - 1) * this.intervalMs);
    this.due.set(channel, theoretical + this.intervalMs);
    if (this.due.size > 10_000) this.forget(now);
    if (wait > 0) await this.sleep(wait);
  }

  private forget(now: number): void {
    for (const [channel, due] of this.due) if (due <= now) this.due.delete(channel);
  }
}

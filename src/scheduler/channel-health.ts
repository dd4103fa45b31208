import type Keyv from 'keyv';
import { channelKey, type ChannelRef } from '../core/platform.ts';

/** A scheduled digest that failed on a transient error: the slot it owes and when to try again. */
export interface DigestRetry {
  slot: string;
  attempts: number;
  nextAt: string;
}

export interface PausedChannel {
  since: string;
  /** The platform's code for the last failure ("404/10003", "channel_not_found"). */
  code: string;
}

/** After this many "the bot can't post here" answers in a row, a channel's digests pause. */
export const GONE_LIMIT = 3;

/** Back-off of a failed scheduled digest: 1, 2, 4, 8, then every 15 minutes, until it is delivered or its next slot comes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/**
 * Whether a channel can be posted to, in the `schedules` namespace beside its schedule: the pending
 * retry of a failed digest, the count of "gone" answers in a row, and the pause that follows them.
 * Only the holder of the channel's digest lease writes here (any command in the channel resumes it).
 */
export class ChannelHealth {
  constructor(private readonly store: Keyv) {}

  async paused(channel: ChannelRef): Promise<PausedChannel | undefined> {
    return (await this.store.get(`paused:${channelKey(channel)}`)) as PausedChannel | undefined;
  }

  async pause(channel: ChannelRef, code: string, at: Date): Promise<void> {
    await this.store.set(`paused:${channelKey(channel)}`, { since: at.toISOString(), code } satisfies PausedChannel);
  }

  /** True when the channel was paused (and now is not). */
  async resume(channel: ChannelRef): Promise<boolean> {
    const key = channelKey(channel);
    await this.store.delete(`gone:${key}`);
    return this.store.delete(`paused:${key}`);
  }

  /** One more "gone" answer in a row; returns how many. */
  async recordGone(channel: ChannelRef): Promise<number> {
    const key = `gone:${channelKey(channel)}`;
    const count = (((await this.store.get(key)) as number | undefined) ?? 0) + 1;
    await this.store.set(key, count);
    return count;
  }

  async retry(channel: ChannelRef): Promise<DigestRetry | undefined> {
    return (await this.store.get(`retry:${channelKey(channel)}`)) as DigestRetry | undefined;
  }

  async setRetry(channel: ChannelRef, retry: DigestRetry): Promise<void> {
    await this.store.set(`retry:${channelKey(channel)}`, retry);
  }

  /** The channel took a digest: no retry owed, no "gone" streak. */
  async delivered(channel: ChannelRef): Promise<void> {
    const key = channelKey(channel);
    await this.store.deleteMany([`retry:${key}`, `gone:${key}`]);
  }
}

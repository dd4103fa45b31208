import type Keyv from 'keyv';
import { channelKey, type ChannelRef } from '../core/platform.ts';

/** Delivered stories are remembered this long; candidates are never older than the digest window (compose.ts). */
const LEDGER_KEEP_MS = 14 * 24 * 60 * 60_000;

interface LedgerEntry {
  /** story id -> when it was delivered to the channel. */
  stories: Record<string, string>;
  lastDigestAt?: string;
}

/**
 * What each channel has received, in the `deliveries` namespace. A part of a digest is recorded right
 * after the platform accepted it, so after a failure (or a killed process) the next digest carries
 * exactly the stories that did not get through. Only the holder of the channel's digest lock writes here.
 */
export class DeliveryLedger {
  constructor(private readonly store: Keyv) {}

  async delivered(channel: ChannelRef): Promise<Set<string>> {
    return new Set(Object.keys((await this.entry(channel)).stories));
  }

  async lastDigestAt(channel: ChannelRef): Promise<string | undefined> {
    return (await this.entry(channel)).lastDigestAt;
  }

  async record(channel: ChannelRef, storyIds: string[], at: Date): Promise<void> {
    const entry = await this.entry(channel);
    const cutoff = at.getTime() - LEDGER_KEEP_MS;
    const stories = Object.fromEntries(Object.entries(entry.stories).filter(([, when]) => Date.parse(when) >= cutoff));
    for (const id of storyIds) stories[id] = at.toISOString();
    await this.store.set(`d:${channelKey(channel)}`, { stories, lastDigestAt: at.toISOString() } satisfies LedgerEntry);
  }

  private async entry(channel: ChannelRef): Promise<LedgerEntry> {
    return ((await this.store.get(`d:${channelKey(channel)}`)) as LedgerEntry | undefined) ?? { stories: {} };
  }
}

import type Keyv from 'keyv';
import type { OutgoingMessage, ThreadRequest } from '../core/messages.ts';
import { channelKey, type ChannelRef } from '../core/platform.ts';

/** Delivered stories are remembered this long; candidates are never older than the digest window (compose.ts). */
const LEDGER_KEEP_MS = 14 * 24 * 60 * 60_000;

/**
 * A digest part recorded before its first platform call. `key` travels with the message (Discord
 * nonce and embed footer, Slack metadata), so after a crash the channel can be checked for it before
 * the part is posted again.
 */
export interface PendingPart {
  key: string;
  storyIds: string[];
  message: OutgoingMessage;
  thread: ThreadRequest;
  /** When it was first recorded as sending. */
  at: string;
  /**
   * Live mode's later coverage (src/features/live.ts) is not a new message in the channel: a reply in
   * the live post's thread, or an edit of the live post (its outlet count). An edit is checked by doing
   * it again (it sets the same content); a reply is looked for in the thread by its key.
   */
  target?: { inThread: string } | { edit: string };
  /** The live story such a part is for and the articles it covers, which the live records take in once it is done. */
  liveUpdate?: { storyId: string; postKey: string; articleIds: string[] };
  /**
   * Composed and waiting for its delivery job (shared queues), never sent: posted without checking the
   * channel first. Cleared just before the first platform call.
   */
  queued?: boolean;
}

interface LedgerEntry {
  /** story id -> when it was delivered to the channel. */
  stories: Record<string, string>;
  lastDigestAt?: string;
  /** Parts recorded as sending and not yet known to be delivered. */
  pending?: PendingPart[];
  channel?: ChannelRef;
}

const PENDING_INDEX = 'pending-channels';

/**
 * What each channel has received, in the `deliveries` namespace. A part of a digest is recorded as
 * *sending* before the first platform call and as delivered once the platform accepted it, so after a
 * failure (or a killed process) the part is checked against the channel before it is sent again, and
 * the next digest carries exactly the stories that did not get through. Only the holder of the
 * channel's digest lease writes a channel's entry.
 */
export class DeliveryLedger {
  /** Updates of the pending-channel index, one at a time in this process. */
  private indexQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Keyv) {}

  async delivered(channel: ChannelRef): Promise<Set<string>> {
    const entry = await this.entry(channel);
    // A part that may have been posted counts as delivered until it is checked.
    return new Set([...Object.keys(entry.stories), ...(entry.pending ?? []).flatMap((part) => part.storyIds)]);
  }

  async lastDigestAt(channel: ChannelRef): Promise<string | undefined> {
    return (await this.entry(channel)).lastDigestAt;
  }

  async pending(channel: ChannelRef): Promise<PendingPart[]> {
    return (await this.entry(channel)).pending ?? [];
  }

  /** Channels with a part left sending (by a crash or a failed call), for the scheduler to check. */
  async pendingChannels(): Promise<ChannelRef[]> {
    return Object.values(((await this.store.get(PENDING_INDEX)) as Record<string, ChannelRef> | undefined) ?? {});
  }

  async markSending(channel: ChannelRef, part: PendingPart): Promise<void> {
    const entry = await this.entry(channel);
    const pending = [...(entry.pending ?? []).filter((candidate) => candidate.key !== part.key), part];
    await this.write(channel, { ...entry, pending });
    await this.index(channel, true);
  }

  /** A queued part is about to be sent: from now on it may be in the channel (kept in its place among the pending). */
  async markAttempted(channel: ChannelRef, key: string): Promise<void> {
    const entry = await this.entry(channel);
    const pending = (entry.pending ?? []).map((part) => {
      if (part.key !== key) return part;
      const { queued: _queued, ...attempted } = part;
      return attempted;
    });
    await this.write(channel, { ...entry, pending });
  }

  /** The part's stories are delivered; it is no longer pending. A part without stories (a live update) is no digest. */
  async markSent(channel: ChannelRef, key: string, storyIds: string[], at: Date): Promise<void> {
    const entry = await this.entry(channel);
    const cutoff = at.getTime() - LEDGER_KEEP_MS;
    const stories = Object.fromEntries(Object.entries(entry.stories).filter(([, when]) => Date.parse(when) >= cutoff));
    for (const id of storyIds) stories[id] = at.toISOString();
    const pending = (entry.pending ?? []).filter((part) => part.key !== key);
    await this.write(channel, { ...entry, stories, ...(storyIds.length > 0 ? { lastDigestAt: at.toISOString() } : {}), pending });
    if (pending.length === 0) await this.index(channel, false);
  }

  /** The part was refused outright (nothing posted): its stories are candidates again. */
  async dropPending(channel: ChannelRef, key: string): Promise<void> {
    const entry = await this.entry(channel);
    const pending = (entry.pending ?? []).filter((part) => part.key !== key);
    await this.write(channel, { ...entry, pending });
    if (pending.length === 0) await this.index(channel, false);
  }

  private async entry(channel: ChannelRef): Promise<LedgerEntry> {
    return ((await this.store.get(`d:${channelKey(channel)}`)) as LedgerEntry | undefined) ?? { stories: {} };
  }

  private async write(channel: ChannelRef, entry: LedgerEntry): Promise<void> {
    const { pending, ...rest } = entry;
    await this.store.set(`d:${channelKey(channel)}`, { ...rest, channel, ...(pending && pending.length > 0 ? { pending } : {}) } satisfies LedgerEntry);
  }

  private index(channel: ChannelRef, add: boolean): Promise<void> {
    const next = this.indexQueue.then(async () => {
      const index = ((await this.store.get(PENDING_INDEX)) as Record<string, ChannelRef> | undefined) ?? {};
      const key = channelKey(channel);
      if (add === key in index) return;
      if (add) index[key] = channel;
      else delete index[key];
      await this.store.set(PENDING_INDEX, index);
    });
    this.indexQueue = next.catch(() => undefined);
    return next;
  }
}

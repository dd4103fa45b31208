import type Keyv from 'keyv';
import { contentHash, shortId } from '../core/hash.ts';
import type { FeedItem } from '../ingest/feeds.ts';
import { canonicalUrl } from '../ingest/canonical-url.ts';

/**
 * How long an item is remembered after the feed last listed it (every poll with content writes all its
 * items again, so an item still in the feed never expires); older items are never new anyway (see
 * NEW_ITEM_MAX_AGE_MS in poller.ts). The retention sweep deletes the expired fingerprints.
 */
export const SEEN_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * Items already known, per feed, by three fingerprints: the GUID, the canonical link and the hash of
 * the title and text. An item is new only if none of them is known, so an item whose text is edited
 * (same GUID or link) is not new, and a feed that regenerates GUIDs on every build is not either.
 */
export class SeenItems {
  constructor(private readonly store: Keyv) {}

  keysOf(feedId: string, item: FeedItem): string[] {
    const keys: string[] = [];
    if (item.guid) keys.push(`g:${feedId}:${shortId(item.guid, 24)}`);
    if (item.url) keys.push(`l:${feedId}:${shortId(canonicalUrl(item.url), 24)}`);
    keys.push(`h:${feedId}:${contentHash(`${item.title ?? ''}\n${item.text}`).slice(0, 24)}`);
    return keys;
  }

  /** The items none of whose fingerprints is known, in feed order. */
  async unseen(feedId: string, items: FeedItem[]): Promise<FeedItem[]> {
    const keysPerItem = items.map((item) => this.keysOf(feedId, item));
    const flat = keysPerItem.flat();
    if (flat.length === 0) return [];
    const found = (await this.store.getMany(flat)) as unknown[];
    const known = new Set(flat.filter((_, index) => found[index] !== undefined));
    // Two entries of one poll with the same fingerprint are one item.
    const fresh: FeedItem[] = [];
    keysPerItem.forEach((keys, index) => {
      if (keys.some((key) => known.has(key))) return;
      keys.forEach((key) => known.add(key));
      fresh.push(items[index]!);
    });
    return fresh;
  }

  async remember(feedId: string, items: FeedItem[], at: Date): Promise<void> {
    const keys = items.flatMap((item) => this.keysOf(feedId, item));
    if (keys.length === 0) return;
    await this.store.setMany(keys.map((key) => ({ key, value: at.toISOString(), ttl: SEEN_TTL_MS })));
  }
}

import type Keyv from 'keyv';
import { shortId } from '../core/hash.ts';
import type { Article } from '../core/types.ts';
import { canonicalUrl } from '../ingest/canonical-url.ts';
import type { LockService } from '../scheduler/locks.ts';
import { bandKeys, packSignature, signature, similarity, storyTerms, unpackSignature } from './fingerprint.ts';

/** Estimated Jaccard of title+lead stems above which two articles report the same event (see README: Feeds, stories and digests). */
export const SAME_STORY_SIMILARITY = 0.15;
/** Articles only join stories first seen this recently: the same words a week later are a new event. */
export const MATCH_WINDOW_MS = 48 * 60 * 60_000;
const INDEX_TTL_MS = MATCH_WINDOW_MS + 60 * 60_000;
const STORY_TTL_MS = 30 * 24 * 60 * 60_000;
const BAND_BUCKET_LIMIT = 16;
/** Members of a story a new article is compared with: its first and its most recent (a big event's story holds thousands). */
const MATCH_SAMPLE = 32;

function matchHead(story: StoryRecord | undefined): MatchHead | undefined {
  return story && { firstSeenAt: story.firstSeenAt, signatures: matchSample(story.members).flatMap((member) => (member.signature ? [member.signature] : [])) };
}

/** The members a new article is compared with: the first (what the story is about) and the MATCH_SAMPLE - 1 most recent. */
function matchSample(members: StoryMember[]): StoryMember[] {
  return members.length <= MATCH_SAMPLE ? members : [members[0]!, ...members.slice(members.length - MATCH_SAMPLE + 1)];
}

/** A band bucket entry: `<story id>@<written at, ms base 36>` (an entry written before the stamp has none). */
function bucketEntry(entry: string): { id: string; at?: number } {
  const at = entry.lastIndexOf('@');
  return at < 0 ? { id: entry } : { id: entry.slice(0, at), at: Number.parseInt(entry.slice(at + 1), 36) };
}

/** One article of a story, with what the digest shows about it and the feeds it came through. */
export interface StoryMember {
  articleId: string;
  feedIds: string[];
  title?: string;
  url?: string;
  canonicalUrl?: string;
  source: string;
  publishedAt?: string;
  seenAt: string;
  /**
   * MinHash signature of title + lead, packed (packSignature). Kept only on the members a new article is
   * compared with (matchSample): the first and the most recent; dropped from the others.
   */
  signature?: string;
}

/** A story that reached the digest pipeline through a feed, and when. Written only by that feed's poller. */
export interface FeedStoryEntry {
  storyId: string;
  articleId: string;
  at: string;
}

/** Entries older than this are dropped from a feed's index (digests look back at most DIGEST_WINDOW_MS). */
const FEED_INDEX_KEEP_MS = 7 * 24 * 60 * 60_000;
const FEED_INDEX_LIMIT = 500;

/** What a new article is matched against, kept apart from the story (`h:<id>`), so matching reads a few KB however big the story grew. */
interface MatchHead {
  firstSeenAt: string;
  /** The packed signatures of matchSample(members). */
  signatures: string[];
}

export interface StoryRecord {
  id: string;
  title: string;
  firstSeenAt: string;
  updatedAt: string;
  members: StoryMember[];
}

/**
 * Stories across every feed: an article joins the story that has the same canonical URL or a
 * near-duplicate text, else it starts a new one. Keys: `s:<id>` the story, `u:<canonical url>` and
 * `b:<band>` the look-up indexes (expiring with the match window).
 */
export class StoryStore {
  constructor(
    private readonly store: Keyv,
    private readonly locks: LockService,
  ) {}

  async get(id: string): Promise<StoryRecord | undefined> {
    return (await this.store.get(`s:${id}`)) as StoryRecord | undefined;
  }

  async getMany(ids: string[]): Promise<StoryRecord[]> {
    if (ids.length === 0) return [];
    const found = (await this.store.getMany(ids.map((id) => `s:${id}`))) as (StoryRecord | undefined)[];
    return found.filter((story): story is StoryRecord => story !== undefined);
  }

  /** Files the article under its story and returns the story id. */
  async add(article: Article, feedId: string, source: string, now: Date): Promise<string> {
    const canonical = article.url ? canonicalUrl(article.url) : undefined;
    const sig = signature(storyTerms(article.title, article.text));
    const bands = bandKeys(sig).map((band) => `b:${band}`);
    // Entries older than the match window are skipped unread: the work per article stays bounded by a
    // window's worth of stories however much is kept (the buckets of common bands never expire).
    const cutoff = now.getTime() - MATCH_WINDOW_MS;
    const raw = bands.length === 0 ? [] : ((await this.store.getMany(bands)) as (string[] | undefined)[]);
    const buckets = raw.map((bucket) => (bucket ?? []).filter((entry) => (bucketEntry(entry).at ?? cutoff) >= cutoff));
    const storyId =
      (await this.findMatch(
        canonical,
        sig,
        buckets.map((bucket) => bucket.map((entry) => bucketEntry(entry).id)),
        now,
      )) ?? shortId(`story:${article.id}`);
    const member: StoryMember = {
      articleId: article.id,
      feedIds: [feedId],
      title: article.title,
      url: article.url,
      canonicalUrl: canonical,
      source,
      publishedAt: article.publishedAt,
      seenAt: now.toISOString(),
      signature: packSignature(sig),
    };
    await this.addMember(storyId, member, article.title ?? source, now);
    const indexes = bands
      .map((key, index) => ({ key, current: buckets[index] ?? [] }))
      .filter(({ current }) => !current.some((entry) => bucketEntry(entry).id === storyId))
      .map(({ key, current }): { key: string; value: unknown; ttl: number } => ({
        key,
        value: [`${storyId}@${now.getTime().toString(36)}`, ...current].slice(0, BAND_BUCKET_LIMIT),
        ttl: INDEX_TTL_MS,
      }));
    if (canonical) indexes.push({ key: `u:${canonical}`, value: storyId, ttl: INDEX_TTL_MS });
    if (indexes.length > 0) await this.store.setMany(indexes);
    return storyId;
  }

  async appendFeedEntries(feedId: string, entries: FeedStoryEntry[], now: Date): Promise<void> {
    if (entries.length === 0) return;
    const current = (await this.feedEntries([feedId])).get(feedId) ?? [];
    const cutoff = now.getTime() - FEED_INDEX_KEEP_MS;
    const kept = [...entries, ...current].filter((entry) => Date.parse(entry.at) >= cutoff).slice(0, FEED_INDEX_LIMIT);
    await this.store.set(`fs:${feedId}`, kept);
  }

  /** Newest first, per feed. */
  async feedEntries(feedIds: string[]): Promise<Map<string, FeedStoryEntry[]>> {
    const result = new Map<string, FeedStoryEntry[]>();
    if (feedIds.length === 0) return result;
    const found = (await this.store.getMany(feedIds.map((id) => `fs:${id}`))) as (FeedStoryEntry[] | undefined)[];
    feedIds.forEach((id, index) => result.set(id, found[index] ?? []));
    return result;
  }

  /** The story the article belongs to: by canonical URL, else the most similar recent story among those sharing a band. */
  private async findMatch(canonical: string | undefined, sig: number[], buckets: (string[] | undefined)[], now: Date): Promise<string | undefined> {
    if (canonical) {
      const byUrl = (await this.store.get(`u:${canonical}`)) as string | undefined;
      if (byUrl && (await this.isRecent(byUrl, now))) return byUrl;
    }
    const candidates = [...new Set(buckets.flatMap((bucket) => bucket ?? []))];
    let best: { id: string; score: number } | undefined;
    for (const [index, head] of (await this.heads(candidates)).entries()) {
      if (!head || now.getTime() - Date.parse(head.firstSeenAt) > MATCH_WINDOW_MS) continue;
      const score = Math.max(...head.signatures.map((packed) => similarity(sig, unpackSignature(packed))));
      if (score >= SAME_STORY_SIMILARITY && (!best || score > best.score)) best = { id: candidates[index]!, score };
    }
    return best?.id;
  }

  /** The match heads of these stories (a story written before heads were kept: read from its record). */
  private async heads(ids: string[]): Promise<(MatchHead | undefined)[]> {
    if (ids.length === 0) return [];
    const heads = (await this.store.getMany(ids.map((id) => `h:${id}`))) as (MatchHead | undefined)[];
    return Promise.all(heads.map(async (head, index) => head ?? matchHead(await this.get(ids[index]!))));
  }

  private async isRecent(id: string, now: Date): Promise<boolean> {
    const [head] = await this.heads([id]);
    return head !== undefined && now.getTime() - Date.parse(head.firstSeenAt) <= MATCH_WINDOW_MS;
  }

  private async addMember(id: string, member: StoryMember, title: string, now: Date): Promise<void> {
    // Pollers of different feeds may add to one story at once (in several processes with Redis).
    for (let attempt = 0; attempt < 50; attempt++) {
      const lease = await this.locks.acquire(`story:${id}`, 10_000);
      if (!lease) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      try {
        const story = (await this.get(id)) ?? { id, title, firstSeenAt: now.toISOString(), updatedAt: now.toISOString(), members: [] };
        const existing = story.members.find((candidate) => candidate.articleId === member.articleId);
        if (existing) {
          if (!existing.feedIds.includes(member.feedIds[0]!)) existing.feedIds.push(...member.feedIds);
        } else {
          story.members.push(member);
          // Out of the sample new articles are compared with: its signature (most of a member's size) is dropped.
          for (let index = 1; index <= story.members.length - MATCH_SAMPLE; index++) delete story.members[index]!.signature;
        }
        story.updatedAt = now.toISOString();
        await this.store.setMany([
          { key: `s:${id}`, value: story, ttl: STORY_TTL_MS },
          { key: `h:${id}`, value: matchHead(story), ttl: INDEX_TTL_MS },
        ]);
        return;
      } finally {
        await lease.release();
      }
    }
    throw new Error(`story ${id} stayed locked`);
  }
}

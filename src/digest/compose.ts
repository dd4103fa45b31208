import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Article, Digest, Story } from '../core/types.ts';
import type { FeedStoryEntry, StoryMember, StoryRecord } from '../stories/story-store.ts';
import { membersPassingFilters } from '../feeds/filter.ts';
import { rankStories } from './rank.ts';

/** A digest looks back this far; stories never delivered within it expire (no stale flood when a schedule is turned on). */
export const DIGEST_WINDOW_MS = 72 * 60 * 60_000;
/**
 * A channel that subscribes to a feed other channels already read gets, from before its subscription,
 * only the newest few stories of the last day: the same "do not flood" rule as a new feed's first poll.
 */
export const PRE_SUBSCRIPTION_WINDOW_MS = 24 * 60 * 60_000;
export const PRE_SUBSCRIPTION_LIMIT = 5;
/** Clock skew between the subscribing process and the polling one. */
const SUBSCRIPTION_TOLERANCE_MS = 60_000;

export interface ComposeOptions {
  maxStories: number;
  sentences: number;
  /** Only stories first seen at or after this time (ms): live mode posts what arrived since it was turned on. */
  since?: number;
}

/**
 * The channel's next digest: stories from its feeds, seen within the window, not yet delivered to it,
 * ranked and capped, each with the analysis of its fullest article. Only articles that came through
 * this channel's own feeds are shown as sources (another server's private feeds never leak in).
 * Null when there is nothing new.
 */
export async function composeDigest(services: Services, channel: ChannelRef, options: ComposeOptions): Promise<Digest | null> {
  const { newsroom, clock } = services;
  const now = clock.now().getTime();
  const subs = await newsroom.feeds.subscriptions(channel);
  if (subs.length === 0) return null;
  const feedIds = new Set(subs.map((sub) => sub.feedId));
  const perFeed = await newsroom.stories.feedEntries([...feedIds]);
  const candidates = new Set<string>();
  for (const sub of subs) {
    for (const entry of eligibleEntries(perFeed.get(sub.feedId) ?? [], Date.parse(sub.addedAt), now)) candidates.add(entry.storyId);
  }
  const delivered = await newsroom.ledger.delivered(channel);
  const records = await newsroom.stories.getMany([...candidates].filter((id) => !delivered.has(id)));
  // A story reaches the channel through the members its feeds brought, as far as its feed filters let them (/feeds filter).
  const since = options.since;
  const fresh = records.filter((record) => since === undefined || Date.parse(record.firstSeenAt) >= since);
  const withMembers = await Promise.all(
    fresh.map(async (record) => ({
      record,
      members: await membersPassingFilters(
        services,
        channel,
        record.members.filter((member) => member.feedIds.some((id) => feedIds.has(id))),
        subs,
        options.sentences,
      ),
    })),
  );
  const visible = withMembers
    .filter(({ members }) => members.length > 0)
    .map(({ record, members }) => ({
      id: record.id,
      record,
      members,
      newestAt: newestAt(members, now),
      sourceCount: new Set(members.map((m) => m.source)).size,
    }));
  const chosen = rankStories(visible, now).slice(0, options.maxStories);
  const stories = (await Promise.all(chosen.map(({ record, members }) => buildStory(services, channel, record, members, options.sentences)))).filter(
    (story): story is Story => story !== null,
  );
  if (stories.length === 0) return null;
  return { channelId: channel.channelId, createdAt: new Date(now).toISOString(), stories };
}

function eligibleEntries(entries: FeedStoryEntry[], subscribedAt: number, now: number): FeedStoryEntry[] {
  const inWindow = entries.filter((entry) => now - Date.parse(entry.at) <= DIGEST_WINDOW_MS);
  const after = inWindow.filter((entry) => Date.parse(entry.at) >= subscribedAt - SUBSCRIPTION_TOLERANCE_MS);
  const before = inWindow
    .filter((entry) => Date.parse(entry.at) < subscribedAt - SUBSCRIPTION_TOLERANCE_MS && subscribedAt - Date.parse(entry.at) <= PRE_SUBSCRIPTION_WINDOW_MS)
    .slice(0, PRE_SUBSCRIPTION_LIMIT);
  return [...after, ...before];
}

function newestAt(members: StoryMember[], now: number): number {
  return Math.max(
    ...members.map((member) => {
      const published = member.publishedAt ? Date.parse(member.publishedAt) : Number.NaN;
      return Number.isNaN(published) || published > now ? Date.parse(member.seenAt) : published;
    }),
  );
}

async function buildStory(services: Services, channel: ChannelRef, record: StoryRecord, members: StoryMember[], sentences: number): Promise<Story | null> {
  const articles = await services.library.getMany(members.map((member) => member.articleId));
  if (articles.length === 0) return null;
  const lead = articles.reduce((best: Article, article) => (article.text.length > best.text.length ? article : best), articles[0]!);
  const analysis = await services.analysis.analyze(lead, { sentences, tenant: channel.tenantId });
  const sources: Story['sources'] = [];
  for (const member of [...members].sort((a, b) => Date.parse(a.seenAt) - Date.parse(b.seenAt))) {
    if (!sources.some((source) => source.name === member.source)) sources.push({ name: member.source, url: member.url });
  }
  return {
    id: record.id,
    title: lead.title ?? record.title,
    articles: [lead, ...articles.filter((article) => article !== lead)],
    analysis,
    sources,
    firstSeenAt: record.firstSeenAt,
  };
}

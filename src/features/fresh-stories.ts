import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Article } from '../core/types.ts';
import type { StoryMember, StoryRecord } from '../stories/story-store.ts';
import type { Cursor } from './store.ts';

/** A story with articles the channel's feeds brought since the last news run. */
export interface FreshStory {
  record: StoryRecord;
  /** Members that came through the channel's own feeds, oldest first. */
  members: StoryMember[];
  /** The articles new since the last run, oldest first. */
  fresh: Article[];
}

/**
 * The channel's stories with articles filed after the cursor (through its own feeds), and the cursor
 * to store once they are handled. Entries filed in the same millisecond as the cursor are told apart
 * by the article ids the cursor remembers.
 */
export async function freshStories(services: Services, channel: ChannelRef, cursor: Cursor): Promise<{ stories: FreshStory[]; next: Cursor }> {
  const subs = await services.newsroom.feeds.subscriptions(channel);
  const feedIds = new Set(subs.map((sub) => sub.feedId));
  const perFeed = await services.newsroom.stories.feedEntries([...feedIds]);
  const since = Date.parse(cursor.at);
  const done = new Set(cursor.ids);
  const byStory = new Map<string, Set<string>>();
  let next: Cursor = cursor;
  for (const entries of perFeed.values()) {
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      if (at < since || (at === since && done.has(entry.articleId))) continue;
      const ids = byStory.get(entry.storyId) ?? new Set<string>();
      ids.add(entry.articleId);
      byStory.set(entry.storyId, ids);
      if (at > Date.parse(next.at)) next = { at: entry.at, ids: [entry.articleId] };
      else if (at === Date.parse(next.at) && !next.ids.includes(entry.articleId)) next = { at: next.at, ids: [...next.ids, entry.articleId] };
    }
  }
  const records = await services.newsroom.stories.getMany([...byStory.keys()]);
  const stories: FreshStory[] = [];
  for (const record of records) {
    const members = record.members.filter((member) => member.feedIds.some((id) => feedIds.has(id))).sort((a, b) => Date.parse(a.seenAt) - Date.parse(b.seenAt));
    const freshIds = byStory.get(record.id)!;
    const fresh = await services.library.getMany(members.filter((member) => freshIds.has(member.articleId)).map((member) => member.articleId));
    if (fresh.length > 0) stories.push({ record, members, fresh });
  }
  stories.sort((a, b) => Date.parse(a.record.firstSeenAt) - Date.parse(b.record.firstSeenAt));
  return { stories, next };
}

import type { ChannelRef, PostedMessage } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { PendingPart } from '../digest/ledger.ts';
import { featureStore } from './index.ts';
import type { LiveStory } from './store.ts';

/**
 * A live post, thread update or edit was accepted (first try, or completed after a crash by whichever
 * path resumed it): keep where the post is and what it shows, so later coverage can go in its thread
 * and its outlet count be edited, and which articles of each story were shown.
 */
export async function recordLivePost(services: Services, channel: ChannelRef, posted: PostedMessage, part: PendingPart): Promise<void> {
  if (part.liveUpdate) return recordLiveUpdate(services, channel, part);
  if (part.message.kind !== 'digest' || !part.message.live) return;
  const store = featureStore(services);
  await store.setLivePost(channel, { key: part.key, message: part.message, messageId: posted.id, threadId: posted.threadId });
  for (const story of part.message.digest.stories) {
    const alerted = (part.message.alerts ?? []).filter((alert) => alert.storyIds?.includes(story.id)).map((alert) => alert.role);
    await store.setLiveStory(channel, story.id, { postKey: part.key, shown: story.articles.map((article) => article.id), updates: 0, alerted });
  }
}

/**
 * A thread update was posted or the post edited: its articles count as shown (so the next run does not
 * tell them again), the thread leads to them, and an edited post keeps its new content. Doing it twice
 * (a crash between this and the ledger's mark) changes nothing more.
 */
async function recordLiveUpdate(services: Services, channel: ChannelRef, part: PendingPart): Promise<void> {
  const { storyId, postKey, articleIds } = part.liveUpdate!;
  const store = featureStore(services);
  const record = await store.liveStory(channel, storyId);
  const added = record ? articleIds.filter((id) => !record.shown.includes(id)) : [];
  const threadId = part.target && 'inThread' in part.target ? part.target.inThread : undefined;
  if (record && added.length > 0)
    await store.setLiveStory(channel, storyId, { ...shownNow(record, added, part), updates: record.updates + (threadId ? 1 : 0) });
  if (threadId) {
    const linked = ((await services.library.threadArticles(channel.platform, threadId)) ?? []).map((article) => article.id);
    await services.library.linkThread(channel.platform, threadId, [...new Set([...linked, ...(record?.shown ?? []), ...articleIds])]);
  }
  if (part.target && 'edit' in part.target) {
    const post = await store.livePost(channel, postKey);
    if (post) await store.setLivePost(channel, { ...post, message: part.message });
  }
}

/** The live story once this update's articles count as shown, and the roles it pinged (/alert) as pinged. */
function shownNow(record: LiveStory, added: string[], part: PendingPart): LiveStory {
  const pinged = part.message.kind === 'list' ? (part.message.alerts ?? []).map((alert) => alert.role) : [];
  return { ...record, shown: [...record.shown, ...added], alerted: [...new Set([...(record.alerted ?? []), ...pinged])] };
}

/** Coverage the platform would not take (refused, or the channel gone): counted as shown, so it is not tried every run. */
export async function skipLiveUpdate(services: Services, channel: ChannelRef, part: PendingPart): Promise<void> {
  if (!part.liveUpdate) return;
  const store = featureStore(services);
  const record = await store.liveStory(channel, part.liveUpdate.storyId);
  const added = record ? part.liveUpdate.articleIds.filter((id) => !record.shown.includes(id)) : [];
  // Its alert counts as given too: the same refused update is not tried again to ping.
  if (record && added.length > 0) await store.setLiveStory(channel, part.liveUpdate.storyId, shownNow(record, added, part));
}

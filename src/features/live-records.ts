import type { ChannelRef, PostedMessage } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { PendingPart } from '../digest/ledger.ts';
import { featureStore } from './index.ts';

/**
 * A live post was accepted (first try, or completed after a crash by whichever path resumed it): keep
 * where it is and what it showed, so later coverage can go in its thread and its outlet count be edited.
 */
export async function recordLivePost(services: Services, channel: ChannelRef, posted: PostedMessage, part: PendingPart): Promise<void> {
  if (part.message.kind !== 'digest' || !part.message.live) return;
  const store = featureStore(services);
  await store.setLivePost(channel, { key: part.key, message: part.message, messageId: posted.id, threadId: posted.threadId });
  for (const story of part.message.digest.stories) {
    await store.setLiveStory(channel, story.id, { postKey: part.key, shown: story.articles.map((article) => article.id), updates: 0 });
  }
}

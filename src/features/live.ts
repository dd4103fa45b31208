import type { OutgoingMessage } from '../core/messages.ts';
import type { ChannelRef, PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Story } from '../core/types.ts';
import { deliverLocked, digestLockKey, portPoster } from '../digest/deliver.ts';
import { withLock } from '../scheduler/locks.ts';
import type { StoryMember } from '../stories/story-store.ts';
import type { FreshStory } from './fresh-stories.ts';
import { featureStore } from './index.ts';
import { newSentences } from './new-facts.ts';
import type { LiveStory } from './store.ts';

/** A channel in live mode gets at most one new post a minute; stories arriving meanwhile go in the next one. */
export const LIVE_POST_EVERY_MS = 60_000;
/** Stories in one live post (a burst beyond it waits for the next minute). */
export const LIVE_MAX_STORIES = 10;
/** New sentences shown in one thread update. */
const MAX_UPDATE_SENTENCES = 8;

export interface LiveRun {
  /** Stories in the new post (0: none this run). */
  posted: number;
  /** Thread updates posted, and top posts edited ("covered by N outlets"). */
  updates: number;
  edits: number;
}

/**
 * Live mode for one channel, after a poll cycle: later coverage of a story already posted goes into
 * its thread as an update with only the sentences that bring new facts (none: no update), and the
 * post's outlet count is edited in place; then the stories not yet delivered here, first seen since
 * live mode was turned on, are posted as one message (at most one a minute), through the digest's
 * delivery ledger under the channel's digest lease, so none is lost and none goes twice.
 */
export async function runLive(services: Services, port: PlatformPort, channel: ChannelRef, fresh: FreshStory[]): Promise<LiveRun | undefined> {
  const store = featureStore(services);
  const state = await store.live(channel);
  if (!state?.on) return undefined;
  const run: LiveRun = { posted: 0, updates: 0, edits: 0 };
  for (const story of fresh) {
    const record = await store.liveStory(channel, story.record.id);
    if (record) await updateStory(services, port, channel, story, record, run);
  }
  const now = services.clock.now();
  if (state.lastPostAt && now.getTime() - Date.parse(state.lastPostAt) < LIVE_POST_EVERY_MS) return run;
  const { newsroom } = services;
  // The port poster records each part's thread and, for live parts, the live records (live-records.ts).
  const { post, onPosted } = portPoster(services, port, channel);
  const result = await withLock(newsroom.locks, digestLockKey(channel), newsroom.leaseMs, (guard) =>
    deliverLocked(services, channel, post, { onPosted, guard, live: { since: Date.parse(state.since), maxStories: LIVE_MAX_STORIES } }),
  );
  if (!result.ran) return run;
  const delivery = result.value;
  if (delivery.status !== 'posted' && delivery.status !== 'failed') return run;
  if (delivery.status === 'failed') services.logger.warn({ channel, failure: delivery.failure }, 'live: post not delivered; its stories wait for the next run');
  if (delivery.partsPosted > 0) {
    run.posted = delivery.storiesDelivered;
    await store.setLive(channel, { ...state, lastPostAt: now.toISOString() });
  }
  return run;
}

async function updateStory(services: Services, port: PlatformPort, channel: ChannelRef, story: FreshStory, record: LiveStory, run: LiveRun): Promise<void> {
  const store = featureStore(services);
  const added = story.members.filter((member) => !record.shown.includes(member.articleId));
  if (added.length === 0) return;
  // Recorded before any platform call: an update is never posted twice (a crash may lose one).
  const shown = [...record.shown, ...added.map((member) => member.articleId)];
  const earlier = await services.library.getMany(record.shown);
  const later = await services.library.getMany(added.map((member) => member.articleId));
  const sentences = newSentences(later, earlier).slice(0, MAX_UPDATE_SENTENCES);
  await store.setLiveStory(channel, story.record.id, { ...record, shown, updates: record.updates + (sentences.length > 0 ? 1 : 0) });
  const post = await store.livePost(channel, record.postKey);
  if (!post) return;
  const members = story.members.filter((member) => shown.includes(member.articleId));
  const before = new Set(story.members.filter((member) => record.shown.includes(member.articleId)).map((member) => member.source));
  const newOutlets = [...new Set(added.map((member) => member.source).filter((source) => !before.has(source)))];
  try {
    if (sentences.length > 0 && post.threadId) {
      const outletsLine = newOutlets.length > 0 ? `${newOutlets.length} more ${newOutlets.length === 1 ? 'outlet' : 'outlets'}: ${newOutlets.join(', ')}` : 'More coverage';
      const update: OutgoingMessage = {
        kind: 'list',
        title: `Update: ${story.record.title}`,
        intro: `${outletsLine}. What they add:`,
        entries: sentences.map((sentence) => ({ text: sentence.text, sources: [{ name: sourceOf(added, sentence.article.id), url: sentence.article.url }] })),
        empty: '',
        note: `Now covered by ${new Set(members.map((member) => member.source)).size} outlets.`,
      };
      await port.post(channel, update, { inThread: post.threadId });
      await services.library.linkThread(channel.platform, post.threadId, [...new Set([...((await services.library.threadArticles(channel.platform, post.threadId)) ?? []).map((article) => article.id), ...shown])]);
      run.updates++;
    }
    if (newOutlets.length > 0 && post.message.kind === 'digest' && port.edit) {
      const message: OutgoingMessage = { ...post.message, digest: { ...post.message.digest, stories: post.message.digest.stories.map((shownStory) => (shownStory.id === story.record.id ? withSources(shownStory, members) : shownStory)) } };
      await port.edit(channel, post.messageId, message);
      await store.setLivePost(channel, { ...post, message });
      run.edits++;
    }
  } catch (error) {
    services.logger.warn({ err: error, channel, story: story.record.id }, 'live: could not post the update or edit the post; the next coverage tries again');
  }
}

function sourceOf(members: StoryMember[], articleId: string): string {
  return members.find((member) => member.articleId === articleId)?.source ?? 'unknown outlet';
}

function withSources(story: Story, members: StoryMember[]): Story {
  const sources: Story['sources'] = [];
  for (const member of [...members].sort((a, b) => Date.parse(a.seenAt) - Date.parse(b.seenAt))) {
    if (!sources.some((source) => source.name === member.source)) sources.push({ name: member.source, url: member.url });
  }
  return { ...story, sources };
}

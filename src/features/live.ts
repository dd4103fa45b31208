import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '../core/messages.ts';
import type { ChannelRef, PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Story } from '../core/types.ts';
import { deliverLocked, digestLockKey, portPoster, sendRecordedPart, type DeliverOptions, type PostPart } from '../digest/deliver.ts';
import type { PendingPart } from '../digest/ledger.ts';
import { withLock } from '../scheduler/locks.ts';
import type { StoryMember } from '../stories/story-store.ts';
import type { FreshStory } from './fresh-stories.ts';
import { newAlertsFor } from './alerts.ts';
import { featureStore } from './index.ts';
import { skipLiveUpdate } from './live-records.ts';
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
  /**
   * Set when some coverage waits for the next run (the digest lease was busy, the platform did not
   * answer, or a part left sending could not be completed): the news run keeps its cursor, so the same
   * stories are read again.
   */
  unfinished?: true;
}

/**
 * Live mode for one channel, after a poll cycle, under the channel's digest lease: first whatever a
 * crash or a failed call left sending (posts, thread updates, edits) is completed, each checked against
 * the channel first; then later coverage of a story already posted goes into its thread as an update
 * with only the sentences that bring new facts (none: no update), and the post's outlet count is edited
 * in place; then the stories not yet delivered here, first seen since live mode was turned on, are
 * posted as one message (at most one a minute). Every post, update and edit goes through the digest's
 * delivery ledger: recorded as sending before the platform call, so none is lost and none goes twice.
 */
export async function runLive(services: Services, port: PlatformPort, channel: ChannelRef, fresh: FreshStory[]): Promise<LiveRun | undefined> {
  const store = featureStore(services);
  const state = await store.live(channel);
  if (!state?.on) return undefined;
  const run: LiveRun = { posted: 0, updates: 0, edits: 0 };
  const { newsroom } = services;
  // Digests here are paused (the bot may not post): the coverage waits for the channel to be fixed.
  if (await newsroom.health.paused(channel)) return { ...run, unfinished: true };
  // The port poster records each part's thread and, for live parts, the live records (live-records.ts).
  const { post, onPosted } = portPoster(services, port, channel);
  const result = await withLock(newsroom.locks, digestLockKey(channel), newsroom.leaseMs, async (guard): Promise<boolean> => {
    const options = { onPosted, guard };
    const resumed = await deliverLocked(services, channel, post, { ...options, resumeOnly: true });
    if (resumed.status === 'failed') return false;
    for (const story of fresh) {
      const record = await store.liveStory(channel, story.record.id);
      if (record && !(await updateStory(services, port, channel, { post, options }, story, record, run))) return false;
    }
    const now = services.clock.now();
    if (state.lastPostAt && now.getTime() - Date.parse(state.lastPostAt) < LIVE_POST_EVERY_MS) return true;
    const delivery = await deliverLocked(services, channel, post, {
      ...options,
      resume: false,
      live: { since: Date.parse(state.since), maxStories: LIVE_MAX_STORIES },
    });
    if (delivery.status !== 'posted' && delivery.status !== 'failed') return true;
    if (delivery.status === 'failed')
      services.logger.warn({ channel, failure: delivery.failure }, 'live: post not delivered; its stories wait for the next run');
    if (delivery.partsPosted > 0) {
      run.posted = delivery.storiesDelivered;
      await store.setLive(channel, { ...state, lastPostAt: now.toISOString() });
    }
    return true;
  });
  if (!result.ran || !result.value) run.unfinished = true;
  return run;
}

/**
 * A story's new articles: an update in the post's thread (only if they bring new sentences) and an edit
 * of the post (only if they bring new outlets), both recorded as sending before either is sent.
 * False when the platform did not answer (or the lease was lost): the rest waits for the next run.
 */
async function updateStory(
  services: Services,
  port: PlatformPort,
  channel: ChannelRef,
  send: { post: PostPart; options: DeliverOptions },
  story: FreshStory,
  record: LiveStory,
  run: LiveRun,
): Promise<boolean> {
  const store = featureStore(services);
  const added = story.members.filter((member) => !record.shown.includes(member.articleId));
  if (added.length === 0) return true;
  const articleIds = added.map((member) => member.articleId);
  const shown = [...record.shown, ...articleIds];
  const post = await store.livePost(channel, record.postKey);
  const earlier = await services.library.getMany(record.shown);
  const later = await services.library.getMany(articleIds);
  const sentences = newSentences(later, earlier).slice(0, MAX_UPDATE_SENTENCES);
  const members = story.members.filter((member) => shown.includes(member.articleId));
  const before = new Set(story.members.filter((member) => record.shown.includes(member.articleId)).map((member) => member.source));
  const newOutlets = [...new Set(added.map((member) => member.source).filter((source) => !before.has(source)))];
  const base = { storyIds: [], at: services.clock.now().toISOString(), liveUpdate: { storyId: story.record.id, postKey: record.postKey, articleIds } };
  // A role alerted for a name only this coverage brings is pinged in the update (an edit pings nobody).
  const alerted = record.alerted ?? (post?.message.kind === 'digest' ? (post.message.alerts ?? []).map((alert) => alert.role) : []);
  const alerts = post?.threadId ? await newAlertsFor(services, channel, story.record.id, later, alerted) : [];
  const parts: PendingPart[] = [];
  if (post?.threadId && (sentences.length > 0 || alerts.length > 0)) {
    const outletsLine =
      newOutlets.length > 0 ? `${newOutlets.length} more ${newOutlets.length === 1 ? 'outlet' : 'outlets'}: ${newOutlets.join(', ')}` : 'More coverage';
    // No new sentence but a new alert: the update lists the new articles' headlines.
    const entries =
      sentences.length > 0
        ? sentences.map((sentence) => ({ text: sentence.text, sources: [{ name: sourceOf(added, sentence.article.id), url: sentence.article.url }] }))
        : later.map((article) => ({ text: article.title ?? story.record.title, sources: [{ name: sourceOf(added, article.id), url: article.url }] }));
    const update: OutgoingMessage = {
      kind: 'list',
      title: `Update: ${story.record.title}`,
      intro: sentences.length > 0 ? `${outletsLine}. What they add:` : `${outletsLine}.`,
      entries,
      empty: '',
      note: `Now covered by ${new Set(members.map((member) => member.source)).size} outlets.`,
      ...(alerts.length > 0 ? { alerts } : {}),
    };
    parts.push({ ...base, key: updateKey(), message: update, thread: { title: update.title, articleIds }, target: { inThread: post.threadId } });
  }
  if (post && newOutlets.length > 0 && post.message.kind === 'digest' && port.edit) {
    const message: OutgoingMessage = {
      ...post.message,
      digest: {
        ...post.message.digest,
        stories: post.message.digest.stories.map((shownStory) => (shownStory.id === story.record.id ? withSources(shownStory, members) : shownStory)),
      },
    };
    parts.push({ ...base, key: updateKey(), message, thread: { title: story.record.title, articleIds }, target: { edit: post.messageId } });
  }
  if (parts.length === 0) {
    // Nothing to post or edit (no new facts, no new outlet, or the post is gone): nothing can be lost.
    await store.setLiveStory(channel, story.record.id, { ...record, shown });
    return true;
  }
  // Both are recorded before either is sent: a crash after the update still leaves the edit to do.
  for (const part of parts) await services.newsroom.ledger.markSending(channel, part);
  for (const part of parts) {
    const failed = await sendRecordedPart(services, channel, send.post, part, send.options);
    if (failed?.failure === 'transient' || failed?.failure === 'lease-lost') return false;
    if (failed) {
      services.logger.warn(
        { channel, story: story.record.id, failure: failed.failure },
        'live: the platform would not take the update or the edit; the coverage counts as shown',
      );
      await skipLiveUpdate(services, channel, part);
      continue;
    }
    if (part.target && 'inThread' in part.target) run.updates++;
    else run.edits++;
  }
  return true;
}

/** A delivery key of its own for each update and edit (a Discord nonce and marker, Slack metadata). */
function updateKey(): string {
  return `lu${randomUUID().replace(/-/g, '').slice(0, 12)}`;
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

import { randomUUID } from 'node:crypto';
import { recordPosted } from '../core/dispatcher.ts';
import type { OutgoingMessage, ThreadRequest } from '../core/messages.ts';
import { channelKey, type ChannelRef, type PlatformPort, type PostedMessage } from '../core/platform.ts';
import { failureKind, PlatformCallError, type PlatformFailure } from '../core/platform-error.ts';
import type { Services } from '../core/services.ts';
import type { Digest } from '../core/types.ts';
import { withLock, type LeaseGuard } from '../scheduler/locks.ts';
import { alertsFor } from '../features/alerts.ts';
import { recordLivePost } from '../features/live-records.ts';
import { composeDigest } from './compose.ts';
import type { PendingPart } from './ledger.ts';
import { PART_BUDGETS, splitStories, type PartBudget } from './split.ts';

/**
 * Sends one part with its delivery key; resolves once the platform accepted it. A `target` (live mode's
 * thread updates and edits) comes only to the port poster: other posters never resume parts.
 */
export type PostPart = (
  message: OutgoingMessage,
  thread: ThreadRequest,
  delivery: { key: string; resume: boolean; target?: PendingPart['target'] },
) => Promise<PostedMessage>;

export interface DeliverOptions {
  budget?: PartBudget;
  /** After a part is accepted (the port path records thread -> articles here), before it is marked delivered. */
  onPosted?: (posted: PostedMessage, thread: ThreadRequest, part?: PendingPart) => Promise<void>;
  /** Live mode (src/features/live.ts): only stories first seen since then, at most this many, in one part. */
  live?: { since: number; maxStories: number };
  /** Complete parts left sending by a crash or a failed call first (default true). */
  resume?: boolean;
  /** Only complete parts left sending; compose nothing new (the scheduler's check after a restart). */
  resumeOnly?: boolean;
  /** The digest lease: once lost, no further part is sent. */
  guard?: LeaseGuard;
  /**
   * Compose and record the parts as queued, and post nothing: a delivery job (shared queues,
   * src/scheduler/queue-work.ts) posts them, in whichever process takes it. Use with `resume: false`.
   */
  queue?: boolean;
}

export type DigestRun =
  | { status: 'nothing-new' | 'busy' }
  | {
      /** queued: composed and recorded for a delivery job (DeliverOptions.queue), nothing posted yet. */
      status: 'posted' | 'failed' | 'queued';
      parts: number;
      partsPosted: number;
      stories: number;
      storiesDelivered: number;
      error?: unknown;
      /** Why it failed, for the scheduler: retry, pause the channel, or give up on this slot. */
      failure?: PlatformFailure | 'lease-lost';
    };

/** One digest posts at most this many parts; stories beyond them wait for the next digest. */
export const MAX_DIGEST_PARTS = 5;

export function digestLockKey(channel: ChannelRef): string {
  return `digest:${channelKey(channel)}`;
}

/** Composes and posts the channel's digest under its lease; `busy` when another run has it. */
export async function deliverDigest(services: Services, channel: ChannelRef, post: PostPart, options: DeliverOptions = {}): Promise<DigestRun> {
  const result = await withLock(services.newsroom.locks, digestLockKey(channel), services.newsroom.leaseMs, (guard) =>
    deliverLocked(services, channel, post, { ...options, guard }),
  );
  return result.ran ? result.value : { status: 'busy' };
}

/**
 * Posts the digest part by part, at most once each: a part is recorded as *sending* (with the key its
 * messages carry) before the first platform call and as delivered once accepted. A part left sending
 * (a crash, a time-out) is completed first on the next run, the platform port checking the channel
 * for its key before posting anything again. A failure part-way leaves exactly the unsent stories for
 * the next digest. The caller must hold the channel's digest lease.
 */
export async function deliverLocked(services: Services, channel: ChannelRef, post: PostPart, options: DeliverOptions = {}): Promise<DigestRun> {
  const { ledger } = services.newsroom;
  const tally = { parts: 0, partsPosted: 0, stories: 0, storiesDelivered: 0 };
  if (options.resume ?? true) {
    for (const part of await ledger.pending(channel)) {
      tally.parts++;
      tally.stories += part.storyIds.length;
      // A queued part was never sent: no need to look for it in the channel first.
      const failed = await sendPart(services, channel, post, part, !part.queued, options);
      if (failed) return { status: 'failed', ...tally, ...failed };
      tally.partsPosted++;
      tally.storiesDelivered += part.storyIds.length;
      services.logger.info({ channel, key: part.key, stories: part.storyIds.length }, 'a digest part left sending was checked and completed');
    }
  }
  if (options.resumeOnly) return tally.parts > 0 ? { status: 'posted', ...tally } : { status: 'nothing-new' };
  const settings = await services.newsroom.schedules.settings(channel);
  const live = options.live;
  const digest = await composeDigest(
    services,
    channel,
    live ? { ...settings, maxStories: Math.min(settings.maxStories, live.maxStories), since: live.since } : settings,
  );
  if (!digest) return tally.parts > 0 ? { status: 'posted', ...tally } : { status: 'nothing-new' };
  // Follow-up questions in the digest's thread need the articles' text.
  await Promise.all(digest.stories.flatMap((story) => story.articles.map((article) => services.library.save(article))));
  // A live post is one message: stories that do not fit wait for the next one.
  const parts = splitStories(digest.stories, options.budget ?? PART_BUDGETS[channel.platform]).slice(0, live ? 1 : MAX_DIGEST_PARTS);
  const digestKey = randomUUID().replace(/-/g, '').slice(0, 12);
  let firstNumber = 1;
  tally.parts += parts.length;
  tally.stories += parts.reduce((sum, stories) => sum + stories.length, 0);
  for (const [index, stories] of parts.entries()) {
    const partDigest: Digest = { ...digest, stories };
    const thread: ThreadRequest = {
      title: live ? (stories.length === 1 ? stories[0]!.title : `Live: ${stories.length} stories`) : threadTitle(digest, index, parts.length),
      // Lead articles first, in story order, so "/summary 2" typed in the thread means its second story.
      articleIds: [
        ...new Set([...stories.map((story) => story.analysis.articleId), ...stories.flatMap((story) => story.articles.map((article) => article.id))]),
      ],
      // Stories are numbered across the parts, so "/summary 2" means the digest's second story.
      numbered: { articleIds: stories.map((story) => story.analysis.articleId), from: firstNumber },
    };
    // Roles alerted for a name or topic these stories carry (/alert) are the only mentions the part may ping.
    const alerts = await alertsFor(services, channel, stories);
    const message: OutgoingMessage = {
      kind: 'digest',
      digest: partDigest,
      part: index + 1,
      parts: parts.length,
      firstNumber,
      ...(live ? { live: true } : {}),
      ...(alerts.length > 0 ? { alerts } : {}),
    };
    firstNumber += stories.length;
    const part: PendingPart = {
      key: `${digestKey}.${index + 1}`,
      storyIds: stories.map((story) => story.id),
      message,
      thread,
      at: services.clock.now().toISOString(),
    };
    if (options.queue) {
      await ledger.markSending(channel, { ...part, queued: true });
      continue;
    }
    await ledger.markSending(channel, part);
    const failed = await sendPart(services, channel, post, part, false, options);
    if (failed) return { status: 'failed', ...tally, ...failed };
    tally.partsPosted++;
    tally.storiesDelivered += stories.length;
  }
  return { status: options.queue ? 'queued' : 'posted', ...tally };
}

/** Sends one recorded part and marks it delivered; on failure, says why (the part stays pending unless nothing can have been posted). */
async function sendPart(
  services: Services,
  channel: ChannelRef,
  post: PostPart,
  part: PendingPart,
  resume: boolean,
  options: DeliverOptions,
): Promise<{ error: unknown; failure: PlatformFailure | 'lease-lost' } | undefined> {
  const { ledger } = services.newsroom;
  if (options.guard?.lost) {
    services.logger.warn({ channel, key: part.key }, 'digest lease lost (storage unreachable or taken over): no further part is sent by this process');
    return { error: new Error('digest lease lost'), failure: 'lease-lost' };
  }
  // From here the part may be in the channel: a retry checks the channel for its key before posting.
  if (part.queued) await ledger.markAttempted(channel, part.key);
  let posted: PostedMessage;
  try {
    posted = await post(part.message, part.thread, { key: part.key, resume, ...(part.target ? { target: part.target } : {}) });
  } catch (error) {
    const failure = failureKind(error);
    services.logger.warn(
      {
        err: error,
        channel,
        call: error instanceof PlatformCallError ? error.call : undefined,
        code: error instanceof PlatformCallError ? error.code : undefined,
        failure,
        waiting: `digest part ${part.key} with ${part.storyIds.length} ${part.storyIds.length === 1 ? 'story' : 'stories'}`,
      },
      failure === 'transient'
        ? 'digest part not delivered; it is checked and retried with back-off'
        : 'digest part not delivered; its stories wait for the next digest',
    );
    // An answer that refused the call means nothing was posted: the stories go back to the candidates.
    if (failure !== 'transient') await ledger.dropPending(channel, part.key);
    return { error, failure };
  }
  await options.onPosted?.(posted, part.thread, part).catch((error: unknown) => {
    services.logger.warn({ err: error, channel }, 'digest posted, but its thread could not be recorded');
  });
  await ledger.markSent(channel, part.key, part.storyIds, services.clock.now());
  return undefined;
}

/**
 * Live mode's thread updates and edits of its posts: a part the caller already recorded as sending
 * (ledger.markSending, before any platform call), sent and completed as a digest part is, and so
 * resumed the same way after a crash. The caller holds the channel's digest lease.
 */
export function sendRecordedPart(services: Services, channel: ChannelRef, post: PostPart, part: PendingPart, options: DeliverOptions) {
  return sendPart(services, channel, post, part, false, options);
}

/** Posting through a platform port (scheduled digests, live mode), recording each part's thread -> articles. */
export function portPoster(services: Services, port: PlatformPort, channel: ChannelRef): { post: PostPart; onPosted: DeliverOptions['onPosted'] } {
  return {
    post: async (message, thread, { target, ...delivery }) => {
      if (!target) return port.post(channel, message, { thread, ...delivery });
      if ('inThread' in target) return port.post(channel, message, { inThread: target.inThread, ...delivery });
      if (!port.edit) throw new PlatformCallError('refused', 'edit', `${port.name} cannot edit messages`);
      await port.edit(channel, target.edit, message);
      return { id: target.edit };
    },
    onPosted: async (posted, thread, part) => {
      // A live update's thread is the live post's: its articles are recorded with the live records.
      if (!part?.target) await recordPosted(services, { platform: channel.platform, channel }, posted, thread);
      // A live post or update resumed here (after a crash or a failed call) still gets its live records.
      if (part) await recordLivePost(services, channel, posted, part);
    },
  };
}

function threadTitle(digest: Digest, index: number, parts: number): string {
  const day = new Date(digest.createdAt).toISOString().slice(0, 10);
  return `News digest ${day}${parts > 1 ? ` (${index + 1}/${parts})` : ''}`;
}

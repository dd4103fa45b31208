import { recordPosted } from '../core/dispatcher.ts';
import type { OutgoingMessage, ThreadRequest } from '../core/messages.ts';
import { channelKey, type ChannelRef, type PlatformPort, type PostedMessage } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Digest } from '../core/types.ts';
import { withLock } from '../scheduler/locks.ts';
import { composeDigest } from './compose.ts';
import { PART_BUDGETS, splitStories, type PartBudget } from './split.ts';

/** Sends one part; resolves once the platform accepted it. */
export type PostPart = (message: OutgoingMessage, thread: ThreadRequest) => Promise<PostedMessage>;

export interface DeliverOptions {
  budget?: PartBudget;
  /** After a part is accepted and recorded (the port path records thread -> articles here). */
  onPosted?: (posted: PostedMessage, thread: ThreadRequest) => Promise<void>;
}

export type DigestRun =
  | { status: 'nothing-new' | 'busy' }
  | { status: 'posted' | 'failed'; parts: number; partsPosted: number; stories: number; storiesDelivered: number; error?: unknown };

/** A digest holds its channel's lock at most this long: a scheduled run and /digest now never overlap. */
export const DIGEST_LOCK_MS = 15 * 60_000;

export function digestLockKey(channel: ChannelRef): string {
  return `digest:${channelKey(channel)}`;
}

/** Composes and posts the channel's digest under its lock; `busy` when another run has it. */
export async function deliverDigest(services: Services, channel: ChannelRef, post: PostPart, options: DeliverOptions = {}): Promise<DigestRun> {
  const result = await withLock(services.newsroom.locks, digestLockKey(channel), DIGEST_LOCK_MS, () => deliverLocked(services, channel, post, options));
  return result.ran ? result.value : { status: 'busy' };
}

/**
 * Posts the digest part by part. Each accepted part's stories are written to the ledger at once, so a
 * failure (or a kill) part-way leaves exactly the unsent stories for the next digest, and nothing sent
 * is ever sent again. The caller must hold the channel's digest lock.
 */
export async function deliverLocked(services: Services, channel: ChannelRef, post: PostPart, options: DeliverOptions = {}): Promise<DigestRun> {
  const settings = await services.newsroom.schedules.settings(channel);
  const digest = await composeDigest(services, channel, settings);
  if (!digest) return { status: 'nothing-new' };
  // Follow-up questions in the digest's thread need the articles' text.
  await Promise.all(digest.stories.flatMap((story) => story.articles.map((article) => services.library.save(article))));
  const parts = splitStories(digest.stories, options.budget ?? PART_BUDGETS[channel.platform]);
  let partsPosted = 0;
  let storiesDelivered = 0;
  let firstNumber = 1;
  for (const [index, stories] of parts.entries()) {
    const partDigest: Digest = { ...digest, stories };
    const thread: ThreadRequest = {
      title: threadTitle(digest, index, parts.length),
      // Lead articles first, in story order, so "/summary 2" typed in the thread means its second story.
      articleIds: [...new Set([...stories.map((story) => story.analysis.articleId), ...stories.flatMap((story) => story.articles.map((article) => article.id))])],
      // Stories are numbered across the parts, so "/summary 2" means the digest's second story.
      numbered: { articleIds: stories.map((story) => story.analysis.articleId), from: firstNumber },
    };
    const message: OutgoingMessage = { kind: 'digest', digest: partDigest, part: index + 1, parts: parts.length, firstNumber };
    firstNumber += stories.length;
    let posted: PostedMessage;
    try {
      posted = await post(message, thread);
    } catch (error) {
      services.logger.warn({ err: error, channel, part: index + 1, parts: parts.length }, 'digest part not delivered; its stories wait for the next digest');
      return { status: 'failed', parts: parts.length, partsPosted, stories: digest.stories.length, storiesDelivered, error };
    }
    await services.newsroom.ledger.record(channel, stories.map((story) => story.id), services.clock.now());
    partsPosted++;
    storiesDelivered += stories.length;
    await options.onPosted?.(posted, thread).catch((error: unknown) => {
      services.logger.warn({ err: error, channel }, 'digest posted, but its thread could not be recorded');
    });
  }
  return { status: 'posted', parts: parts.length, partsPosted, stories: digest.stories.length, storiesDelivered };
}

/** Posting through a platform port (scheduled digests), recording each part's thread -> articles. */
export function portPoster(services: Services, port: PlatformPort, channel: ChannelRef): { post: PostPart; onPosted: DeliverOptions['onPosted'] } {
  return {
    post: (message, thread) => port.post(channel, message, { thread }),
    onPosted: (posted, thread) => recordPosted(services, { platform: channel.platform, channel }, posted, thread),
  };
}

function threadTitle(digest: Digest, index: number, parts: number): string {
  const day = new Date(digest.createdAt).toISOString().slice(0, 10);
  return `News digest ${day}${parts > 1 ? ` (${index + 1}/${parts})` : ''}`;
}


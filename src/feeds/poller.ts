import { isUserError } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import { HttpStatusError } from '../ingest/http-status.ts';
import { withLock } from '../scheduler/locks.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from './backoff.ts';
import { reportHealth, type Notify } from './health.ts';
import { hostOf } from './host-limiter.ts';
import { takeInItems } from './intake.ts';
import type { FeedRecord, FeedState } from './types.ts';
import { recordPoll } from '../ops/metrics.ts';

export interface PollOutcome {
  feedId: string;
  status: 'new' | 'unchanged' | 'not-modified' | 'failed' | 'skipped';
  newItems: number;
  error?: string;
  /** When the feed is due again (after a poll that ran). */
  nextPollAt?: string;
}

export function initialState(now: Date): FeedState {
  return { consecutiveFailures: 0, nextPollAt: now.toISOString(), contentPolls: 0, failingNoticeSent: false };
}

/** Polls every feed whose next poll is due; each feed at most once across processes (its lock). */
export async function pollDueFeeds(services: Services, notify?: Notify): Promise<PollOutcome[]> {
  const now = services.clock.now().getTime();
  const ids = await services.newsroom.feeds.allIds();
  const states = await services.newsroom.feeds.states(ids);
  const due = ids.filter((_, index) => {
    const state = states[index];
    return !state || Date.parse(state.nextPollAt) <= now;
  });
  return pollFeeds(services, due, notify);
}

export async function pollFeeds(services: Services, feedIds: string[], notify?: Notify): Promise<PollOutcome[]> {
  const feeds = await services.newsroom.feeds.feeds(feedIds);
  const results = await Promise.allSettled(feeds.map((feed) => pollIfDue(services, feed, notify)));
  return results.map((result, index) => {
    if (result.status === 'fulfilled') return result.value;
    services.logger.error({ err: result.reason, feed: feeds[index]?.id }, 'feed poll crashed');
    return { feedId: feeds[index]!.id, status: 'failed', newItems: 0, error: String(result.reason) };
  });
}

/** One feed, through the host limiter, unless another process polled it since it was found due. */
export function pollIfDue(services: Services, feed: FeedRecord, notify: Notify | undefined): Promise<PollOutcome> {
  return services.newsroom.limiter.run(hostOf(feed.location), () => pollOnce(services, feed, notify));
}

async function pollOnce(services: Services, feed: FeedRecord, notify: Notify | undefined): Promise<PollOutcome> {
  const outcome = await withLock(services.newsroom.locks, `poll:${feed.id}`, services.newsroom.leaseMs, async () => {
    // Re-read under the lock: another process may have just polled it.
    const state = (await services.newsroom.feeds.state(feed.id)) ?? initialState(services.clock.now());
    if (Date.parse(state.nextPollAt) > services.clock.now().getTime()) return { feedId: feed.id, status: 'skipped', newItems: 0 } as PollOutcome;
    return pollFeed(services, feed, state, notify);
  });
  return outcome.ran ? outcome.value : { feedId: feed.id, status: 'skipped', newItems: 0 };
}

/** One poll: conditional GET, new items into stories, state and health updated. Never throws for a feed's own failure. */
export async function pollFeed(services: Services, feed: FeedRecord, state: FeedState, notify?: Notify): Promise<PollOutcome> {
  const { newsroom, clock, config } = services;
  const intervalMs = config.POLL_INTERVAL_MINUTES * 60_000;
  const startedAt = clock.now();
  let next: FeedState = { ...state, lastPolledAt: startedAt.toISOString() };
  let outcome: PollOutcome;
  try {
    const read = await newsroom.reader.read(feed, { etag: state.etag, lastModified: state.lastModified });
    const now = clock.now();
    next = {
      ...next,
      etag: read.etag ?? state.etag,
      lastModified: read.lastModified ?? state.lastModified,
      lastSuccessAt: now.toISOString(),
      consecutiveFailures: 0,
      nextPollAt: nextPollAfterSuccess(now, intervalMs, newsroom.random).toISOString(),
    };
    if (read.status === 'not-modified') {
      outcome = { feedId: feed.id, status: 'not-modified', newItems: 0 };
    } else {
      const newItems = await takeInItems(services, feed, read.feed, state.contentPolls === 0);
      next = { ...next, contentPolls: state.contentPolls + 1, itemCount: read.feed.items.length };
      outcome = { feedId: feed.id, status: newItems > 0 ? 'new' : 'unchanged', newItems };
    }
  } catch (error) {
    const now = clock.now();
    const failures = state.consecutiveFailures + 1;
    const retryAfterMs = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
    const message = isUserError(error) ? error.message : 'unexpected error';
    if (!isUserError(error)) services.logger.error({ err: error, feed: feed.id }, 'feed poll failed unexpectedly');
    next = {
      ...next,
      lastError: message,
      lastErrorAt: now.toISOString(),
      consecutiveFailures: failures,
      nextPollAt: nextPollAfterFailure(now, intervalMs, failures, retryAfterMs, newsroom.random).toISOString(),
    };
    outcome = { feedId: feed.id, status: 'failed', newItems: 0, error: message };
  }
  next = await reportHealth(services, feed, next, notify);
  await newsroom.feeds.saveState(feed.id, next);
  recordPoll(outcome);
  return { ...outcome, nextPollAt: next.nextPollAt };
}

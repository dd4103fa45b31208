import type { OutgoingMessage } from '../core/messages.ts';
import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { safeTitle } from '../core/text-safety.ts';
import type { FeedRecord, FeedState } from './types.ts';

/** Consecutive failed polls before the channel is told (one notice, then one when it recovers). */
export const FAILURES_BEFORE_NOTICE = 3;

/** How the poller reaches a channel on its own; the scheduler routes it to the channel's platform. */
export type Notify = (channel: ChannelRef, message: OutgoingMessage) => Promise<void>;

/**
 * Decides whether this poll changes the feed's health as the channels see it, and tells them. Returns
 * the state with `failingNoticeSent` updated. A notice that cannot be delivered is logged, not retried
 * every poll: the feed's health stays visible in /feeds list.
 */
export async function reportHealth(services: Services, feed: FeedRecord, state: FeedState, notify: Notify | undefined): Promise<FeedState> {
  const failing = state.consecutiveFailures >= FAILURES_BEFORE_NOTICE;
  let message: OutgoingMessage | undefined;
  if (failing && !state.failingNoticeSent) {
    message = {
      kind: 'text',
      tone: 'warning',
      text: `The feed “${safeTitle(feed.title, 100)}” has failed ${state.consecutiveFailures} polls in a row (${state.lastError ?? 'unknown error'}). I keep trying, less often; /feeds list shows its health.`,
    };
  } else if (state.consecutiveFailures === 0 && state.failingNoticeSent) {
    message = { kind: 'text', tone: 'success', text: `The feed “${safeTitle(feed.title, 100)}” works again; its stories will be in the next digest.` };
  }
  if (!message) return state;
  const next = { ...state, failingNoticeSent: failing };
  if (!notify) return next;
  const subscribers = await services.newsroom.feeds.subscribers(feed.id);
  const results = await Promise.allSettled(subscribers.map((sub) => notify(sub.channel, message)));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      services.logger.warn({ err: result.reason, feed: feed.id, channel: subscribers[index]?.channel }, 'could not post a feed health notice');
    }
  });
  return next;
}

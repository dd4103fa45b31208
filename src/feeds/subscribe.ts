import { UserError } from '../core/errors.ts';
import { shortId } from '../core/hash.ts';
import type { FeedStatusView } from '../core/messages.ts';
import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { safeTitle } from '../core/text-safety.ts';
import { withLock } from '../scheduler/locks.ts';
import { nextPollAfterSuccess } from './backoff.ts';
import { describeFilter, parseFilter, type FeedFilter } from './filter.ts';
import { takeInItems } from './intake.ts';
import { initialState } from './poller.ts';
import type { FeedRecord } from './types.ts';

/** More than this many feeds in one channel makes digests unreadable and polling expensive. */
export const MAX_FEEDS_PER_CHANNEL = 50;

export interface AddedFeed {
  feed: FeedRecord;
  itemCount: number;
  newItems: number;
}

/**
 * Subscribes the channel to a feed after reading it once (so a wrong link fails now, with a clear
 * message, not silently at the next poll). A page URL is followed to the feed it advertises. The
 * check doubles as the feed's first poll when the feed is new to the bot.
 */
export async function addFeed(services: Services, channel: ChannelRef, input: string): Promise<AddedFeed> {
  const { newsroom, clock } = services;
  const current = await newsroom.feeds.subscriptions(channel);
  if (current.length >= MAX_FEEDS_PER_CHANNEL) {
    throw new UserError(`This channel already has ${MAX_FEEDS_PER_CHANNEL} feeds; remove one first (/feeds remove).`);
  }
  const found = await newsroom.reader.discover(input, channel);
  const id = shortId(`feed:${found.location}`);
  if (current.some((sub) => sub.feedId === id)) throw new UserError(`This channel already has “${safeTitle(found.feed.title, 100)}”.`);
  const known = await newsroom.feeds.feed(id);
  const feed: FeedRecord = known ?? {
    id,
    location: found.location,
    kind: found.kind,
    title: found.feed.title,
    siteUrl: found.feed.link,
    addedAt: clock.now().toISOString(),
  };
  await newsroom.feeds.saveFeed(feed);
  // Subscribe before taking in items, so the channel counts them as arriving after it subscribed.
  await newsroom.feeds.subscribe(channel, id, clock.now());
  let newItems = 0;
  const state = await newsroom.feeds.state(id);
  if (!state || state.contentPolls === 0) {
    await withLock(newsroom.locks, `poll:${id}`, newsroom.leaseMs, async () => {
      newItems = await takeInItems(services, feed, found.feed, true);
      const now = clock.now();
      await newsroom.feeds.saveState(id, {
        ...(state ?? initialState(now)),
        etag: found.etag,
        lastModified: found.lastModified,
        lastPolledAt: now.toISOString(),
        lastSuccessAt: now.toISOString(),
        consecutiveFailures: 0,
        contentPolls: 1,
        itemCount: found.feed.items.length,
        nextPollAt: nextPollAfterSuccess(now, services.config.POLL_INTERVAL_MINUTES * 60_000, newsroom.random).toISOString(),
      });
    });
  }
  return { feed, itemCount: found.feed.items.length, newItems };
}

/** Removes a feed by its number in /feeds list, its address, or words of its title. */
export async function removeFeed(services: Services, channel: ChannelRef, which: string): Promise<FeedRecord> {
  const feed = await findChannelFeed(services, channel, which);
  await services.newsroom.feeds.unsubscribe(channel, feed.id);
  return feed;
}

export async function channelFeeds(services: Services, channel: ChannelRef): Promise<FeedRecord[]> {
  const subs = await services.newsroom.feeds.subscriptions(channel);
  const feeds = await services.newsroom.feeds.feeds(subs.map((sub) => sub.feedId));
  return subs.map((sub) => feeds.find((feed) => feed.id === sub.feedId)).filter((feed): feed is FeedRecord => feed !== undefined);
}

async function findChannelFeed(services: Services, channel: ChannelRef, which: string): Promise<FeedRecord> {
  const feeds = await channelFeeds(services, channel);
  if (feeds.length === 0) throw new UserError('This channel has no feeds. Add one with /feeds add <link>.');
  const value = which.trim();
  const number = /^#?(\d{1,3})$/.exec(value);
  if (number) {
    const feed = feeds[Number(number[1]) - 1];
    if (feed) return feed;
    throw new UserError(`There is no feed #${number[1]} here: the feeds are numbered 1 to ${feeds.length} in /feeds list.`);
  }
  const lower = value.toLowerCase();
  const match =
    feeds.find((feed) => feed.id === value || feed.location === value || feed.location.toLowerCase() === lower.replace(/\/$/, '')) ??
    feeds.find((feed) => feed.title.toLowerCase() === lower) ??
    feeds.find((feed) => feed.title.toLowerCase().includes(lower) || feed.location.toLowerCase().includes(lower));
  if (!match) throw new UserError(`No feed here matches “${value.slice(0, 80)}”. /feeds list shows them with their numbers.`);
  return match;
}

/**
 * Sets the channel's filter on one of its feeds from what the user typed (include / exclude terms);
 * both empty clears it. Returns the feed and the filter now in force.
 */
export async function setFeedFilter(
  services: Services,
  channel: ChannelRef,
  which: string,
  include: string,
  exclude: string,
): Promise<{ feed: FeedRecord; filter: FeedFilter | undefined }> {
  const filter = parseFilter(include, exclude);
  const feed = await findChannelFeed(services, channel, which);
  if (!(await services.newsroom.feeds.setFilter(channel, feed.id, filter))) throw new UserError('That feed was just removed from this channel.');
  return { feed, filter };
}

/** Each feed of the channel with its health and filter, for /feeds list. */
export async function feedStatusViews(services: Services, channel: ChannelRef): Promise<FeedStatusView[]> {
  const feeds = await channelFeeds(services, channel);
  const subs = await services.newsroom.feeds.subscriptions(channel);
  const states = await services.newsroom.feeds.states(feeds.map((feed) => feed.id));
  return feeds.map((feed, index) => {
    const state = states[index];
    return {
      id: feed.id,
      title: feed.title,
      url: feed.location,
      lastSuccessAt: state?.lastSuccessAt,
      lastError: state?.lastError,
      lastErrorAt: state?.lastErrorAt,
      nextPollAt: state?.nextPollAt,
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      filter: describeFilter(subs.find((sub) => sub.feedId === feed.id)?.filter),
    };
  });
}

/**
 * Subscribes a terminal-chat channel to the demo feed (config DEMO_FEED) when it has no feeds, so
 * `/digest now` shows stories on a fresh install. Returns the feed, or undefined when the channel
 * already had feeds. Only the console may read local files; other platforms are refused.
 */
export async function ensureDemoFeed(services: Services, channel: ChannelRef): Promise<AddedFeed | undefined> {
  if (channel.platform !== 'console') throw new Error('the demo feed is a local file: only the console channel may use it');
  const subs = await services.newsroom.feeds.subscriptions(channel);
  if (subs.length > 0) return undefined;
  return addFeed(services, channel, services.config.DEMO_FEED);
}

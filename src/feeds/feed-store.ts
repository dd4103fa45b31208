import type Keyv from 'keyv';
import { channelKey, type ChannelRef } from '../core/platform.ts';
import type { FeedFilter } from './types.ts';
import type { FeedRecord, FeedState, Subscriber, Subscription } from './types.ts';

/**
 * Feeds and subscriptions in the `feeds` namespace. The feed record, its poll state and its subscriber
 * list are separate keys, so the poller (which writes state) and a /feeds command (which writes
 * subscriptions) never overwrite each other's changes.
 */
export class FeedStore {
  constructor(private readonly store: Keyv) {}

  async feed(id: string): Promise<FeedRecord | undefined> {
    return (await this.store.get(`f:${id}`)) as FeedRecord | undefined;
  }

  async feeds(ids: string[]): Promise<FeedRecord[]> {
    if (ids.length === 0) return [];
    const found = (await this.store.getMany(ids.map((id) => `f:${id}`))) as (FeedRecord | undefined)[];
    return found.filter((feed): feed is FeedRecord => feed !== undefined);
  }

  async saveFeed(feed: FeedRecord): Promise<void> {
    await this.store.set(`f:${feed.id}`, feed);
    const all = await this.allIds();
    if (!all.includes(feed.id)) await this.store.set('all', [...all, feed.id]);
  }

  async allIds(): Promise<string[]> {
    return ((await this.store.get('all')) as string[] | undefined) ?? [];
  }

  async state(id: string): Promise<FeedState | undefined> {
    return (await this.store.get(`st:${id}`)) as FeedState | undefined;
  }

  async states(ids: string[]): Promise<(FeedState | undefined)[]> {
    if (ids.length === 0) return [];
    return (await this.store.getMany(ids.map((id) => `st:${id}`))) as (FeedState | undefined)[];
  }

  async saveState(id: string, state: FeedState): Promise<void> {
    await this.store.set(`st:${id}`, state);
  }

  async subscriptions(channel: ChannelRef): Promise<Subscription[]> {
    return ((await this.store.get(`ch:${channelKey(channel)}`)) as Subscription[] | undefined) ?? [];
  }

  async subscribers(feedId: string): Promise<Subscriber[]> {
    return ((await this.store.get(`subs:${feedId}`)) as Subscriber[] | undefined) ?? [];
  }

  /** False when the channel already had the feed. */
  async subscribe(channel: ChannelRef, feedId: string, at: Date): Promise<boolean> {
    const current = await this.subscriptions(channel);
    if (current.some((sub) => sub.feedId === feedId)) return false;
    await this.store.set(`ch:${channelKey(channel)}`, [...current, { feedId, addedAt: at.toISOString() }]);
    const subscribers = await this.subscribers(feedId);
    const key = channelKey(channel);
    await this.store.set(`subs:${feedId}`, [...subscribers.filter((sub) => channelKey(sub.channel) !== key), { channel, addedAt: at.toISOString() }]);
    return true;
  }

  /** Sets (or, with undefined, clears) the channel's filter on one of its feeds; false when it does not follow the feed. */
  async setFilter(channel: ChannelRef, feedId: string, filter: FeedFilter | undefined): Promise<boolean> {
    const key = `ch:${channelKey(channel)}`;
    const current = await this.subscriptions(channel);
    if (!current.some((sub) => sub.feedId === feedId)) return false;
    await this.store.set(
      key,
      current.map((sub) => (sub.feedId === feedId ? { feedId: sub.feedId, addedAt: sub.addedAt, ...(filter ? { filter } : {}) } : sub)),
    );
    return true;
  }

  /** Removes the subscription; a feed nobody reads any more is dropped from the poll list. */
  async unsubscribe(channel: ChannelRef, feedId: string): Promise<void> {
    const key = channelKey(channel);
    const current = await this.subscriptions(channel);
    await this.store.set(
      `ch:${key}`,
      current.filter((sub) => sub.feedId !== feedId),
    );
    const subscribers = (await this.subscribers(feedId)).filter((sub) => channelKey(sub.channel) !== key);
    await this.store.set(`subs:${feedId}`, subscribers);
    if (subscribers.length === 0) {
      const all = await this.allIds();
      await this.store.set(
        'all',
        all.filter((id) => id !== feedId),
      );
    }
  }
}

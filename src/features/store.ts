import type Keyv from 'keyv';
import type { OutgoingMessage } from '../core/messages.ts';
import { channelKey, type ChannelRef, type PlatformName } from '../core/platform.ts';
import type { LockService } from '../scheduler/locks.ts';

/** A person's follow, made in one channel: it covers the stories of that channel's feeds. */
export interface Follow {
  userId: string;
  /** As typed ("President Putin"). */
  name: string;
  /** Index key (names.ts nameKey). */
  key: string;
  addedAt: string;
}

/** Where the news run has got to in a channel's feed entries: the newest time read and the articles read at it. */
export interface Cursor {
  at: string;
  ids: string[];
}

/** A person whose direct messages are closed; `told` once they were told so, privately, in `channel`. */
export interface ClosedDms {
  at: string;
  channel: ChannelRef;
  told: boolean;
  storyTitle: string;
}

/** Live mode in a channel: on since when, and when it last posted in the channel. */
export interface LiveState {
  on: boolean;
  since: string;
  setBy: string;
  lastPostAt?: string;
}

/** A live post: what it showed (re-rendered when a story's outlets change) and where it is. */
export interface LivePost {
  key: string;
  message: OutgoingMessage;
  messageId: string;
  threadId?: string;
}

/** A story posted live: its post, and the articles shown so far (in the post and the thread's updates). */
export interface LiveStory {
  postKey: string;
  shown: string[];
  updates: number;
  /** The roles (/alert) its post or a thread update pinged; absent in records kept before alerts followed later coverage. */
  alerted?: string[];
}

const DAY_MS = 24 * 60 * 60_000;
/** Stories take new articles for 48 h; their live records are kept a little longer. */
const LIVE_KEEP_MS = 3 * DAY_MS;
/** A story is not sent to a person twice within this time (stories join new articles for 48 h). */
const SENT_KEEP_MS = 4 * DAY_MS;
const CHANNEL_INDEX = 'channels';

function userKey(platform: PlatformName, tenantId: string, userId: string): string {
  return `${platform}:${tenantId}:${userId}`;
}

/**
 * Follows, the channels that use a news feature, and the bookkeeping of the news run, in the
 * `features` namespace: `fo:<channel>` follows, `cur:<channel>` the run's cursor, `day:<user>:<date>` the daily
 * count, `dm:<user>` closed DMs, `live:`/`lpost:`/`lstory:` live mode; "one message per story and person"
 * is a claim in the locks namespace (claimStory).
 */
export class FeatureStore {
  /** Updates of the channel index, one at a time in this process. */
  private indexQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly store: Keyv) {}

  async follows(channel: ChannelRef): Promise<Follow[]> {
    return ((await this.store.get(`fo:${channelKey(channel)}`)) as Follow[] | undefined) ?? [];
  }

  async setFollows(channel: ChannelRef, follows: Follow[]): Promise<void> {
    await this.store.set(`fo:${channelKey(channel)}`, follows);
  }

  /** Channels where a news feature is on, so the news run reads only their feeds. */
  async channels(): Promise<ChannelRef[]> {
    return Object.values(((await this.store.get(CHANNEL_INDEX)) as Record<string, ChannelRef> | undefined) ?? {});
  }

  /** Adds the channel to the index; its cursor starts now, so only stories from now on are news. */
  async watchChannel(channel: ChannelRef, now: Date): Promise<void> {
    if (!(await this.store.get(`cur:${channelKey(channel)}`))) await this.setCursor(channel, { at: now.toISOString(), ids: [] });
    const next = this.indexQueue.then(async () => {
      const index = ((await this.store.get(CHANNEL_INDEX)) as Record<string, ChannelRef> | undefined) ?? {};
      if (channelKey(channel) in index) return;
      index[channelKey(channel)] = channel;
      await this.store.set(CHANNEL_INDEX, index);
    });
    this.indexQueue = next.catch(() => undefined);
    return next;
  }

  async cursor(channel: ChannelRef): Promise<Cursor | undefined> {
    return (await this.store.get(`cur:${channelKey(channel)}`)) as Cursor | undefined;
  }

  async setCursor(channel: ChannelRef, cursor: Cursor): Promise<void> {
    await this.store.set(`cur:${channelKey(channel)}`, cursor);
  }

  /**
   * Claims "this story goes to this person" once, across processes: a lease that is never released
   * (an atomic set-if-absent on Redis, as Slack event claims are), expiring after SENT_KEEP_MS.
   */
  async claimStory(locks: LockService, platform: PlatformName, tenantId: string, userId: string, storyId: string): Promise<boolean> {
    return (await locks.acquire(`follow-sent:${userKey(platform, tenantId, userId)}:${storyId}`, SENT_KEEP_MS)) !== null;
  }

  /** Counts one more message today for the person and returns the new count. */
  async countToday(platform: PlatformName, tenantId: string, userId: string, now: Date): Promise<number> {
    const key = `day:${userKey(platform, tenantId, userId)}:${now.toISOString().slice(0, 10)}`;
    const count = (((await this.store.get(key)) as number | undefined) ?? 0) + 1;
    await this.store.set(key, count, 2 * DAY_MS);
    return count;
  }

  async sentToday(platform: PlatformName, tenantId: string, userId: string, now: Date): Promise<number> {
    return ((await this.store.get(`day:${userKey(platform, tenantId, userId)}:${now.toISOString().slice(0, 10)}`)) as number | undefined) ?? 0;
  }

  async closedDms(platform: PlatformName, tenantId: string, userId: string): Promise<ClosedDms | undefined> {
    return (await this.store.get(`dm:${userKey(platform, tenantId, userId)}`)) as ClosedDms | undefined;
  }

  async setClosedDms(platform: PlatformName, tenantId: string, userId: string, value: ClosedDms | undefined): Promise<void> {
    const key = `dm:${userKey(platform, tenantId, userId)}`;
    if (value) await this.store.set(key, value);
    else await this.store.delete(key);
  }

  async live(channel: ChannelRef): Promise<LiveState | undefined> {
    return (await this.store.get(`live:${channelKey(channel)}`)) as LiveState | undefined;
  }

  async setLive(channel: ChannelRef, state: LiveState): Promise<void> {
    await this.store.set(`live:${channelKey(channel)}`, state);
  }

  async livePost(channel: ChannelRef, key: string): Promise<LivePost | undefined> {
    return (await this.store.get(`lpost:${channelKey(channel)}:${key}`)) as LivePost | undefined;
  }

  async setLivePost(channel: ChannelRef, post: LivePost): Promise<void> {
    await this.store.set(`lpost:${channelKey(channel)}:${post.key}`, post, LIVE_KEEP_MS);
  }

  async liveStory(channel: ChannelRef, storyId: string): Promise<LiveStory | undefined> {
    return (await this.store.get(`lstory:${channelKey(channel)}:${storyId}`)) as LiveStory | undefined;
  }

  async setLiveStory(channel: ChannelRef, storyId: string, story: LiveStory): Promise<void> {
    await this.store.set(`lstory:${channelKey(channel)}:${storyId}`, story, LIVE_KEEP_MS);
  }
}

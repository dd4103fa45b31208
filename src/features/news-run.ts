import { channelKey, type ChannelRef, type PlatformName, type PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { withLock } from '../scheduler/locks.ts';
import { notifyFollowers, type FollowRun } from './follows.ts';
import { freshStories } from './fresh-stories.ts';
import { featureStore } from './index.ts';
import { runLive, type LiveRun } from './live.ts';

export interface ChannelNews {
  channel: ChannelRef;
  stories: number;
  follows: FollowRun;
  /** Live mode's posts, thread updates and edits (undefined: live mode is off here). */
  live?: LiveRun;
}

/**
 * After each poll cycle: for every channel with follows (and, in later parts, live mode or alerts), the
 * stories its feeds brought since the last run are matched and delivered. Each channel runs under its
 * own lease, so with several processes one handles it; one failing channel never stops the others.
 */
export async function runNewsFeatures(services: Services, ports: ReadonlyMap<PlatformName, PlatformPort>): Promise<ChannelNews[]> {
  const channels = (await featureStore(services).channels()).filter((channel) => ports.has(channel.platform));
  const results = await Promise.allSettled(channels.map((channel) => runChannel(services, ports.get(channel.platform)!, channel)));
  return results.flatMap((result, index) => {
    if (result.status === 'fulfilled') return result.value ? [result.value] : [];
    services.logger.error({ err: result.reason, channel: channels[index] }, 'news features failed for a channel');
    return [];
  });
}

async function runChannel(services: Services, port: PlatformPort, channel: ChannelRef): Promise<ChannelNews | undefined> {
  const { newsroom } = services;
  const result = await withLock(newsroom.locks, `news:${channelKey(channel)}`, newsroom.leaseMs, async () => {
    const store = featureStore(services);
    const cursor = (await store.cursor(channel)) ?? { at: services.clock.now().toISOString(), ids: [] };
    const { stories, next } = await freshStories(services, channel, cursor);
    const follows = stories.length > 0 ? await notifyFollowers(services, port, channel, stories) : { sent: 0, capped: 0, closed: 0 };
    // Every run, fresh stories or not: a story held back by the one-post-a-minute rule goes out now.
    const live = await runLive(services, port, channel, stories);
    // Stored last, and only once live mode has handled them: after a crash, or with coverage left for the
    // next run, the same stories are read again; the claims per story and person, and the live records
    // and the delivery ledger, keep anything from going twice.
    if (stories.length > 0 && !live?.unfinished) await store.setCursor(channel, next);
    if (stories.length === 0 && !live?.posted) return undefined;
    return { channel, stories: stories.length, follows, ...(live ? { live } : {}) };
  });
  return result.ran ? result.value : undefined;
}

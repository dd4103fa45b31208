import { rmSync } from 'node:fs';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import type { Stores } from '../../src/store/index.ts';
import { pollFeeds } from '../../src/feeds/poller.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { item, rss, startFeedServer } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

/** The Redis the kill tests use (each with a key prefix of its own, deleted after). */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Seeds a channel with `count` stories waiting for its digest at `now`: a feed added two hours before
 * (with one item), then polled at `now` with `count - 1` items more (all newer than the subscription,
 * so none is held back by the first-poll limit). Returns the stories' titles as the feed gave them.
 */
export async function seedStories(channel: ChannelRef, count: number, now: string, storage: { dataDir: string } | { stores: Stores }): Promise<string[]> {
  const feeds = await startFeedServer();
  const clock = new ManualClock(new Date(Date.parse(now) - 2 * 3_600_000));
  const at = (i: number) => new Date(Date.parse(now) - (i === 0 ? 3 * 3_600_000 : i * 3 * 60_000)).toISOString();
  const items = Array.from({ length: count }, (_, i) => item(i, at(i)));
  const env = testServices(
    { FETCH_ALLOW_HOSTS: '127.0.0.1', ...('dataDir' in storage ? { DATA_DIR: storage.dataDir } : {}) },
    { clock, ...('stores' in storage ? { stores: storage.stores } : {}) },
  );
  try {
    feeds.routes.set('/feed.xml', { body: rss('Local', items.slice(0, 1)) });
    const added = await addFeed(env.services, channel, `${feeds.url}/feed.xml`);
    feeds.routes.set('/feed.xml', { body: rss('Local', items) });
    clock.set(now);
    await pollFeeds(env.services, [added.feed.id]);
    await env.services.newsroom.schedules.setSettings(channel, { maxStories: count, sentences: 1 });
  } finally {
    if ('dataDir' in storage) await env.services.stores.close();
    rmSync(env.dataDir, { recursive: true, force: true });
    await feeds.close();
  }
  return items.map((entry) => entry.title);
}

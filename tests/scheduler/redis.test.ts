import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { EventOnce } from '../../src/adapters/slack/events.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { createStores, NAMESPACES } from '../../src/store/index.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'news' };

let server: FeedServer;
let prefix: string;
let clock: ManualClock;
let envs: ReturnType<typeof testServices>[];

beforeEach(async () => {
  server = await startFeedServer();
  prefix = `newsdesk-test-${randomUUID()}`;
  clock = new ManualClock('2026-11-26T07:00:00Z');
  // Two "processes": separate services, separate Redis connections, one key prefix.
  envs = [0, 1].map(() =>
    testServices(
      { FETCH_ALLOW_HOSTS: '127.0.0.1', REDIS_URL },
      { clock, stores: createStores({ dataDir: '/nonexistent', redisUrl: REDIS_URL, redisPrefix: prefix }) },
    ),
  );
});

afterEach(async () => {
  await Promise.all(NAMESPACES.map((namespace) => envs[0]!.services.stores[namespace].clear()));
  await Promise.all(envs.map((env) => env.cleanup()));
  await server.close();
});

describe('several processes on one Redis', () => {
  it('posts one digest per slot when two scheduler instances with separate Redis connections run', async () => {
    const [a, b] = envs.map((env) => env.services);
    server.routes.set('/a.xml', { etag: '"1"', body: rss('Alpha', [item(1, '2026-11-26T06:00:00Z'), item(2, '2026-11-26T06:30:00Z')]) });
    await addFeed(a!, channel, `${server.url}/a.xml`);
    await b!.newsroom.schedules.set({ ...parseSchedule('every 2 hours', 'UTC'), channel, since: clock.now().toISOString() });
    const platforms = [new FakePlatform(), new FakePlatform()];
    const schedulers = [startScheduler(a!, [platforms[0]!], { timers: false }), startScheduler(b!, [platforms[1]!], { timers: false })];

    for (const [index, time] of ['2026-11-26T08:00:00Z', '2026-11-26T08:00:30Z', '2026-11-26T10:00:00Z'].entries()) {
      clock.set(time);
      server.routes.set('/a.xml', { etag: `"${time}"`, body: rss('Alpha', [item(10 + index, time)]) });
      const before = server.requests.length;
      await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
      // The feed was due (15 min interval): polled once, by one of the two.
      expect(server.requests.length - before).toBe(time.endsWith('08:00:30Z') ? 0 : 1);
    }
    const digests = platforms.flatMap((platform) => platform.sent.filter((post) => post.message.kind === 'digest'));
    expect(digests).toHaveLength(2);
    const ids = platforms.flatMap((platform) => platform.digestStoryIds());
    expect(new Set(ids).size).toBe(ids.length);
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  });

  it('shares one cache: what one process stored, the other reads', async () => {
    const [a, b] = envs.map((env) => env.services);
    server.routes.set('/a.xml', { body: rss('Alpha', [item(1, '2026-11-26T06:00:00Z')]) });
    await addFeed(a!, channel, `${server.url}/a.xml`);
    expect(await b!.newsroom.feeds.subscriptions(channel)).toHaveLength(1);
    const lease = await a!.newsroom.locks.acquire('shared-test', 10_000);
    expect(lease).not.toBeNull();
    expect(await b!.newsroom.locks.acquire('shared-test', 10_000)).toBeNull();
    await lease!.release();
    const again = await b!.newsroom.locks.acquire('shared-test', 10_000);
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('hands a Slack event delivered to both processes at the same instant to exactly one of them', async () => {
    const [a, b] = envs.map((env) => env.services);
    const onces = [new EventOnce(a!.stores.events, a!.stores.kind), new EventOnce(b!.stores.events, b!.stores.kind)];
    for (const id of ['Ev1', 'Ev2', 'Ev3', 'Ev4', 'Ev5']) {
      const claims = await Promise.all([...onces, ...onces].map((once) => once.claim(id)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
    // A later retry of a claimed event is refused by both.
    expect(await onces[0]!.claim('Ev1')).toBe(false);
    expect(await onces[1]!.claim('Ev1')).toBe(false);
  });
});

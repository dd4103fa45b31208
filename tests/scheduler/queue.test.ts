import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { pollFeeds } from '../../src/feeds/poller.ts';
import { redisQueue, type RedisJobQueue } from '../../src/scheduler/queue.ts';
import { digestLockKey } from '../../src/digest/deliver.ts';
import { SharedWork } from '../../src/scheduler/queue-work.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { createStores, NAMESPACES, type Stores } from '../../src/store/index.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const LEASE_MS = 60_000;

let prefix: string;
let clock: ManualClock;
let opened: Stores[] = [];

beforeEach(() => {
  prefix = `newsdesk-test-${randomUUID()}`;
  clock = new ManualClock('2026-12-07T07:00:00Z');
});

afterEach(async () => {
  if (opened[0]) await Promise.all(NAMESPACES.map((namespace) => opened[0]![namespace].clear()));
  await Promise.all(opened.map((stores) => stores.close()));
  opened = [];
});

function stores(): Stores {
  const made = createStores({ dataDir: '/nonexistent', redisUrl: REDIS_URL, redisPrefix: prefix });
  opened.push(made);
  return made;
}

function queue(name = 'jobs'): RedisJobQueue {
  return redisQueue(stores().locks, name, () => clock.now().getTime());
}

describe('the shared job queue on Redis', () => {
  it('gives each due job to one taker only, however many take at once', async () => {
    const takers = [queue(), queue(), queue()];
    const ids = Array.from({ length: 300 }, (_, index) => `job-${index}`);
    expect(await takers[0]!.ensure(ids.map((id) => ({ id, dueAt: clock.now().getTime() })))).toBe(300);
    const taken = await Promise.all(takers.flatMap((taker) => [1, 2, 3].map(() => taker.take(40, LEASE_MS))));
    const all = taken.flatMap((batch) => batch.ids);
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(await takers[1]!.size()).toEqual({ waiting: 0, leased: 300 });
  });

  it('takes only what is due, and a completed job comes back at the time it names', async () => {
    const jobs = queue();
    const now = clock.now().getTime();
    await jobs.ensure([
      { id: 'now', dueAt: now },
      { id: 'later', dueAt: now + 60_000 },
    ]);
    const first = await jobs.take(10, LEASE_MS);
    expect(first.ids).toEqual(['now']);
    expect(await first.complete('now', now + 30_000)).toBe(true);
    expect((await jobs.take(10, LEASE_MS)).ids).toEqual([]);
    clock.advance(30_000);
    expect((await jobs.take(10, LEASE_MS)).ids).toEqual(['now']);
    clock.advance(30_000);
    const last = await jobs.take(10, LEASE_MS);
    expect(last.ids).toEqual(['later']);
    expect(await last.complete('later', undefined)).toBe(true);
    expect(await jobs.ids()).toEqual(['now']);
  });

  it('puts a dead taker’s jobs back after their lease, and its late completion changes nothing', async () => {
    const [dead, alive] = [queue(), queue()];
    await dead.ensure([{ id: 'feed-1', dueAt: clock.now().getTime() }]);
    const lost = await dead.take(10, LEASE_MS);
    expect(lost.ids).toEqual(['feed-1']);
    clock.advance(LEASE_MS - 1);
    expect((await alive.take(10, LEASE_MS)).ids).toEqual([]);
    clock.advance(1);
    const retried = await alive.take(10, LEASE_MS);
    expect(retried).toMatchObject({ ids: ['feed-1'], recovered: 1 });
    // The first taker wakes up late: its completion is refused, the new holder's stands.
    expect(await lost.complete('feed-1', clock.now().getTime())).toBe(false);
    expect(await retried.complete('feed-1', clock.now().getTime() + 5_000)).toBe(true);
    expect(await alive.size()).toEqual({ waiting: 1, leased: 0 });
  });

  it('completes several jobs in one call, each only while its lease is still the taker’s', async () => {
    const [dead, alive] = [queue(), queue()];
    const now = clock.now().getTime();
    await dead.ensure(['a', 'b', 'c'].map((id) => ({ id, dueAt: now })));
    const early = await dead.take(2, LEASE_MS);
    clock.advance(LEASE_MS);
    // The first batch's lease ended: its jobs pass to another taker together with the third one.
    const late = await alive.take(10, LEASE_MS);
    expect(late).toMatchObject({ recovered: 2 });
    expect(await early.completeMany(early.ids.map((id) => ({ id, nextDueAt: now })))).toBe(0);
    expect(
      await late.completeMany([
        { id: 'a', nextDueAt: now + 1_000 },
        { id: 'b', nextDueAt: undefined },
        { id: 'c', nextDueAt: now + 2_000 },
      ]),
    ).toBe(3);
    expect(await alive.size()).toEqual({ waiting: 2, leased: 0 });
    expect((await alive.ids()).sort()).toEqual(['a', 'c']);
  });

  it('keeps a renewed lease, and does not queue a job twice while it is being worked on', async () => {
    const jobs = queue();
    await jobs.ensure([{ id: 'digest', dueAt: clock.now().getTime() }]);
    const batch = await jobs.take(1, LEASE_MS);
    clock.advance(LEASE_MS - 10);
    await batch.renew(LEASE_MS);
    expect(await jobs.ensure([{ id: 'digest', dueAt: clock.now().getTime() }])).toBe(0);
    clock.advance(LEASE_MS - 10);
    expect((await jobs.take(1, LEASE_MS)).ids).toEqual([]);
    expect(await batch.complete('digest', undefined)).toBe(true);
  });
});

describe('feed polls and digest slots as shared jobs (several services on one Redis)', () => {
  let server: FeedServer;
  const channels: ChannelRef[] = [0, 1, 2].map((n) => ({ platform: 'discord', tenantId: 'g1', channelId: `news-${n}` }));

  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(async () => {
    await server.close();
  });

  function processes(count: number) {
    return Array.from({ length: count }, () => {
      const env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1', REDIS_URL, SHARED_QUEUES: 'on' }, { clock, stores: stores(), leaseMs: LEASE_MS });
      return env.services;
    });
  }

  async function seedFeeds(services: ReturnType<typeof processes>[number], count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const path = `/f${n}.xml`;
      server.routes.set(path, { etag: `"${n}"`, body: rss(`Feed ${n}`, [item(n, '2026-12-07T06:00:00Z')]) });
      const id = `feed-${n}`;
      await services.newsroom.feeds.saveFeed({ id, location: `${server.url}${path}`, kind: 'url', title: `Feed ${n}`, addedAt: clock.now().toISOString() });
      await services.newsroom.feeds.subscribe(channels[n % channels.length]!, id, clock.now());
      await services.newsroom.feeds.saveState(id, { consecutiveFailures: 0, nextPollAt: clock.now().toISOString(), contentPolls: 1, failingNoticeSent: false });
      ids.push(id);
    }
    return ids;
  }

  it('polls every due feed once and posts every due digest once with three schedulers sharing the queues', async () => {
    const all = processes(3);
    await seedFeeds(all[0]!, 30);
    for (const channel of channels) await all[1]!.newsroom.schedules.set({ ...parseSchedule('daily 08:00', 'UTC'), channel, since: clock.now().toISOString() });
    const platforms = all.map(() => new FakePlatform());
    const schedulers = all.map((services, index) => startScheduler(services, [platforms[index]!], { timers: false }));

    const reports = await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    expect(server.requests).toHaveLength(30);
    expect(new Set(server.requests.map((request) => request.path)).size).toBe(30);
    expect(reports.flatMap((report) => report.polls)).toHaveLength(30);
    expect(reports.flatMap((report) => report.digests)).toEqual([]);

    clock.set('2026-12-07T08:00:10Z');
    const second = await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    const digests = second.flatMap((report) => report.digests);
    expect(digests.map((run) => run.channel.channelId).sort()).toEqual(['news-0', 'news-1', 'news-2']);
    expect(digests.every((run) => run.slot === '2026-12-07T08:00:00.000Z')).toBe(true);
    const posted = platforms.flatMap((platform) => platform.sent.filter((post) => post.message.kind === 'digest'));
    // A digest may go out in several parts: each part once (its delivery key), in each channel.
    expect(new Set(posted.map((post) => post.channel.channelId))).toEqual(new Set(['news-0', 'news-1', 'news-2']));
    expect(new Set(posted.map((post) => post.key)).size).toBe(posted.length);
    // The feeds were due again (every 15 minutes): each polled once more, by one of the three.
    expect(server.requests).toHaveLength(60);
    expect(new Set(server.requests.slice(30).map((request) => request.path)).size).toBe(30);
    const third = await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    expect(third.flatMap((report) => [...report.digests, ...report.polls])).toEqual([]);
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  });

  it('a process that dies holding poll jobs loses nothing: after the lease another polls them, and a poll it had finished is not repeated', async () => {
    const [dying, alive] = processes(2);
    const ids = await seedFeeds(dying!, 4);
    const work = new SharedWork(dying!);
    await work.pollShare(undefined).catch(() => undefined);
    // The queue now has the 4 feeds, polled once. Make them due again, then the dying process takes
    // them all, finishes one poll and dies before completing any job.
    expect(server.requests).toHaveLength(4);
    clock.advance(20 * 60_000);
    const taken = await redisQueue(dying!.stores.locks, 'polls', () => clock.now().getTime()).take(10, LEASE_MS);
    expect(taken.ids.sort()).toEqual([...ids].sort());
    await pollFeeds(dying!, [ids[0]!]);
    expect(server.requests).toHaveLength(5);

    const survivor = new SharedWork(alive!);
    expect(await survivor.pollShare(undefined)).toEqual([]);
    clock.advance(LEASE_MS);
    const outcomes = await survivor.pollShare(undefined);
    // The three unfinished polls are done now; the finished one is not done again.
    expect(outcomes.map((outcome) => outcome.feedId).sort()).toEqual(ids.slice(1).sort());
    expect(server.requests).toHaveLength(8);
    expect(
      server.requests
        .slice(4)
        .map((request) => request.path)
        .sort(),
    ).toEqual(['/f0.xml', '/f1.xml', '/f2.xml', '/f3.xml']);
  });

  it('holds a digest while its channel’s feed is due for a poll not yet made, then runs it once polled', async () => {
    const [only] = processes(1);
    const channel = channels[0]!;
    await only!.newsroom.schedules.set({ ...parseSchedule('daily 08:00', 'UTC'), channel, since: clock.now().toISOString() });
    clock.set('2026-12-07T08:00:05Z');
    await seedFeeds(only!, 1); // feed-0, for news-0, due now
    const work = new SharedWork(only!);
    const ran: string[] = [];
    const run = (record: { channel: ChannelRef }) => {
      ran.push(record.channel.channelId);
      return Promise.resolve();
    };
    await work.runDigests(run);
    expect(ran).toEqual([]);
    await work.pollShare(undefined);
    clock.advance(5_000);
    await work.runDigests(run);
    expect(ran).toEqual(['news-0']);
  });

  it('retries a slot soon when another run holds the channel, and hands a channel of another platform back to the queue', async () => {
    const [slackOnly, discordToo] = processes(2);
    await seedFeeds(slackOnly!, 3);
    const channel = channels[0]!;
    await slackOnly!.newsroom.schedules.set({ ...parseSchedule('daily 08:00', 'UTC'), channel, since: clock.now().toISOString() });
    const slackPlatform = new FakePlatform('slack');
    const discord = new FakePlatform();
    const a = startScheduler(slackOnly!, [slackPlatform], { timers: false });
    const b = startScheduler(discordToo!, [discord], { timers: false });
    await a.tick();
    clock.set('2026-12-07T08:00:05Z');
    // The Slack-only process takes the Discord channel's job and gives it back.
    expect((await a.tick()).digests).toEqual([]);
    // Meanwhile a /digest now holds the channel's digest lease.
    const held = await discordToo!.newsroom.locks.acquire(digestLockKey(channel), LEASE_MS);
    clock.advance(30_000);
    expect((await b.tick()).digests).toEqual([]);
    await held!.release();
    clock.advance(30_000);
    const later = await b.tick();
    expect(later.digests.map((run) => [run.channel.channelId, run.slot])).toEqual([['news-0', '2026-12-07T08:00:00.000Z']]);
    expect(discord.sent.some((post) => post.message.kind === 'digest')).toBe(true);
    expect(slackPlatform.sent).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });
});

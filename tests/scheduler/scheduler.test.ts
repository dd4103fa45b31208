import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { MISSED_RUN_GRACE_MS } from '../../src/scheduler/slots.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'news' };
const HOUR = 3_600_000;

let server: FeedServer;
let env: ReturnType<typeof testServices>;
let clock: ManualClock;

beforeEach(async () => {
  server = await startFeedServer();
  clock = new ManualClock('2026-11-26T07:00:00Z');
  env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1' }, { clock });
  server.routes.set('/a.xml', { body: rss('Alpha', [item(1, '2026-11-26T06:00:00Z'), item(2, '2026-11-26T05:00:00Z')]) });
  await addFeed(env.services, channel, `${server.url}/a.xml`);
  await env.services.newsroom.schedules.set({ ...parseSchedule('daily 08:00', 'Europe/London'), channel, since: clock.now().toISOString() });
});

afterEach(async () => {
  await env.cleanup();
  await server.close();
});

describe('the scheduler', () => {
  it('posts the digest once at its slot, however many times it is woken', async () => {
    const platform = new FakePlatform();
    const scheduler = startScheduler(env.services, [platform], { timers: false });
    expect((await scheduler.tick()).digests).toEqual([]);
    clock.set('2026-11-26T08:00:00Z');
    const [run] = (await scheduler.tick()).digests;
    expect(run).toMatchObject({ slot: '2026-11-26T08:00:00.000Z', run: { status: 'posted', storiesDelivered: 2 } });
    clock.set('2026-11-26T08:01:00Z');
    expect((await scheduler.tick()).digests).toEqual([]);
    expect(platform.sent).toHaveLength(1);
    await scheduler.stop();
  });

  it('on start, runs a digest missed while down once if it is recent, and skips an old one', async () => {
    const platform = new FakePlatform();
    clock.set(new Date(Date.parse('2026-11-26T08:00:00Z') + 2 * HOUR));
    const scheduler = startScheduler(env.services, [platform], { timers: false });
    expect((await scheduler.tick()).digests).toHaveLength(1);
    expect((await scheduler.tick()).digests).toHaveLength(0);
    await scheduler.stop();

    server.routes.set('/a.xml', { body: rss('Alpha', [item(3, '2026-11-27T06:00:00Z')]) });
    clock.set(new Date(Date.parse('2026-11-27T08:00:00Z') + MISSED_RUN_GRACE_MS + 60_000));
    const late = startScheduler(env.services, [platform], { timers: false });
    expect((await late.tick()).digests).toEqual([]);
    expect(platform.sent).toHaveLength(1);
    await late.stop();
  });

  it('leaves a slot alone when this process has no port for the channel’s platform', async () => {
    const slack = new FakePlatform('slack');
    clock.set('2026-11-26T08:00:00Z');
    const scheduler = startScheduler(env.services, [slack], { timers: false });
    expect((await scheduler.tick()).digests).toEqual([]);
    expect(await env.services.newsroom.schedules.lastSlot(channel)).toBeUndefined();
    await scheduler.stop();
  });

  it('polls due feeds on its heartbeat', async () => {
    const scheduler = startScheduler(env.services, [new FakePlatform()], { timers: false });
    clock.advance(17 * 60_000);
    const { polls } = await scheduler.tick();
    expect(polls.map((poll) => poll.status)).toEqual(['unchanged']);
    await scheduler.stop();
  });

  it('runs a schedule in the skipped DST hour once, an hour later, driven by a manual clock', async () => {
    const berlin = { ...parseSchedule('daily 02:30', 'Europe/Berlin'), channel, since: '2026-03-28T12:00:00Z' };
    await env.services.newsroom.schedules.set(berlin);
    const platform = new FakePlatform();
    const scheduler = startScheduler(env.services, [platform], { timers: false });
    const slots: string[] = [];
    for (let t = Date.parse('2026-03-28T12:00:00Z'); t <= Date.parse('2026-03-29T12:00:00Z'); t += 10 * 60_000) {
      clock.set(new Date(t));
      for (const run of (await scheduler.tick()).digests) slots.push(`${run.slot}@${clock.now().toISOString()}`);
    }
    expect(slots).toEqual(['2026-03-29T01:30:00.000Z@2026-03-29T01:30:00.000Z']);
    await scheduler.stop();
  });

  it('loads schedules from storage into node-cron tasks in the channel’s zone, and removes them on stop', async () => {
    const scheduler = startScheduler(env.services, [new FakePlatform()]);
    await scheduler.tick();
    const ours = [...cron.getTasks().values()].filter((task) => task.name === 'digest discord:g1:news');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.getNextRun()?.toISOString()).toMatch(/T08:00:00/);
    await scheduler.stop();
    expect(ours[0]!.getStatus()).toBe('destroyed');
  });
});

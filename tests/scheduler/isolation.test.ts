import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { dispatch } from '../../src/core/dispatcher.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { PlatformCallError } from '../../src/core/platform-error.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { GONE_LIMIT, retryDelayMs } from '../../src/scheduler/channel-health.ts';
import { MemoryLocks, withLock } from '../../src/scheduler/locks.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { commands } from '../../commands/index.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { recordingContext, testServices } from '../helpers.ts';

const stuck: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'stuck' };
const healthy: ChannelRef = { platform: 'discord', tenantId: 'g2', channelId: 'healthy' };

let server: FeedServer;
let env: ReturnType<typeof testServices>;
let clock: ManualClock;

beforeEach(async () => {
  server = await startFeedServer();
  clock = new ManualClock('2026-11-26T07:00:00Z');
  env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1', POLL_INTERVAL_MINUTES: '1' }, { clock });
  server.routes.set('/a.xml', { body: rss('Alpha', [item(1, '2026-11-26T06:00:00Z')]) });
  server.routes.set('/b.xml', { body: rss('Beta', [item(11, '2026-11-26T06:00:00Z')]) });
  await addFeed(env.services, stuck, `${server.url}/a.xml`);
  await addFeed(env.services, healthy, `${server.url}/b.xml`);
  for (const channel of [stuck, healthy]) {
    await env.services.newsroom.schedules.set({
      ...parseSchedule('*/15 * * * *', 'UTC'),
      channel,
      since: clock.now().toISOString(),
      setBy: `owner-${channel.channelId}`,
    });
  }
});

afterEach(async () => {
  await env.cleanup();
  await server.close();
});

const gone = () => new PlatformCallError('gone', 'POST /channels/:id/messages', '404/10003');
const down = () => new PlatformCallError('transient', 'POST /channels/:id/messages', '503');

describe('one channel never holds up another', () => {
  it('keeps posting to a healthy channel while another channel’s post hangs, and the heartbeat never waits on it', async () => {
    const platform = new FakePlatform();
    platform.holdChannel = 'stuck';
    const scheduler = startScheduler(env.services, [platform], { timers: false, stopGraceMs: 50 });
    clock.set('2026-11-26T07:15:00Z');
    const first = scheduler.tick();
    // The stuck channel's job hangs; the healthy one's digest arrives all the same.
    await expect.poll(() => platform.sentTo('healthy').length).toBe(1);

    // New items for the healthy channel: the next heartbeat polls them and posts them, while the stuck job still hangs.
    server.routes.set('/b.xml', { body: rss('Beta', [item(12, '2026-11-26T07:20:00Z'), item(11, '2026-11-26T06:00:00Z')]) });
    clock.set('2026-11-26T07:30:00Z');
    const second = await scheduler.tick();
    expect(second.digests.map((run) => run.channel.channelId)).toEqual(['healthy']);
    expect(platform.sentTo('healthy')).toHaveLength(2);
    expect(platform.sentTo('stuck')).toHaveLength(0);

    platform.release();
    await first;
    expect(platform.sentTo('stuck')).toHaveLength(1);
    await scheduler.stop();
  });

  it('retries a digest that failed on a transient error with back-off, and counts the slot only once it is delivered', async () => {
    const platform = new FakePlatform();
    let failing = true;
    platform.failOn = (_attempt, _message, channel) => (failing && channel.channelId === 'stuck' ? down() : false);
    const scheduler = startScheduler(env.services, [platform], { timers: false });
    clock.set('2026-11-26T07:15:00Z');
    const report = await scheduler.tick();
    expect(report.digests.find((run) => run.channel.channelId === 'stuck')?.run).toMatchObject({ status: 'failed', failure: 'transient' });
    expect(await env.services.newsroom.schedules.lastSlot(stuck)).toBeUndefined();
    expect(await env.services.newsroom.health.retry(stuck)).toMatchObject({ slot: '2026-11-26T07:15:00.000Z', attempts: 1 });

    // Within the back-off nothing is tried; after it, the same slot is delivered.
    clock.set(new Date(Date.parse('2026-11-26T07:15:00Z') + retryDelayMs(1) - 1_000));
    const attempts = platform.attempts;
    await scheduler.tick();
    expect(platform.attempts).toBe(attempts);
    failing = false;
    clock.set(new Date(Date.parse('2026-11-26T07:15:00Z') + retryDelayMs(1)));
    const retried = await scheduler.tick();
    expect(retried.digests.find((run) => run.channel.channelId === 'stuck')).toMatchObject({ slot: '2026-11-26T07:15:00.000Z', run: { status: 'posted' } });
    expect(platform.sentTo('stuck')).toHaveLength(1);
    expect(await env.services.newsroom.schedules.lastSlot(stuck)).toBe('2026-11-26T07:15:00.000Z');
    expect(await env.services.newsroom.health.retry(stuck)).toBeUndefined();
    await scheduler.stop();
  });

  it('pauses a channel the bot can no longer post in, tells its owner once, and any command there resumes it', async () => {
    const platform = new FakePlatform();
    platform.failOn = (_attempt, _message, channel) => (channel.channelId === 'stuck' ? gone() : false);
    const scheduler = startScheduler(env.services, [platform], { timers: false });
    for (let slot = 1; slot <= GONE_LIMIT + 2; slot++) {
      clock.set(new Date(Date.parse('2026-11-26T07:00:00Z') + slot * 15 * 60_000));
      await scheduler.tick();
    }
    const triedStuck = platform.attempts - platform.sentTo('healthy').length;
    expect(triedStuck).toBe(GONE_LIMIT);
    expect(await env.services.newsroom.health.paused(stuck)).toMatchObject({ code: '404/10003' });
    expect(platform.direct).toHaveLength(1);
    expect(platform.direct[0]).toMatchObject({ userId: 'owner-stuck' });
    expect(platform.sentTo('healthy').length).toBeGreaterThan(0);

    const { ctx, recorded } = recordingContext({ command: 'feeds', subcommand: 'list', channel: stuck, platform: 'discord' });
    await dispatch(commands, ctx, env.services);
    const said = recorded.ephemeral.map((message) => (message.kind === 'text' ? message.text : ''));
    expect(said.some((text) => text.startsWith('Paused: the bot can’t post here'))).toBe(true);
    expect(said.some((text) => /back on/.test(text))).toBe(true);
    expect(await env.services.newsroom.health.paused(stuck)).toBeUndefined();
    await scheduler.stop();
  });
});

describe('at most once per part', () => {
  it('completes a part left sending by checking the channel for its key instead of posting it again', async () => {
    const platform = new FakePlatform();
    const { post, onPosted } = portPoster(env.services, platform, stuck);
    // The platform accepts the part but the answer never comes back (a kill, a time-out).
    platform.failOn = () => down();
    const lost = await deliverDigest(
      env.services,
      stuck,
      async (message, thread, delivery) => {
        await platform.post(stuck, message, { thread, key: delivery.key }).catch(() => undefined);
        platform.failOn = () => false;
        await platform.post(stuck, message, { thread, key: delivery.key });
        throw down();
      },
      { onPosted },
    );
    expect(lost).toMatchObject({ status: 'failed', failure: 'transient' });
    expect(platform.sent).toHaveLength(1);
    expect(await env.services.newsroom.ledger.pending(stuck)).toHaveLength(1);
    expect(await env.services.newsroom.ledger.pendingChannels()).toEqual([stuck]);

    const resumed = await deliverDigest(env.services, stuck, post, { onPosted });
    expect(resumed).toMatchObject({ status: 'posted', partsPosted: 1, storiesDelivered: 1 });
    expect(platform.sent).toHaveLength(1);
    expect(await env.services.newsroom.ledger.pending(stuck)).toEqual([]);
    expect(await env.services.newsroom.ledger.pendingChannels()).toEqual([]);
    expect(await deliverDigest(env.services, stuck, post, { onPosted })).toEqual({ status: 'nothing-new' });
  });

  it('gives the stories back when the platform refused the part outright', async () => {
    const platform = new FakePlatform();
    const { post, onPosted } = portPoster(env.services, platform, stuck);
    platform.failOn = () => gone();
    expect(await deliverDigest(env.services, stuck, post, { onPosted })).toMatchObject({ status: 'failed', failure: 'gone' });
    expect(await env.services.newsroom.ledger.pending(stuck)).toEqual([]);
    platform.failOn = () => false;
    expect(await deliverDigest(env.services, stuck, post, { onPosted })).toMatchObject({ status: 'posted', storiesDelivered: 1 });
  });
});

describe('leases', () => {
  it('are renewed while the work runs, and pass to another owner once a crashed owner stops renewing', async () => {
    const leaseClock = new ManualClock('2026-11-26T07:00:00Z');
    const locks = new MemoryLocks(leaseClock);
    let renewedWhileRunning = false;
    await withLock(locks, 'k', 30, async () => {
      leaseClock.set(new Date(leaseClock.now().getTime() + 25));
      await new Promise((resolve) => setTimeout(resolve, 60));
      leaseClock.set(new Date(leaseClock.now().getTime() + 25));
      renewedWhileRunning = (await locks.acquire('k', 30)) === null;
    });
    expect(renewedWhileRunning).toBe(true);

    const crashed = await locks.acquire('k', 30);
    expect(crashed).not.toBeNull();
    expect(await locks.acquire('k', 30)).toBeNull();
    leaseClock.set(new Date(leaseClock.now().getTime() + 31));
    expect(await locks.acquire('k', 30)).not.toBeNull();
    expect(await crashed!.renew(30)).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { startDiscord, type RunningDiscord } from '../../src/adapters/discord/client.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { startScheduler, type SchedulerHandle } from '../../src/scheduler/scheduler.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { item, rss, startFeedServer, type FeedServer, type TestItem } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const START = Date.parse('2026-11-26T07:00:00Z');
const FAILING_ID = '1300000000000000099';
/** Heartbeats (one poll interval each, POLL_INTERVAL_MINUTES=1) run with the failing channel answering 500: three digest slots. */
const CYCLES = 45;
const SLOT_MINUTES = 15;

let fake: FakeDiscord | undefined;
let feeds: FeedServer | undefined;
let env: ReturnType<typeof testServices> | undefined;
let running: RunningDiscord | undefined;
let scheduler: SchedulerHandle | undefined;

afterEach(async () => {
  await scheduler?.stop();
  await running?.stop();
  await fake?.close();
  await feeds?.close();
  await env?.cleanup();
  scheduler = running = fake = feeds = env = undefined;
});

describe('one Discord channel answering 500 to every call', () => {
  it('never delays another channel: every poll cycle runs, and each of the healthy channel’s items arrives at its next digest slot', async () => {
    fake = await FakeDiscord.start();
    fake.addTextChannel(FAILING_ID, 'broken');
    fake.failAlways('*', new RegExp(`^/channels/${FAILING_ID}(/|$)`));
    const healthy = { platform: 'discord' as const, tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    const failing = { platform: 'discord' as const, tenantId: fake.ids.guildId, channelId: FAILING_ID };
    const clock = new ManualClock(new Date(START));
    env = testServices(
      { FETCH_ALLOW_HOSTS: '127.0.0.1', POLL_INTERVAL_MINUTES: '1', DISCORD_TOKEN: 'isolation-test-token', DISCORD_APP_ID: fake.ids.appId },
      { clock },
    );
    const { services } = env;
    // No jitter: each feed is due again at the next heartbeat.
    services.newsroom.random = () => 0;

    feeds = await startFeedServer();
    const published: Record<'healthy' | 'failing', TestItem[]> = {
      healthy: [item(1, new Date(START - 30 * 60_000).toISOString())],
      failing: [item(2, new Date(START - 30 * 60_000).toISOString())],
    };
    const serve = () => {
      feeds!.routes.set('/healthy.xml', { body: rss('Healthy', [...published.healthy].reverse()) });
      feeds!.routes.set('/failing.xml', { body: rss('Failing', [...published.failing].reverse()) });
    };
    serve();
    await addFeed(services, healthy, `${feeds.url}/healthy.xml`);
    await addFeed(services, failing, `${feeds.url}/failing.xml`);
    for (const channel of [healthy, failing]) {
      await services.newsroom.schedules.set({ ...parseSchedule('*/15 * * * *', 'UTC'), channel, since: new Date(START).toISOString() });
      await services.newsroom.schedules.setSettings(channel, { maxStories: 30, sentences: 1 });
    }

    running = await startDiscord(services, commands, { apiUrl: fake.apiUrl, token: 'isolation-test-token' });
    scheduler = startScheduler(services, [running.port], { timers: false });

    const deliveredTitles = () =>
      fake!.messages
        .filter((message) => message.channel_id === healthy.channelId)
        .flatMap((message) => message.embeds.map((embed: { title?: string }) => embed.title ?? ''))
        .filter((title) => /^\d+\. /.test(title))
        .map((title) => title.replace(/^\d+\. /, ''));
    const polls = (path: string) => feeds!.requests.filter((request) => request.path === path).length;

    let cyclesWithoutPoll = 0;
    let itemsLate = 0;
    let slotsChecked = 0;
    for (let minute = 1; minute <= CYCLES; minute++) {
      const at = START + minute * 60_000;
      // A new item on each feed during the minute before this heartbeat.
      published.healthy.push(item(100 + minute, new Date(at - 20_000).toISOString()));
      published.failing.push(item(500 + minute, new Date(at - 20_000).toISOString()));
      serve();
      const before = { healthy: polls('/healthy.xml'), failing: polls('/failing.xml') };
      clock.set(new Date(at));
      await scheduler.tick();
      // Every heartbeat polls both feeds (the failing channel's feed is fine; only its channel fails).
      if (polls('/healthy.xml') !== before.healthy + 1 || polls('/failing.xml') !== before.failing + 1) cyclesWithoutPoll++;
      if (minute % SLOT_MINUTES === 0) {
        slotsChecked++;
        const delivered = new Set(deliveredTitles());
        itemsLate += published.healthy.filter((entry) => !delivered.has(entry.title)).length;
      }
    }

    expect(slotsChecked).toBe(CYCLES / SLOT_MINUTES);
    expect(cyclesWithoutPoll).toBe(0);
    expect(itemsLate).toBe(0);
    // Each item exactly once, in one digest per slot.
    expect(deliveredTitles()).toHaveLength(published.healthy.length);
    expect(new Set(deliveredTitles()).size).toBe(published.healthy.length);

    // The failing channel was tried (at its slots and its back-off retries), answered 500 every time, and still owes its digest.
    const toFailing = fake.requests.filter((request) => request.path.startsWith(`/channels/${FAILING_ID}`));
    expect(toFailing.length).toBeGreaterThan(CYCLES / SLOT_MINUTES);
    expect(toFailing.every((request) => request.status === 500)).toBe(true);
    // Retries are bounded: each attempt is one request and discord.js's two retries, then back to the scheduler's back-off.
    const attempts = env.logs.filter(
      (line) =>
        line.msg === 'scheduled digest not delivered; retrying with back-off' && (line.channel as { channelId?: string } | undefined)?.channelId === FAILING_ID,
    );
    expect(attempts.length).toBeGreaterThanOrEqual(CYCLES / SLOT_MINUTES);
    expect(toFailing.length).toBeLessThanOrEqual(attempts.length * 3);
    expect(fake.messages.filter((message) => message.channel_id === FAILING_ID)).toEqual([]);
    expect(await services.newsroom.health.retry(failing)).toMatchObject({ slot: new Date(START + CYCLES * 60_000).toISOString() });
    expect(await services.newsroom.health.paused(failing)).toBeUndefined();
  }, 120_000);
});

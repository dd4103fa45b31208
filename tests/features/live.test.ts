import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { OutgoingMessage } from '../../src/core/messages.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { setChannelAlerts } from '../../src/features/alerts.ts';
import { featureStore } from '../../src/features/index.ts';
import { nameKey } from '../../src/features/names.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { startScheduler, type SchedulerHandle } from '../../src/scheduler/index.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { startBot, type Bot } from '../discord/harness.ts';
import { item, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { postSigned, slashCommandBody, TEAM_ID } from '../slack/fake-slack.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import { ferryOutlets, type OutletItem } from './fixtures.ts';
import { aggregatorFeed } from './support.ts';

const SUBCOMMAND = 1;
const BOARD_ROLE = '777000000000000003';
const STRING = 3;
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;
/** Past the poll interval (15 min) and its jitter. */
const AFTER_POLL_MS = 2 * 60_000;

let bot: Bot | undefined;
let slack: SlackHarness | undefined;
let feeds: FeedServer | undefined;
let scheduler: SchedulerHandle | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await bot?.close();
  bot = undefined;
  await slack?.stop();
  slack = undefined;
  await feeds?.close();
  feeds = undefined;
});

/** Unrelated stories published together (a feed dumping its backlog). */
function burst(count: number, at: string): OutletItem[] {
  return Array.from({ length: count }, (_, n) => {
    const made = item(100 + n, at);
    return { guid: made.guid!, title: made.title, link: made.link!, siteName: 'Burst Daily', text: made.text, published: at };
  });
}

describe('/digest live — stories posted as they arrive, later coverage in the thread', () => {
  it('on Discord: one story from five outlets over 90 minutes is one post, three thread updates with only new facts, the outlet count edited in place; nothing repeats in the digest', async () => {
    const clock = new ManualClock('2026-11-24T08:45:00Z');
    feeds = await startFeedServer();
    const server = feeds;
    bot = await startBot({ articles: [], clock, env: { FETCH_ALLOW_HOSTS: new URL(server.url).host } });
    const { fake, services } = bot;
    const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    server.routes.set('/coast.xml', { body: aggregatorFeed([]) });
    await addFeed(services, channel, `${server.url}/coast.xml`);
    scheduler = startScheduler(services, [bot.running.port], { timers: false });

    const member = fake.interact('digest', [{ name: 'live', type: SUBCOMMAND, options: [{ name: 'mode', type: STRING, value: 'on' }] }]);
    const refused = await fake.waitFor((request) => request.path === `/interactions/${member.id}/${member.token}/callback`);
    expect(JSON.stringify(refused.body)).toContain('Manage Channels');
    const on = fake.interact('digest', [{ name: 'live', type: SUBCOMMAND, options: [{ name: 'mode', type: STRING, value: 'on' }] }], { permissions: MANAGER });
    const answer = await fake.editOf(on);
    expect(answer.body.embeds[0].description).toMatch(/^Live mode is on/);
    // A role alerted for a name that only the last outlet's coverage brings.
    await setChannelAlerts(featureStore(services).store, channel, [
      { name: 'Maritime Safety Board', key: nameKey('Maritime Safety Board'), role: BOARD_ROLE, addedAt: clock.now().toISOString(), by: 'u1' },
    ]);

    const runs = [];
    for (const [index, outlet] of ferryOutlets.entries()) {
      server.routes.set('/coast.xml', { body: aggregatorFeed(ferryOutlets.slice(0, index + 1)) });
      clock.set(new Date(Date.parse(outlet.published) + AFTER_POLL_MS));
      runs.push((await scheduler.tick()).news[0]?.live);
    }
    expect(runs).toEqual([
      { posted: 1, updates: 0, edits: 0 },
      { posted: 0, updates: 1, edits: 1 },
      { posted: 0, updates: 0, edits: 1 },
      { posted: 0, updates: 1, edits: 1 },
      { posted: 0, updates: 1, edits: 1 },
    ]);
    const inChannel = fake.messages.filter((message) => message.channel_id === fake.ids.channelId && message.via === 'channel');
    expect(inChannel).toHaveLength(1);
    const post = inChannel[0]!;
    expect(post.content).toBe('🔴 **Live**: 1 new story');
    const threadId = post.id;
    const updates = fake.messages.filter((message) => message.channel_id === threadId);
    expect(updates).toHaveLength(3);
    expect(updates[0]!.embeds[0].description).toContain('1 more outlet: Dunmore Post. What they add:');
    expect(updates[0]!.embeds[0].description).toContain('Three crew members of the Kestrel Bay were taken to hospital');
    expect(updates[1]!.embeds[0].description).toContain('The harbour will reopen on Wednesday at 6am');
    expect(updates[2]!.embeds[0].description).toContain('The Maritime Safety Board opened an investigation');
    // Its role is pinged by the update that brings the name, and by nothing else.
    expect(updates[2]!.content).toMatch(new RegExp(`^🔔 <@&${BOARD_ROLE}> \\(Maritime Safety Board\\)`));
    expect(updates[2]!.pings).toEqual([`role:${BOARD_ROLE}`]);
    expect(fake.messages.filter((message) => message !== updates[2]).every((message) => message.pings.length === 0)).toBe(true);
    // Only new facts: the lead every outlet repeats is never in an update.
    for (const update of updates) expect(update.embeds[0].description).not.toContain('collided with the cargo ship Kestrel Bay');
    const edits = fake.requests.filter((request) => request.method === 'PATCH' && request.path === `/channels/${fake.ids.channelId}/messages/${post.id}`);
    expect(edits).toHaveLength(4);
    expect(edits.at(-1)!.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.embeds[0].fields[0].value).toMatch(/^Covered by 5 outlets: /);

    // The ledger knows the live post: a digest now has nothing new.
    const now = fake.interact('digest', [{ name: 'now', type: SUBCOMMAND, options: [] }], { permissions: MANAGER });
    const nothing = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${now.token}`);
    expect(nothing.body.embeds[0].description).toBe('Nothing new since the last digest here.');
  });

  it('on Discord: a burst of 14 stories comes as grouped posts, at most one a minute, each story once', async () => {
    const clock = new ManualClock('2026-11-24T08:45:00Z');
    feeds = await startFeedServer();
    const server = feeds;
    bot = await startBot({ articles: [], clock, env: { FETCH_ALLOW_HOSTS: new URL(server.url).host } });
    const { fake, services } = bot;
    const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    server.routes.set('/dump.xml', { body: aggregatorFeed([]) });
    await addFeed(services, channel, `${server.url}/dump.xml`);
    scheduler = startScheduler(services, [bot.running.port], { timers: false });
    const on = fake.interact('digest', [{ name: 'live', type: SUBCOMMAND, options: [{ name: 'mode', type: STRING, value: 'on' }] }], { permissions: MANAGER });
    await fake.editOf(on);

    server.routes.set('/dump.xml', { body: aggregatorFeed(burst(14, '2026-11-24T09:00:00Z')) });
    clock.set('2026-11-24T09:02:00Z');
    const first = (await scheduler.tick()).news[0]?.live;
    clock.advance(30_000);
    const tooSoon = (await scheduler.tick()).news[0]?.live;
    clock.advance(31_000);
    const second = (await scheduler.tick()).news[0]?.live;
    expect(first?.posted).toBeGreaterThan(1);
    expect(tooSoon).toBeUndefined();
    expect(first!.posted + second!.posted).toBe(14);
    const posts = fake.requests.filter(
      (request) => request.method === 'POST' && request.path === `/channels/${fake.ids.channelId}/messages` && String(request.body.content).startsWith('🔴'),
    );
    expect(posts).toHaveLength(2);
    const titles = posts.flatMap((request) => request.body.embeds.map((embed: { title: string }) => embed.title.replace(/^\d+\. /, '')));
    expect(new Set(titles).size).toBe(14);
  });

  it('on Slack: the update goes in the post’s thread and chat.update edits the outlet count', async () => {
    const clock = new ManualClock('2026-11-24T08:45:00Z');
    feeds = await startFeedServer();
    const server = feeds;
    slack = await startHarness(commands, { clock, env: { FETCH_ALLOW_HOSTS: new URL(server.url).host } });
    const harness = slack;
    harness.fake.users.set('U0ADMIN', { is_admin: true });
    const channel: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: 'C0NEWS' };
    server.routes.set('/coast.xml', { body: aggregatorFeed([]) });
    await addFeed(harness.services, channel, `${server.url}/coast.xml`);
    scheduler = startScheduler(harness.services, [harness.slack.port], { timers: false });
    await postSigned(
      harness.eventsUrl,
      slashCommandBody({ command: '/newsdesk', text: 'digest live on', user_id: 'U0ADMIN', response_url: harness.fake.responseUrl('live') }),
    );
    await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('Live mode is on'));

    for (const [index, outlet] of ferryOutlets.slice(0, 2).entries()) {
      server.routes.set('/coast.xml', { body: aggregatorFeed(ferryOutlets.slice(0, index + 1)) });
      clock.set(new Date(Date.parse(outlet.published) + AFTER_POLL_MS));
      await scheduler.tick();
    }
    const post = harness.fake.calls.find((call) => call.method === 'chat.postMessage' && String(call.args.text).startsWith('🔴 Live'))!;
    const ts = String(post.result?.ts);
    const update = harness.fake.calls.filter((call) => call.method === 'chat.postMessage' && call.args.thread_ts === ts);
    expect(update).toHaveLength(1);
    expect(JSON.stringify(update[0]!.args.blocks)).toContain('Three crew members of the Kestrel Bay');
    const edit = harness.fake.calls.filter((call) => call.method === 'chat.update');
    expect(edit.map((call) => call.args.ts)).toEqual([ts]);
    expect(JSON.stringify(edit[0]!.args.blocks)).toContain('Covered by 2 outlets');
  });
});

/** A Discord channel in live mode on a fake platform at 08:50 on the ferry day, with a scheduler that runs only when ticked. */
async function liveChannel() {
  const { testServices } = await import('../helpers.ts');
  const { FakePlatform } = await import('../feeds/support.ts');
  const { featureStore } = await import('../../src/features/index.ts');
  const clock = new ManualClock('2026-11-24T08:50:00Z');
  const test = testServices({}, { clock });
  const platform = new FakePlatform('discord');
  const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'c1' };
  const store = featureStore(test.services);
  try {
    await store.setLive(channel, { on: true, since: clock.now().toISOString(), setBy: 'u1' });
    await store.watchChannel(channel, clock.now());
  } catch (error) {
    await test.cleanup();
    throw error;
  }
  const local = startScheduler(test.services, [platform], { timers: false });
  return { clock, test, platform, channel, store, local };
}

describe('live posts and the delivery ledger', () => {
  it('a live post the platform failed to take stays pending and goes out once on the next run; the update after it too', async () => {
    const { PlatformCallError } = await import('../../src/core/platform-error.ts');
    const { seedChannel } = await import('./support.ts');
    const { clock, test, platform, channel, store, local } = await liveChannel();
    try {
      platform.failOn = (attempt) => (attempt === 1 ? new PlatformCallError('transient', 'POST /channels/:id/messages', 'HTTP 503') : false);
      clock.set('2026-11-24T09:00:00Z');
      await seedChannel(test.services, channel, [ferryOutlets[0]!]);
      expect((await local.tick()).news[0]?.live).toEqual({ posted: 0, updates: 0, edits: 0 });
      expect(await test.services.newsroom.ledger.pending(channel)).toHaveLength(1);
      // The scheduler's own check of parts left sending completes it (with its live records).
      clock.set('2026-11-24T09:01:00Z');
      const resumed = await local.tick();
      expect(resumed.digests.map((run) => [run.slot, run.run.status])).toEqual([['pending', 'posted']]);
      clock.set('2026-11-24T09:20:00Z');
      await seedChannel(test.services, channel, [ferryOutlets[1]!]);
      await local.tick();
      clock.set('2026-11-24T09:30:00Z');
      await local.tick();
      expect(platform.sent.filter((post) => post.message.kind === 'digest')).toHaveLength(1);
      expect(await test.services.newsroom.ledger.pending(channel)).toEqual([]);
      const updates = platform.sent.filter((post) => post.message.kind === 'list');
      expect(updates).toHaveLength(1);
      // Live posts carry alerts as digests do: the next story naming the alerted entity pings its role.
      const { setChannelAlerts } = await import('../../src/features/alerts.ts');
      await setChannelAlerts(store.store, channel, [
        { name: 'Owen Marsh', key: 'marsh', role: '777000000000000002', addedAt: clock.now().toISOString(), by: 'u1' },
      ]);
      clock.set('2026-11-24T09:40:00Z');
      const { dredging } = await import('./fixtures.ts');
      await seedChannel(test.services, channel, [{ ...dredging, published: '2026-11-24T09:40:00Z' }]);
      await local.tick();
      const alerted = platform.sent.filter((post) => post.message.kind === 'digest').at(-1)!.message;
      expect(alerted.kind === 'digest' && alerted.alerts).toEqual([{ role: '777000000000000002', names: ['Owen Marsh'], storyIds: [expect.any(String)] }]);
      await local.stop();
    } finally {
      await test.cleanup();
    }
  });
});

describe('live posts and /alert', () => {
  it('a role the post pinged is not pinged again by its updates; a role only later coverage names is pinged once, by the update that brings it, even with no new sentence', async () => {
    const { seedChannel } = await import('./support.ts');
    const { clock, test, platform, channel, store, local } = await liveChannel();
    try {
      const alert = (name: string, role: string) => ({ name, key: nameKey(name), role, addedAt: clock.now().toISOString(), by: 'u1' });
      await setChannelAlerts(store.store, channel, [
        alert('Petra Lindqvist', 'S0HARBOUR'),
        alert('Carrig Lines', 'S0FERRIES'),
        alert('Maritime Safety Board', 'S0BOARD'),
      ]);
      const roles = (message: { kind: string; alerts?: { role: string }[] }) => (message.alerts ?? []).map((mention) => mention.role);
      clock.set('2026-11-24T09:00:00Z');
      await seedChannel(test.services, channel, [ferryOutlets[0]!]);
      await local.tick();
      clock.set('2026-11-24T09:20:00Z');
      await seedChannel(test.services, channel, [ferryOutlets[1]!]);
      await local.tick();
      clock.set('2026-11-24T10:00:00Z');
      await seedChannel(test.services, channel, [ferryOutlets[3]!]);
      await local.tick();
      // Coverage that adds no sentence but names the board (in a sentence every outlet already gave, reworded).
      clock.set('2026-11-24T10:30:00Z');
      const restated: OutletItem = {
        guid: 'bay-1',
        title: 'Merrow Star ferry collides with cargo ship outside Dunmore port',
        link: 'https://bay-news.example/merrow-star',
        siteName: 'Bay News',
        published: '2026-11-24T10:25:00Z',
        text: `${ferryOutlets[0]!.text} The Maritime Safety Board said the port of Dunmore was closed to all traffic after the collision.`,
      };
      await seedChannel(test.services, channel, [restated]);
      await local.tick();
      const sent = platform.sent.map((post) => post.message);
      expect(sent.map((message) => [message.kind, roles(message)])).toEqual([
        ['digest', ['S0HARBOUR']],
        ['list', []],
        ['list', ['S0FERRIES']],
        ['list', ['S0BOARD']],
      ]);
      // No sentence of its was new: the update gives its headline, and the alert.
      const last = sent.at(-1)!;
      expect(last.kind === 'list' && [last.intro, last.entries.map((entry) => entry.text)]).toEqual(['1 more outlet: Bay News.', [restated.title]]);
      await local.stop();
    } finally {
      await test.cleanup();
    }
  });

  it('a thread update with an alert renders the mention first on Slack and in the terminal, and only the checked id', async () => {
    const { renderMessage } = await import('../../src/adapters/slack/render.ts');
    const { renderText } = await import('../../src/adapters/console/render.ts');
    const update = (role: string): OutgoingMessage => ({
      kind: 'list',
      title: 'Update: Ferry collides with cargo ship',
      intro: '1 more outlet: Western Daily. What they add:',
      entries: [{ text: 'The Maritime Safety Board opened an investigation.', sources: [{ name: 'Western Daily' }] }],
      empty: '',
      alerts: [{ role, names: ['Maritime Safety Board'] }],
    });
    const blocks = JSON.stringify(renderMessage(update('S0BOARD'))[0]!.blocks);
    expect(blocks.indexOf('🔔 <!subteam^S0BOARD> (Maritime Safety Board)')).toBeGreaterThan(-1);
    expect(blocks.indexOf('🔔')).toBeLessThan(blocks.indexOf('Maritime Safety Board opened'));
    // Anything but a user-group id is dropped, not mentioned.
    expect(JSON.stringify(renderMessage(update('<!channel>'))[0]!.blocks)).not.toContain('🔔');
    expect(renderText(update('desk'))).toMatch(/^🔔 @desk \(Maritime Safety Board\)\n/);
  });
});

describe('live thread updates and the delivery ledger', () => {
  it('an update the platform failed to take goes out once on the next run; while the lease is busy or the channel paused the coverage waits, then goes out once', async () => {
    const { PlatformCallError } = await import('../../src/core/platform-error.ts');
    const { digestLockKey } = await import('../../src/digest/deliver.ts');
    const { seedChannel } = await import('./support.ts');
    const { clock, test, platform, channel, store, local } = await liveChannel();
    const updates = () => platform.sent.filter((post) => post.message.kind === 'list');
    const { ledger, locks, health } = test.services.newsroom;
    try {
      const at = async (time: string, outlet?: number) => {
        clock.set(time);
        if (outlet !== undefined) await seedChannel(test.services, channel, [ferryOutlets[outlet]!]);
        return (await local.tick()).news[0]?.live;
      };
      expect(await at('2026-11-24T09:00:00Z', 0)).toEqual({ posted: 1, updates: 0, edits: 0 });

      // The update is recorded as sending before the call; the call fails: it stays pending, the cursor stays.
      platform.failOn = (_attempt, message) =>
        message.kind === 'list' ? new PlatformCallError('transient', 'POST /channels/:id/messages', 'HTTP 503') : false;
      const cursor = await store.cursor(channel);
      expect(await at('2026-11-24T09:20:00Z', 1)).toEqual({ posted: 0, updates: 0, edits: 0, unfinished: true });
      expect((await ledger.pending(channel)).map((part) => part.target)).toEqual([{ inThread: 'thread-1' }]);
      expect(await store.cursor(channel)).toEqual(cursor);
      platform.failOn = () => false;
      await at('2026-11-24T09:21:00Z');
      await at('2026-11-24T09:22:00Z');
      expect(updates()).toHaveLength(1);
      expect(JSON.stringify(updates()[0]!.message)).toContain('Three crew members of the Kestrel Bay');
      expect(await ledger.pending(channel)).toEqual([]);

      // Another run holds the channel's digest lease: nothing is decided, nothing is lost.
      clock.set('2026-11-24T10:02:00Z');
      const lease = await locks.acquire(digestLockKey(channel), 10 * 60_000);
      expect(await at('2026-11-24T10:02:00Z', 3)).toMatchObject({ updates: 0, unfinished: true });
      await lease!.release();
      expect(await at('2026-11-24T10:03:00Z')).toEqual({ posted: 0, updates: 1, edits: 0 });
      // Digests here are paused: the coverage waits until they are resumed.
      await health.pause(channel, '404/10003', clock.now());
      expect(await at('2026-11-24T10:32:00Z', 4)).toMatchObject({ updates: 0, unfinished: true });
      await health.resume(channel);
      expect(await at('2026-11-24T10:33:00Z')).toEqual({ posted: 0, updates: 1, edits: 0 });
      expect(await at('2026-11-24T10:34:00Z')).toBeUndefined();
      expect(updates()).toHaveLength(3);
      expect(platform.sent.filter((post) => post.message.kind === 'digest')).toHaveLength(1);
      await local.stop();
    } finally {
      await test.cleanup();
    }
  });
});

describe('live mode in the terminal chat', () => {
  it('turns on with /digest live on, posts the story, then shows the update and the edited post', async () => {
    const { PassThrough } = await import('node:stream');
    const { testServices } = await import('../helpers.ts');
    const { CONSOLE_CHANNEL, startConsoleChat } = await import('../../src/adapters/console/chat.ts');
    const clock = new ManualClock('2026-11-24T08:45:00Z');
    feeds = await startFeedServer();
    const server = feeds;
    const test = testServices({ FETCH_ALLOW_HOSTS: new URL(server.url).host }, { clock });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const chat = startConsoleChat(test.services, commands, { input: new PassThrough(), output });
    try {
      server.routes.set('/coast.xml', { body: aggregatorFeed([]) });
      await addFeed(test.services, CONSOLE_CHANNEL, `${server.url}/coast.xml`);
      scheduler = startScheduler(test.services, [chat.port], { timers: false });
      await chat.handleLine('/digest live on');
      expect(printed).toContain('Live mode is on');
      await chat.handleLine('/digest live maybe');
      expect(printed).toContain('! mode must be one of on, off');
      for (const [index, outlet] of ferryOutlets.slice(0, 2).entries()) {
        server.routes.set('/coast.xml', { body: aggregatorFeed(ferryOutlets.slice(0, index + 1)) });
        clock.set(new Date(Date.parse(outlet.published) + AFTER_POLL_MS));
        await scheduler.tick();
      }
      expect(printed).toContain('🔴 Live: 1 story');
      expect(printed).toMatch(/↳ in thread t1:\n\nUpdate: Ferry Merrow Star/);
      expect(printed).toContain('Three crew members of the Kestrel Bay were taken to hospital');
      expect(printed).toMatch(/✎ Updated message m\d+:\n🔴 Live: 1 story\n\n1\. .*\n {3}\(covered by 2 outlets/);
      await chat.handleLine('/digest live off');
      expect(printed).toContain('Live mode is off here.');
    } finally {
      chat.close();
      await scheduler?.stop();
      scheduler = undefined;
      await test.cleanup();
    }
  });
});

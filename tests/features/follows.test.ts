import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from '../../src/adapters/console/chat.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { startScheduler, type SchedulerHandle } from '../../src/scheduler/index.ts';
import { startBot, type Bot } from '../discord/harness.ts';
import { startFeedServer, type FeedServer } from '../feeds/support.ts';
import { postSigned, slashCommandBody, TEAM_ID } from '../slack/fake-slack.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import { testServices } from '../helpers.ts';
import { dredging, ferryOutlets, type OutletItem } from './fixtures.ts';
import { aggregatorFeed } from './support.ts';

const STRING = 3;
const EPHEMERAL = 64;
const READER = '1400000000000000007';
const CLOSED = '1400000000000000008';
// Past the poll interval (15 min) and its ±10 % jitter.
const POLL_MS = 17 * 60_000;

let bot: Bot | undefined;
let slack: SlackHarness | undefined;
let feeds: FeedServer | undefined;
let scheduler: SchedulerHandle | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await bot?.close();
  bot = undefined;
  await slack?.stop();
  slack = undefined;
  await feeds?.close();
  feeds = undefined;
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A feed on 127.0.0.1 the channel follows; `publish` replaces what it serves. */
async function channelFeed(services: Bot['services'], channel: ChannelRef, first: OutletItem[]) {
  const server = feeds!;
  const publish = (items: OutletItem[]) => server.routes.set('/coast.xml', { body: aggregatorFeed(items) });
  publish(first);
  await addFeed(services, channel, `${server.url}/coast.xml`);
  return publish;
}

describe('/follow — a direct message when a new story names what you follow', () => {
  it('on Discord: one DM per story for “Lindqvist” (named in full in the article), none for an unrelated story, list and remove', async () => {
    const clock = new ManualClock('2026-11-24T08:00:00Z');
    feeds = await startFeedServer();
    bot = await startBot({ articles: [], clock, env: { FETCH_ALLOW_HOSTS: new URL(feeds.url).host } });
    const { fake, services } = bot;
    const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    const publish = await channelFeed(services, channel, [dredging]);
    scheduler = startScheduler(services, [bot.running.port], { timers: false });

    const followed = fake.interact('follow', [{ name: 'name', type: STRING, value: 'Lindqvist' }], { userId: READER });
    const answer = await fake.editOf(followed);
    expect(answer.body.embeds[0].description).toContain('Following “Lindqvist”');
    const other = fake.interact('follow', [{ name: 'name', type: STRING, value: 'Owen Marsh' }], { userId: CLOSED });
    await fake.editOf(other);

    // The story that was already there when they followed is not news.
    clock.advance(POLL_MS);
    expect((await scheduler.tick()).news).toEqual([]);
    expect(fake.requests.filter((request) => request.path === '/users/@me/channels')).toEqual([]);

    publish([dredging, ferryOutlets[0]!]);
    clock.advance(POLL_MS);
    const first = await scheduler.tick();
    expect(first.news).toMatchObject([{ stories: 1, follows: { sent: 1, capped: 0, closed: 0 } }]);
    const dm = fake.requests.filter((request) => request.path === '/users/@me/channels');
    expect(dm.map((request) => request.body.recipient_id)).toEqual([READER]);
    const sent = fake.messages.filter((message) => message.channel_id.startsWith('9'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.embeds[0].title).toBe(ferryOutlets[0]!.title);
    expect(sent[0]!.embeds[0].description).toContain('A new story names Petra Lindqvist: you follow “Lindqvist”.');
    expect(sent[0]!.embeds[0].footer.text).toContain('/follow remove:Lindqvist');

    // Later coverage of the same story: no second message.
    publish([dredging, ferryOutlets[0]!, ferryOutlets[1]!]);
    clock.advance(POLL_MS);
    expect((await scheduler.tick()).news).toMatchObject([{ stories: 1, follows: { sent: 0 } }]);
    expect(fake.messages.filter((message) => message.channel_id.startsWith('9'))).toHaveLength(1);

    const listed = fake.interact('follow', [{ name: 'name', type: STRING, value: 'list' }], { userId: READER });
    const list = await fake.editOf(listed);
    expect(list.body.embeds[0].description).toContain('Lindqvist');
    expect(list.body.embeds[0].description).not.toContain('Owen Marsh');
    const removed = fake.interact('follow', [{ name: 'remove', type: STRING, value: '1' }], { userId: READER });
    const removal = await fake.editOf(removed);
    expect(removal.body.embeds[0].description).toBe('No longer following “Lindqvist”.');
    const again = fake.interact('follow', [{ name: 'remove', type: STRING, value: 'Lindqvist' }], { userId: READER });
    const refused = await fake.editOf(again);
    expect(refused.body.embeds[0].description).toContain('You follow nothing here.');
  });

  it('on Discord: DMs closed — no retry storm, the person is told once, privately, at their next command here', async () => {
    const clock = new ManualClock('2026-11-24T08:00:00Z');
    feeds = await startFeedServer();
    bot = await startBot({ articles: [], clock, env: { FETCH_ALLOW_HOSTS: new URL(feeds.url).host } });
    const { fake, services } = bot;
    const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    const publish = await channelFeed(services, channel, []);
    scheduler = startScheduler(services, [bot.running.port], { timers: false });
    fake.closedDms.add(CLOSED);
    const followed = fake.interact('follow', [{ name: 'name', type: STRING, value: 'Petra Lindqvist' }], { userId: CLOSED });
    await fake.editOf(followed);

    publish([ferryOutlets[0]!]);
    clock.advance(POLL_MS);
    expect((await scheduler.tick()).news).toMatchObject([{ follows: { sent: 0, closed: 1 } }]);
    publish([ferryOutlets[0]!, dredging]);
    clock.advance(POLL_MS);
    expect((await scheduler.tick()).news).toMatchObject([{ follows: { sent: 0, closed: 0 } }]);
    expect(fake.requests.filter((request) => request.status === 403)).toHaveLength(1);

    const help = fake.interact('help', [], { userId: CLOSED });
    const notice = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${help.token}`);
    expect(notice.body.flags).toBe(EPHEMERAL);
    expect(notice.body.embeds[0].description).toContain('your direct messages are closed to me');
    const helpAgain = fake.interact('help', [], { userId: CLOSED });
    await fake.editOf(helpAgain);
    const laterHelp = fake.interact('help');
    await fake.editOf(laterHelp);
    expect(fake.requests.filter((request) => request.path === `/webhooks/${fake.ids.appId}/${helpAgain.token}`)).toEqual([]);
  });

  it('on Slack: DMs through chat.postMessage to the person, the daily cap, and closed DMs told at once with an ephemeral message', async () => {
    const clock = new ManualClock('2026-11-24T08:00:00Z');
    feeds = await startFeedServer();
    slack = await startHarness(commands, { clock, env: { FETCH_ALLOW_HOSTS: new URL(feeds.url).host, FOLLOW_DAILY_CAP: '1' } });
    const harness = slack;
    const channel: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: 'C0NEWS' };
    const publish = await channelFeed(harness.services, channel, []);
    scheduler = startScheduler(harness.services, [harness.slack.port], { timers: false });
    for (const [user, name] of [
      ['U0READER', 'Lindqvist'],
      ['U0CLOSED', 'Owen Marsh'],
    ] as const) {
      await postSigned(harness.eventsUrl, slashCommandBody({ command: '/follow', text: name, user_id: user, response_url: harness.fake.responseUrl(user) }));
      const reply = await harness.fake.waitForResponse((post) => post.id === user);
      expect(JSON.stringify(reply.body)).toContain(`Following “${name}”`);
    }
    // Each override answers one call (or lets it through): enough for every post of this tick.
    for (let i = 0; i < 5; i++)
      harness.fake.once('chat.postMessage', (args) => (args.channel === 'U0CLOSED' ? { body: { ok: false, error: 'messages_tab_disabled' } } : undefined));

    publish([ferryOutlets[0]!, dredging]);
    clock.advance(POLL_MS);
    const run = await scheduler.tick();
    expect(run.news).toMatchObject([{ stories: 2, follows: { sent: 1, capped: 1, closed: 1 } }]);
    const dms = harness.fake.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === 'U0READER');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]!.args.blocks)).toContain('That was your last follow message today (at most 1 a day).');
    const ephemeral = harness.fake.calls.filter((call) => call.method === 'chat.postEphemeral');
    expect(ephemeral.map((call) => [call.args.channel, call.args.user])).toEqual([['C0NEWS', 'U0CLOSED']]);
    expect(String(ephemeral[0]!.args.text)).toContain('your direct messages are closed to me');
  });

  it('in the terminal chat, the direct message is printed; bad input gets a short answer', async () => {
    const clock = new ManualClock('2026-11-24T08:00:00Z');
    const test = testServices({}, { clock });
    cleanups.push(test.cleanup);
    feeds = await startFeedServer();
    const server = feeds;
    const allowed = testServices({ FETCH_ALLOW_HOSTS: new URL(server.url).host }, { clock, stores: test.services.stores });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const chat = startConsoleChat(allowed.services, commands, { input: new PassThrough(), output });
    cleanups.push(async () => chat.close());
    server.routes.set('/coast.xml', { body: aggregatorFeed([]) });
    await addFeed(allowed.services, CONSOLE_CHANNEL, `${server.url}/coast.xml`);
    scheduler = startScheduler(allowed.services, [chat.port], { timers: false });
    await chat.handleLine('/follow Maritime Safety Board');
    expect(printed).toContain('Following “Maritime Safety Board”');
    await chat.handleLine('/follow remove:Putin');
    expect(printed).toContain('! You don’t follow “Putin” here.');
    await chat.handleLine(`/follow ${'x'.repeat(120)}`);
    expect(printed).toContain('! That is too long to follow');
    server.routes.set('/coast.xml', { body: aggregatorFeed([ferryOutlets[4]!]) });
    clock.advance(POLL_MS);
    await scheduler.tick();
    expect(printed).toContain('✉ Direct message:');
    expect(printed).toContain('A new story names Maritime Safety Board: you follow “Maritime Safety Board”.');
  });
});

describe('one message per story and person', () => {
  it('of three claims of the same story for one person started together, one wins; another story or person is its own claim', async () => {
    const { featureStore } = await import('../../src/features/index.ts');
    const test = testServices();
    cleanups.push(test.cleanup);
    const store = featureStore(test.services);
    const locks = test.services.newsroom.locks;
    const claims = await Promise.all([1, 2, 3].map(() => store.claimStory(locks, 'discord', 'g1', 'u1', 'story-1')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimStory(locks, 'discord', 'g1', 'u1', 'story-2')).toBe(true);
    expect(await store.claimStory(locks, 'discord', 'g1', 'u2', 'story-1')).toBe(true);
    expect(await store.claimStory(locks, 'discord', 'g1', 'u1', 'story-1')).toBe(false);
  });
});

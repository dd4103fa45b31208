import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { MENTION_ONLY_NOTE, startDiscord, type RunningDiscord } from '../../src/adapters/discord/client.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import type { Services } from '../../src/core/services.ts';
import { createStores, NAMESPACES, type Stores } from '../../src/store/index.ts';
import { testServices } from '../helpers.ts';
import { FakeDiscord } from './fake-discord.ts';
import { fakeAnalysis, fixtureArticles, harbourArticle, orchardArticle, storyOf } from './fixtures.ts';
import { BOT_TOKEN, eventually } from './harness.ts';

const STRING = 3;
/** Guild ids chosen so that (id >> 22) % 2 puts the fake's own guild on shard 1 and this one on shard 0. */
const GUILD_ON_SHARD_0 = '1210000000000000001';
const REDIS_URL = 'redis://127.0.0.1:6379';

interface Process {
  services: Services;
  running: RunningDiscord;
  logs: Record<string, unknown>[];
  cleanup(): Promise<void>;
}

let fake: FakeDiscord | undefined;
let processes: Process[] = [];
let shared: { stores: Stores } | undefined;

afterEach(async () => {
  for (const process of processes) await process.running.stop();
  if (shared) await Promise.all(NAMESPACES.map((namespace) => shared!.stores[namespace].clear()));
  for (const process of processes) await process.cleanup();
  await fake?.close();
  processes = [];
  fake = undefined;
  shared = undefined;
});

/** One bot process: the real discord.js client on its own services (SQLite, or one shared Redis prefix). */
async function startProcess(env: Record<string, string>, prefix?: string): Promise<Process> {
  const stores = prefix ? createStores({ dataDir: '/nonexistent', redisUrl: REDIS_URL, redisPrefix: prefix }) : undefined;
  const { services, logs, cleanup } = testServices(
    { DISCORD_TOKEN: BOT_TOKEN, DISCORD_APP_ID: fake!.ids.appId, DISCORD_API_URL: fake!.apiUrl, ...(prefix ? { REDIS_URL } : {}), ...env },
    stores ? { stores } : {},
  );
  const running = await startDiscord(services, commands);
  const process = { services, running, logs, cleanup };
  processes.push(process);
  return process;
}

/** The fixture articles as each channel's recent stories, so "/summary 1" finds the harbour article. */
async function seed(services: Services, channels: ChannelRef[]): Promise<void> {
  for (const article of fixtureArticles) await services.library.save(article);
  for (const channel of channels)
    await services.library.addRecent(
      channel,
      fixtureArticles.map((article) => article.id),
    );
}

async function summaryThread(channelId: string): Promise<string> {
  const interaction = fake!.interact('summary', [{ name: 'input', type: STRING, value: '1' }], { channelId });
  await fake!.waitFor((request) => request.method === 'PATCH' && request.path === `/webhooks/${fake!.ids.appId}/${interaction.token}/messages/@original`);
  const created = await fake!.waitFor(
    (request) => request.method === 'POST' && request.path.startsWith(`/channels/${channelId}/messages/`) && request.path.endsWith('/threads'),
  );
  return created.path.split('/')[4]!;
}

describe('discord sharding (real discord.js against a fake gateway with 2 shards)', () => {
  it('runs every recommended shard in one process with shards: "auto" and answers in both guilds', async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN, shards: 2 });
    const otherChannel = fake.addGuild(GUILD_ON_SHARD_0);
    const bot = await startProcess({});
    await seed(bot.services, [
      { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId },
      { platform: 'discord', tenantId: GUILD_ON_SHARD_0, channelId: otherChannel },
    ]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.running.shards).toEqual([0, 1]);
    expect([...bot.running.client.guilds.cache.keys()].sort()).toEqual([fake.ids.guildId, GUILD_ON_SHARD_0].sort());

    const threads = await Promise.all([summaryThread(fake.ids.channelId), summaryThread(otherChannel)]);
    expect(threads[0]).not.toBe(threads[1]);
    for (const thread of threads) await eventually(() => bot.running.client.channels.cache.has(thread), 'the thread in the cache');
  });

  it('splits the shards between two processes on one Redis: each guild answered by the process holding its shard, digests sent from either', async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN, shards: 2 });
    const otherChannel = fake.addGuild(GUILD_ON_SHARD_0);
    const prefix = `newsdesk-test-${randomUUID()}`;
    const zero = await startProcess({ DISCORD_SHARDS: '0', DISCORD_SHARD_COUNT: '2' }, prefix);
    const one = await startProcess({ DISCORD_SHARDS: '1', DISCORD_SHARD_COUNT: '2' }, prefix);
    shared = { stores: zero.services.stores };
    const home: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    await seed(zero.services, [home, { platform: 'discord', tenantId: GUILD_ON_SHARD_0, channelId: otherChannel }]);

    expect(zero.running.shards).toEqual([0]);
    expect(one.running.shards).toEqual([1]);
    expect(fake.frames.filter((frame) => frame.op === 2).map((frame) => frame.d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...zero.running.client.guilds.cache.keys()]).toEqual([GUILD_ON_SHARD_0]);
    expect([...one.running.client.guilds.cache.keys()]).toEqual([fake.ids.guildId]);

    // A command in each guild reaches only the process holding its shard, and is answered.
    const threadHome = await summaryThread(fake.ids.channelId);
    const threadOther = await summaryThread(otherChannel);
    await eventually(() => one.running.client.channels.cache.has(threadHome), 'the home thread on shard 1');
    await eventually(() => zero.running.client.channels.cache.has(threadOther), 'the other thread on shard 0');
    expect(zero.running.client.channels.cache.has(threadHome)).toBe(false);

    // The question typed in the home guild's thread is answered (by shard 1's process, the only one that sees it),
    // from the thread -> articles link the shared store holds.
    fake.say(threadHome, 'How much did the bridge cost?');
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${threadHome}/messages`);
    expect(answer.body.embeds[0].description).toMatch(/42 million euros/);

    // A digest for the home guild sent by the process that does not hold its shard: REST works from anywhere.
    const stories = [harbourArticle, orchardArticle].map((article) => storyOf(article, fakeAnalysis(article), 2));
    const posted = await zero.running.port.post(
      home,
      { kind: 'digest', digest: { channelId: home.channelId, createdAt: '2026-12-07T08:00:00Z', stories } },
      { thread: { title: 'Morning digest', articleIds: stories.map((story) => story.articles[0]!.id) }, key: 'digest-home-1' },
    );
    expect(posted.threadId).toBe(posted.id);
    const digestPost = fake.requests.find(
      (request) => request.method === 'POST' && request.path === `/channels/${fake!.ids.channelId}/messages` && request.body.nonce,
    );
    expect(digestPost?.body.embeds.length).toBeGreaterThan(0);
    // Its thread's questions are answered by shard 1's process, which receives them.
    await zero.services.library.linkThread('discord', posted.threadId!, [harbourArticle.id]);
    await eventually(() => one.running.client.channels.cache.has(posted.threadId!), 'the digest thread on shard 1');
    fake.say(posted.threadId!, 'How much did the bridge cost?');
    const digestAnswer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${posted.threadId}/messages`);
    expect(digestAnswer.body.embeds[0].description).toMatch(/42 million euros/);
  });
});

describe('discord without the Message Content intent', () => {
  it('starts anyway, says so in the log and /help, and answers only thread questions that mention it', async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN, refusedIntents: 1 << 15 });
    const bot = await startProcess({});
    await seed(bot.services, [{ platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId }]);
    expect(bot.running.messageContent).toBe(false);
    // Refused at IDENTIFY with the intent, then identified without it.
    expect(fake.frames.filter((frame) => frame.op === 2).map((frame) => frame.d.intents)).toEqual([1 | 512 | 32768, 1 | 512]);
    expect(bot.logs.some((line) => line.level === 40 && String(line.msg).includes('Message Content intent is not enabled'))).toBe(true);

    const help = fake.interact('help');
    const helpReply = await fake.waitFor((request) => request.path.includes(help.token) && Boolean(request.body?.embeds ?? request.body?.data?.embeds));
    expect((helpReply.body.embeds ?? helpReply.body.data.embeds)[0].description).toContain(MENTION_ONLY_NOTE);

    const thread = await summaryThread(fake.ids.channelId);
    await eventually(() => bot.running.client.channels.cache.has(thread), 'the thread in the cache');
    fake.say(thread, 'How much did the bridge cost?');
    const mentioned = fake.say(thread, `<@${fake.ids.appId}> How much did the bridge cost?`);
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${thread}/messages`);
    expect(answer.body.embeds[0].title).toBe('Q: How much did the bridge cost?');
    // The unmentioned question came first on the same connection: had it been answered, its answer would be first.
    const answers = fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${thread}/messages`);
    expect(answers).toHaveLength(1);
    expect(answer.body.message_reference.message_id).toBe(mentioned);
  });
});

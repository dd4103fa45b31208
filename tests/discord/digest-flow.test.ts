import { afterEach, describe, expect, it } from 'vitest';
import { serveDemoFeed } from '../demo-feed-server.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from './fake-payloads.ts';
import { eventually, startBot, type Bot } from './harness.ts';

const SUBCOMMAND = 1;
const STRING = 3;
const EPHEMERAL = 64;
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;

let bot: Bot | undefined;
let feedServer: Awaited<ReturnType<typeof serveDemoFeed>> | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  await feedServer?.close();
  feedServer = undefined;
});

describe('a channel’s news on Discord, end to end', () => {
  it('follows a feed, posts a digest with a thread, answers a follow-up there and shows the feed’s health', async () => {
    feedServer = await serveDemoFeed();
    const { host } = feedServer;
    // The demo feed's stories are from the afternoon of 25 November 2026.
    bot = await startBot({ articles: [], env: { FETCH_ALLOW_HOSTS: host }, clock: new ManualClock('2026-11-25T16:00:00Z') });
    const { fake } = bot;

    const add = fake.interact('feeds', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'url', type: STRING, value: `http://${host}/feed.xml` }] }], {
      permissions: MANAGER,
    });
    const added = await fake.editOf(add, 15_000);
    expect(added.body.embeds[0].description).toMatch(/^Now following “Newsdesk Demo Wire”/);

    // Autocomplete inside a subcommand: the feed's name while typing /feeds remove.
    const typing = fake.interact('feeds', [{ name: 'remove', type: SUBCOMMAND, options: [{ name: 'feed', type: STRING, value: 'demo', focused: true }] }], {
      type: 4,
      permissions: MANAGER,
    });
    const suggestions = await fake.waitFor((request) => request.path === `/interactions/${typing.id}/${typing.token}/callback`);
    expect(suggestions.body).toEqual({ type: 8, data: { choices: [{ name: '#1 Newsdesk Demo Wire', value: '1' }] } });

    const now = fake.interact('digest', [{ name: 'now', type: SUBCOMMAND, options: [] }], { permissions: MANAGER });
    const digest = await fake.editOf(now, 15_000);
    expect(digest.body.content).toMatch(/^📰 \*\*News digest\*\*/);
    expect(digest.body.embeds.length).toBeGreaterThan(1);
    expect(digest.body.embeds.map((embed: { title: string }) => embed.title)).toContain(
      '1. Challenger Varga levels world chess title match with sharp win in Game 9',
    );
    const thread = await fake.waitFor((request) => /\/threads$/.test(request.path), 15_000);
    const threadId = thread.path.split('/')[4]!;
    await eventually(() => bot!.running.client.channels.cache.has(threadId), 'the digest thread in the cache');

    fake.say(threadId, 'When is Game 10 of the chess match?');
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${threadId}/messages`, 15_000);
    expect(answer.body.embeds[0].description).toMatch(/^> .*Game 10 is on Friday/);

    const list = fake.interact('feeds', [{ name: 'list', type: SUBCOMMAND, options: [] }]);
    const deferred = await fake.waitFor((request) => request.path === `/interactions/${list.id}/${list.token}/callback`, 15_000);
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const health = await fake.waitFor(
      (request) => request.method === 'PATCH' && request.path === `/webhooks/${fake.ids.appId}/${list.token}/messages/@original`,
      15_000,
    );
    expect(health.body.embeds[0].fields[0]).toMatchObject({ name: '✅ Newsdesk Demo Wire' });
    expect(health.body.embeds[0].fields[0].value).toMatch(/last read <t:\d+:R>/);
    expect(fake.messages.every((message) => message.pings.length === 0)).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { portPoster } from '../../src/digest/deliver.ts';
import { articleRef, type OutgoingMessage } from '../../src/core/messages.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { visibleText } from './discord-limits.ts';
import { fakeAnalysis, harbourArticle, longProse, orchardArticle, pingArticle, storyOf } from './fixtures.ts';
import { NONCE_WINDOW_MS } from './fake-discord.ts';
import { BOT_TOKEN, eventually, startBot, type Bot } from './harness.ts';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const STRING = 3;

function channelOf(fake: Bot['fake']): ChannelRef {
  return { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
}

describe('discord digests through the port', () => {
  it('posts a digest, opens a thread under it and answers follow-ups there from its articles', async () => {
    bot = await startBot();
    const { fake, running, services } = bot;
    const stories = [harbourArticle, orchardArticle].map((article) => storyOf(article, fakeAnalysis(article), 2));
    // As the scheduler does: post through the port, then record the thread.
    const { post, onPosted } = portPoster(services, running.port, channelOf(fake));
    const thread = { title: 'Digest, 3 September', articleIds: [harbourArticle.id, orchardArticle.id] };
    const posted = await post({ kind: 'digest', digest: { channelId: fake.ids.channelId, createdAt: '2026-09-03T08:00:00Z', stories } }, thread, {
      key: 'port-test.1',
      resume: false,
    });
    await onPosted?.(posted, thread);
    expect(posted.threadId).toBe(posted.id);
    const sent = fake.messages.find((message) => message.id === posted.id)!;
    expect(sent.content).toBe('📰 **News digest**: 2 new stories');
    expect(sent.embeds.map((embed) => embed.title)).toEqual([`1. ${harbourArticle.title}`, `2. ${orchardArticle.title}`]);
    expect((await services.library.threadArticles('discord', posted.threadId!))?.map((article) => article.id)).toEqual([harbourArticle.id, orchardArticle.id]);

    await eventually(() => running.client.channels.cache.has(posted.threadId!), 'the digest thread in the cache');
    fake.say(posted.threadId!, 'When will the relief fund rules be published?');
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${posted.threadId}/messages`);
    expect(answer.body.embeds[0].description).toMatch(/^> .*relief fund/);
  });

  it('ignores its own messages, which Discord echoes back on the gateway: no answer to itself, no loop', async () => {
    bot = await startBot();
    const { fake, running, services } = bot;
    const stories = [harbourArticle, orchardArticle].map((article) => storyOf(article, fakeAnalysis(article), 2));
    const { post, onPosted } = portPoster(services, running.port, channelOf(fake));
    const thread = { title: 'Digest, 4 September', articleIds: [harbourArticle.id, orchardArticle.id] };
    const posted = await post({ kind: 'digest', digest: { channelId: fake.ids.channelId, createdAt: '2026-09-04T08:00:00Z', stories } }, thread, {
      key: 'port-test.2',
      resume: false,
    });
    await onPosted?.(posted, thread);
    await eventually(() => running.client.channels.cache.has(posted.threadId!), 'the digest thread in the cache');

    // A digest scheduled in the thread itself: its text ("News digest: 2 new stories") comes back
    // as a MESSAGE_CREATE in a thread the bot answers in, written by the bot.
    const inThread = await running.port.post(
      { ...channelOf(fake), channelId: posted.threadId! },
      { kind: 'digest', digest: { channelId: posted.threadId!, createdAt: '2026-09-04T09:00:00Z', stories } },
    );
    expect(fake.messages.find((message) => message.id === inThread.id)?.content).toMatch(/News digest/);
    // A person's question after it is answered; by then the echo was handled (gateway order).
    fake.say(posted.threadId!, 'When will the relief fund rules be published?');
    const answer = await fake.waitFor(
      (request) => request.method === 'POST' && request.path === `/channels/${posted.threadId}/messages` && request.body.message_reference !== undefined,
    );
    const help = fake.interact('help');
    await fake.editOf(help);
    const replies = fake.requests.filter((request) => request.path === `/channels/${posted.threadId}/messages` && request.body?.message_reference);
    expect(replies).toEqual([answer]);
  });

  it('splits a digest too long for one message at the limits and threads under the first part', async () => {
    bot = await startBot();
    const { fake, running } = bot;
    const stories = Array.from({ length: 24 }, (_, i) => {
      const article = { ...orchardArticle, id: `long-${i}`, title: `Valley report ${i + 1}` };
      return storyOf(
        article,
        fakeAnalysis(article, {
          summary: [{ text: longProse(14, `report${i}`) }],
          tags: { people: ['Anja Lind'], organizations: [], places: ['Vell'], topics: ['farming'] },
        }),
        3,
      );
    });
    const posted = await running.port.post(
      channelOf(fake),
      { kind: 'digest', digest: { channelId: fake.ids.channelId, createdAt: 'x', stories } },
      { thread: { title: 'Long digest', articleIds: stories.map((story) => story.articles[0]!.id) } },
    );
    // The fake refuses (400) any message over Discord's limits, so every part it stored was legal.
    const parts = fake.messages.filter((message) => message.via === 'channel');
    expect(parts.length).toBeGreaterThan(1);
    expect(fake.requests.filter((request) => request.status === 400)).toEqual([]);
    const titles = parts.flatMap((part) => part.embeds.map((embed) => embed.title));
    expect(titles).toEqual(stories.map((story, i) => `${i + 1}. ${story.title}`));
    for (const part of parts) expect(part.embeds.length).toBeLessThanOrEqual(10);
    expect(posted.id).toBe(parts[0]!.id);
    expect(posted.threadId).toBe(parts[0]!.id);
  });

  it('loses no message to a 429: discord.js waits Retry-After and sends it again', async () => {
    bot = await startBot();
    const { fake, running, logs } = bot;
    fake.rateLimit('POST', new RegExp(`^/channels/${fake.ids.channelId}/messages$`), 1, 0.2);
    const notice: OutgoingMessage = { kind: 'text', tone: 'warning', text: 'The feed “Valley Farmer” could not be read three times in a row.' };
    const posted = await running.port.post(channelOf(fake), notice);
    const attempts = fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${fake.ids.channelId}/messages`);
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
    expect(fake.messages.filter((message) => message.id === posted.id)).toHaveLength(1);
    // discord.js read the fake's Retry-After (0.2 s) and waited on it: checked through what it
    // reported, not through the wall clock, so a slow machine cannot fail or pass this by accident.
    const limited = logs.filter((line) => line.msg === 'discord rate limit: the request waits and is retried');
    expect(limited).toHaveLength(1);
    // discord.js adds its own small offsets to the 200 ms it was told.
    expect(limited[0]).toMatchObject({ method: 'POST', global: false });
    expect(limited[0]!.retryAfter).toBeGreaterThanOrEqual(200);
  });

  it('rejects when a channel cannot be posted in, so the caller does not count it delivered', async () => {
    bot = await startBot();
    const { fake, running } = bot;
    await expect(running.port.post({ ...channelOf(fake), channelId: '1399999999999999999' }, { kind: 'text', text: 'hello' })).rejects.toThrow();
  });
});

describe('mentions', () => {
  it('lets no article text ping anyone: commands, digests and thread answers all send allowed_mentions parse []', async () => {
    bot = await startBot();
    const { fake, running } = bot;
    fake.interact('summary', [{ name: 'input', type: STRING, value: '3' }]);
    const thread = await fake.waitFor((request) => /\/threads$/.test(request.path));
    const threadId = thread.path.split('/')[4]!;
    await running.port.post(channelOf(fake), {
      kind: 'analysis',
      view: 'quotes',
      article: articleRef(pingArticle),
      analysis: fakeAnalysis(pingArticle, { quotes: [{ text: pingArticle.text.slice(0, 120), start: 0, end: 120, speaker: '@everyone' }] }),
    });
    await running.port.post(channelOf(fake), {
      kind: 'digest',
      digest: { channelId: 'c', createdAt: 'x', stories: [storyOf(pingArticle, fakeAnalysis(pingArticle, { summary: [{ text: pingArticle.text }] }))] },
    });
    await eventually(() => running.client.channels.cache.has(threadId), 'the thread in the cache');
    fake.say(threadId, 'Who lent the hall?');
    await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${threadId}/messages`);

    const sent = fake.messages;
    expect(sent.length).toBeGreaterThanOrEqual(4);
    const text = sent.map((message) => visibleText(message)).join('\n');
    // The ping attempts really were in what the bot sent...
    expect(text).toContain('@everyone');
    expect(text).toContain('<@&223344556677889900>');
    // ...and Discord would have notified nobody.
    for (const message of sent) {
      expect(message.allowed_mentions).toMatchObject({ parse: [] });
      expect(message.pings).toEqual([]);
    }
  });
});

describe('the fake Discord keeps nonces and lists recent messages, as Discord does', () => {
  it('returns the first message for a second POST with the same enforced nonce, and lists messages newest first', async () => {
    bot = await startBot();
    const { fake } = bot;
    const send = (body: Record<string, unknown>) =>
      fetch(`${fake.apiUrl}/v10/channels/${fake.ids.channelId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bot ${BOT_TOKEN}` },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<Record<string, unknown>>);
    const first = await send({ content: 'part 1', nonce: 'digest-7-part-1', enforce_nonce: true });
    const again = await send({ content: 'part 1', nonce: 'digest-7-part-1', enforce_nonce: true });
    expect(first.nonce).toBe('digest-7-part-1');
    expect(again.id).toBe(first.id);
    // Without enforce_nonce, or after the window, the same nonce makes a new message.
    const loose = await send({ content: 'part 1', nonce: 'digest-7-part-1' });
    expect(loose.id).not.toBe(first.id);
    const start = Date.now();
    fake.now = () => start + NONCE_WINDOW_MS;
    const late = await send({ content: 'part 1', nonce: 'digest-7-part-1', enforce_nonce: true });
    expect(late.id).not.toBe(first.id);

    const list = (query: string) =>
      fetch(`${fake.apiUrl}/v10/channels/${fake.ids.channelId}/messages?${query}`, { headers: { authorization: `Bot ${BOT_TOKEN}` } }).then(
        (response) => response.json() as Promise<Record<string, unknown>[]>,
      );
    expect((await list('limit=2')).map((message) => message.id)).toEqual([late.id, loose.id]);
    expect((await list(`before=${String(loose.id)}`)).map((message) => message.id)).toEqual([first.id]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCallError } from '../../src/core/platform-error.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { deliveryMarker } from '../../src/adapters/discord/send.ts';
import { fakeAnalysis, harbourArticle, orchardArticle, storyOf } from './fixtures.ts';
import { startBot, type Bot } from './harness.ts';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const digestOf = (channelId: string) => ({
  kind: 'digest' as const,
  digest: {
    channelId,
    createdAt: '2026-09-03T08:00:00Z',
    stories: [harbourArticle, orchardArticle].map((article) => storyOf(article, fakeAnalysis(article), 2)),
  },
});

describe('discord delivery keys', () => {
  it('sends a keyed part with its nonce and footer marker, and a resumed part finds it (and its thread) instead of posting again', async () => {
    bot = await startBot();
    const { fake, running } = bot;
    const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    const thread = { title: 'Digest', articleIds: [harbourArticle.id] };
    const first = await running.port.post(channel, digestOf(channel.channelId), { thread, key: 'd1.1' });
    const marker = deliveryMarker('d1.1.1');
    const sent = fake.requests.find((request) => request.method === 'POST' && request.path === `/channels/${channel.channelId}/messages`)!;
    expect(sent.body).toMatchObject({ nonce: marker, enforce_nonce: true });
    expect(sent.body.embeds.at(-1).footer.text).toMatch(new RegExp(`ref ${marker}$`));
    expect(first.threadId).toBe(first.id);

    const before = fake.messages.length;
    const again = await running.port.post(channel, digestOf(channel.channelId), { thread, key: 'd1.1', resume: true });
    expect(again).toEqual(first);
    expect(fake.messages).toHaveLength(before);
    expect(fake.requests.filter((request) => request.path.endsWith('/threads'))).toHaveLength(1);

    // Without the check, Discord's enforce_nonce still returns the first message rather than a second one.
    const resent = await running.port.post(channel, digestOf(channel.channelId), { key: 'd1.1' });
    expect(resent.id).toBe(first.id);
    expect(fake.messages).toHaveLength(before);
  });

  it('reports a deleted channel as gone, naming the call', async () => {
    bot = await startBot();
    const channel: ChannelRef = { platform: 'discord', tenantId: bot.fake.ids.guildId, channelId: '1399999999999999999' };
    const error = await bot.running.port.post(channel, digestOf(channel.channelId), { key: 'd2.1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformCallError);
    expect(error).toMatchObject({ kind: 'gone', code: '404/10003', call: 'GET /channels/:id' });
  });
});

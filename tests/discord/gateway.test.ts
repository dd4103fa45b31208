import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/client.ts';
import { testServices } from '../helpers.ts';
import { FakeDiscord } from './fake-discord.ts';
import { BOT_TOKEN, eventually, startBot, type Bot } from './harness.ts';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('discord gateway', () => {
  it('finds the gateway through the REST base, identifies with its intents and keeps the heartbeat acknowledged', async () => {
    bot = await startBot({ heartbeatInterval: 40 });
    const { fake, running } = bot;
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
    const identify = fake.frames.find((frame) => frame.op === 2);
    // Guilds (1) | GuildMessages (512) | MessageContent (32768).
    expect(identify?.d).toMatchObject({ token: BOT_TOKEN, intents: 1 | 512 | 32768, shard: [0, 1] });
    expect(identify?.d.compress).toBe(false);
    expect(running.client.user?.id).toBe(fake.ids.appId);
    expect(running.client.application?.id).toBe(fake.ids.appId);
    expect(running.client.channels.cache.get(fake.ids.channelId)?.isTextBased()).toBe(true);

    // The ping is measured from our op 11 acknowledgement of the client's op 1 heartbeat.
    await eventually(() => running.client.ws.ping >= 0, 'an acknowledged heartbeat');
    expect(fake.frames.some((frame) => frame.op === 1)).toBe(true);
  });

  it('stops cleanly: the gateway socket closes and the client is destroyed', async () => {
    bot = await startBot();
    const { running } = bot;
    await running.stop();
    expect(running.client.isReady()).toBe(false);
    await bot.fake.close();
    bot = undefined;
  });
});

describe('discord login failures', () => {
  it('says the token was refused when Discord answers 401', async () => {
    const fake = await FakeDiscord.start({ token: 'the.right.token' });
    const { services, cleanup } = testServices({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_APP_ID: fake.ids.appId, DISCORD_API_URL: fake.apiUrl });
    try {
      await expect(startDiscord(services, [])).rejects.toThrow(/Discord refused DISCORD_TOKEN/);
      expect(fake.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401, authorization: `Bot ${BOT_TOKEN}` });
    } finally {
      await fake.close();
      await cleanup();
    }
  });
});

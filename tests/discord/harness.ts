import { commands as allCommands } from '../../commands/index.ts';
import { startDiscord, type RunningDiscord } from '../../src/adapters/discord/client.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { CommandDef } from '../../src/core/command.ts';
import type { Services } from '../../src/core/services.ts';
import type { Article } from '../../src/core/types.ts';
import { testServices } from '../helpers.ts';
import { FakeDiscord } from './fake-discord.ts';
import { fixtureArticles } from './fixtures.ts';

/** Shaped like a real token (discord.js strips a leading "Bot", so none of that here). */
export const BOT_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAx.GfAkE1.fake-discord-test-token';

export interface Bot {
  fake: FakeDiscord;
  services: Services;
  running: RunningDiscord;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The real discord.js client, logged in to a fresh fake Discord, with real services on a temp
 * SQLite file and the fixture articles shown as the channel's recent stories (#1 is the first).
 */
export async function startBot(
  options: { heartbeatInterval?: number; commands?: readonly CommandDef[]; articles?: Article[]; env?: Record<string, string>; clock?: Clock } = {},
): Promise<Bot> {
  const fake = await FakeDiscord.start({ heartbeatInterval: options.heartbeatInterval, token: BOT_TOKEN });
  const env = { DISCORD_TOKEN: BOT_TOKEN, DISCORD_APP_ID: fake.ids.appId, DISCORD_API_URL: fake.apiUrl, ...options.env };
  const { services, logs, cleanup } = testServices(env, options.clock ? { clock: options.clock } : {});
  const articles = options.articles ?? fixtureArticles;
  for (const article of articles) await services.library.save(article);
  await services.library.addRecent(
    { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId },
    articles.map((article) => article.id),
  );
  let running: RunningDiscord;
  try {
    running = await startDiscord(services, options.commands ?? allCommands);
  } catch (error) {
    await fake.close();
    await cleanup();
    throw error;
  }
  return {
    fake,
    services,
    running,
    logs,
    async close() {
      await running.stop();
      await fake.close();
      await cleanup();
    },
  };
}

/** Waits for a condition that an asynchronous exchange will make true (polling, bounded). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

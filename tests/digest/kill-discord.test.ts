import { spawnChild } from './spawn-child.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { item, rss, startFeedServer } from '../feeds/support.ts';
import { createStores } from '../../src/store/index.ts';
import { testServices } from '../helpers.ts';
import { redisPrefixes } from './redis-prefixes.ts';
import { REDIS_URL } from './kill-support.ts';

const NOW = '2026-11-26T12:00:00Z';
const child = join(import.meta.dirname, 'kill-discord-child.ts');
const STORIES = 4;

let dir: string;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function runChild(apiUrl: string, ids: FakeDiscord['ids'], redisPrefix?: string) {
  return spawnChild(child, [dir, apiUrl, ids.guildId, ids.channelId, NOW, ...(redisPrefix ? [redisPrefix] : [])]);
}

// Each step of posting a two-part digest (message, thread, message), frozen before or after Discord carried it out.
const KILL_POINTS: { name: string; method: string; path: RegExp; nth: number; when: 'before' | 'after' }[] = [
  { name: 'before the first message', method: 'POST', path: /^\/channels\/\d+\/messages$/, nth: 1, when: 'before' },
  { name: 'after the first message was accepted, before its answer', method: 'POST', path: /^\/channels\/\d+\/messages$/, nth: 1, when: 'after' },
  { name: 'before the thread is created', method: 'POST', path: /\/threads$/, nth: 1, when: 'before' },
  { name: 'after the thread was created, before its answer', method: 'POST', path: /\/threads$/, nth: 1, when: 'after' },
  { name: 'before the second part', method: 'POST', path: /^\/channels\/\d+\/messages$/, nth: 2, when: 'before' },
  { name: 'after the second part was accepted, before its answer', method: 'POST', path: /^\/channels\/\d+\/messages$/, nth: 2, when: 'after' },
];

/** Kills the bot at one step of posting, restarts it, and checks every story was posted once. */
async function killAndRestart(point: (typeof KILL_POINTS)[number], redisPrefix?: string): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-discord-'));
  fake = await FakeDiscord.start();
  const channel = { platform: 'discord' as const, tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
  const feeds = await startFeedServer();
  feeds.routes.set('/feed.xml', {
    body: rss(
      'Local',
      Array.from({ length: STORIES }, (_, i) => item(i, new Date(Date.parse(NOW) - (i + 1) * 3_600_000).toISOString())),
    ),
  });
  const stores = redisPrefix ? createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix }) : undefined;
  const seed = testServices({ DATA_DIR: dir, FETCH_ALLOW_HOSTS: '127.0.0.1' }, { clock: new ManualClock(NOW), ...(stores ? { stores } : {}) });
  await addFeed(seed.services, channel, `${feeds.url}/feed.xml`);
  await seed.services.stores.close();
  await feeds.close();

  const held = fake.hold(point.method, point.path, point.nth, point.when);
  const first = runChild(fake.apiUrl, fake.ids, redisPrefix);
  await Promise.race([held, first.exited.then(() => Promise.reject(new Error(`child exited before the kill point:\n${first.output()}`)))]);
  first.kill();
  expect(await first.exited).toBeNull();

  const second = runChild(fake.apiUrl, fake.ids, redisPrefix);
  expect(await second.exited, second.output()).toBe(0);
  expect(second.output()).toMatch(/DONE \{"status":"posted"/);

  const titles = fake.messages
    .filter((message) => message.channel_id === channel.channelId)
    .flatMap((message) => message.embeds.map((embed: { title?: string }) => embed.title ?? ''));
  const posted = titles.filter((title) => /^\d+\. /.test(title)).map((title) => title.replace(/^\d+\. /, ''));
  expect(posted).toHaveLength(STORIES);
  expect(new Set(posted).size).toBe(STORIES);
  // Each part's thread exists once, whatever step the kill hit.
  expect(fake.requests.filter((request) => request.path.endsWith('/threads') && request.status === 201).length).toBeLessThanOrEqual(2);
}

describe('a bot killed at each step of posting a Discord digest', () => {
  for (const point of KILL_POINTS) {
    it(`loses no story and posts none twice when killed ${point.name}`, () => killAndRestart(point), 120_000);
  }
});

describe('a bot on Redis killed at each step of posting a Discord digest', () => {
  const prefixes = redisPrefixes();
  for (const point of KILL_POINTS) {
    it(`loses no story and posts none twice when killed ${point.name}`, async () => {
      await killAndRestart(point, prefixes.next('kill-discord'));
      // The processes kept their ledger in Redis, not in the data folder.
      expect((await prefixes.keys('deliveries:*')).length).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'newsdesk.sqlite'))).toBe(false);
    }, 120_000);
  }
});

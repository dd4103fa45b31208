import { spawnChild } from './spawn-child.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStores } from '../../src/store/index.ts';
import { DELIVERY_EVENT } from '../../src/adapters/slack/outbox.ts';
import { FakeSlack, TEAM_ID } from '../slack/fake-slack.ts';
import { redisPrefixes } from './redis-prefixes.ts';
import { REDIS_URL, seedStories } from './kill-support.ts';

const NOW = '2026-11-26T12:00:00Z';
const child = join(import.meta.dirname, 'kill-slack-child.ts');
const CHANNEL_ID = 'C0KILL';
// Two parts of 16 stories; Slack fits 15 stories in a message (50 blocks), so each part is two messages.
const STORIES = 32;

let dir: string;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function runChild(apiUrl: string, redisPrefix?: string) {
  return spawnChild(child, [dir, apiUrl, CHANNEL_ID, NOW, ...(redisPrefix ? [redisPrefix] : [])]);
}

/** Story titles in the channel's messages, as a reader sees them ("3. *<url|Title>*" sections). */
function postedTitles(messages: FakeSlack['posted']): string[] {
  return messages.flatMap((message) =>
    ((message.blocks as { type: string; text?: { text?: string } }[] | undefined) ?? [])
      .filter((block) => block.type === 'section')
      .map((block) => /^\d+\. \*<[^|>]+\|([^>]+)>\*/.exec(block.text?.text ?? '')?.[1])
      .filter((title): title is string => title !== undefined),
  );
}

// Each chat.postMessage of the digest (part 1: messages 1 and 2, part 2: messages 3 and 4), frozen
// before Slack carried it out or after (the message is in the channel, its answer never arrives).
const KILL_POINTS = [1, 2, 3, 4].flatMap((nth) => (['before', 'after'] as const).map((when) => ({ nth, when })));

async function killAndRestart(point: { nth: number; when: 'before' | 'after' }, redisPrefix?: string): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-slack-'));
  fake = await FakeSlack.start();
  const channel = { platform: 'slack' as const, tenantId: TEAM_ID, channelId: CHANNEL_ID };
  const stores = redisPrefix ? createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix }) : undefined;
  const titles = await seedStories(channel, STORIES, NOW, stores ? { stores } : { dataDir: dir });
  await stores?.close();

  const held = fake.hold('chat.postMessage', point.nth, point.when);
  const first = runChild(fake.apiUrl, redisPrefix);
  await Promise.race([held, first.exited.then(() => Promise.reject(new Error(`child exited before the kill point:\n${first.output()}`)))]);
  first.kill();
  expect(await first.exited).toBeNull();
  const postedBeforeKill = fake.posted.length;
  expect(postedBeforeKill).toBe(point.when === 'before' ? point.nth - 1 : point.nth);

  const second = runChild(fake.apiUrl, redisPrefix);
  expect(await second.exited, second.output()).toBe(0);
  expect(second.output()).toMatch(/DONE \{"status":"posted"/);

  const inChannel = fake.posted.filter((message) => message.channel === CHANNEL_ID);
  const posted = postedTitles(inChannel);
  expect(posted).toHaveLength(STORIES);
  expect(new Set(posted)).toEqual(new Set(titles));
  // Every message carries its delivery key, and no key was posted twice.
  const keys = inChannel.map((message) => (message.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined)?.event_payload?.key);
  expect(inChannel.every((message) => (message.metadata as { event_type?: string }).event_type === DELIVERY_EVENT)).toBe(true);
  expect(new Set(keys).size).toBe(keys.length);
  // A part left sending by the kill was checked against the channel's history before anything was posted again.
  const historyChecks = fake.calls.filter((call) => call.method === 'conversations.history' && String(call.args.include_all_metadata) === 'true');
  expect(historyChecks.length).toBeGreaterThanOrEqual(1);
}

describe('a bot killed at each step of posting a Slack digest', () => {
  for (const point of KILL_POINTS) {
    it(`loses no story and posts none twice when killed ${point.when} chat.postMessage #${point.nth}`, () => killAndRestart(point), 120_000);
  }
});

describe('a bot on Redis killed while posting a Slack digest', () => {
  const prefixes = redisPrefixes();
  for (const point of KILL_POINTS) {
    it(`loses no story and posts none twice when killed ${point.when} chat.postMessage #${point.nth}`, async () => {
      await killAndRestart(point, prefixes.next('kill-slack'));
      // The processes kept their ledger in Redis, not in the data folder.
      expect((await prefixes.keys('deliveries:*')).length).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'newsdesk.sqlite'))).toBe(false);
    }, 120_000);
  }
});

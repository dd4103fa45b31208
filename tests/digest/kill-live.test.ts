import { spawnChild } from './spawn-child.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { featureStore } from '../../src/features/index.ts';
import { DELIVERY_EVENT } from '../../src/adapters/slack/outbox.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { FakeSlack, TEAM_ID } from '../slack/fake-slack.ts';
import { ferryOutlets } from '../features/fixtures.ts';
import { seedChannel } from '../features/support.ts';
import { createStores } from '../../src/store/index.ts';
import { testServices } from '../helpers.ts';
import { REDIS_URL } from './kill-support.ts';
import { redisPrefixes } from './redis-prefixes.ts';

// Live mode, killed at each platform call of its post (phase 1: the first outlet's story) and of the
// later coverage (phase 2: a second outlet with new facts: an update in the post's thread and an edit
// of the post's outlet count), then restarted: the channel ends with one post, one update, the edit
// made, whatever call the kill hit.
const LIVE_SINCE = '2026-11-24T08:45:00Z';
const PHASE_1 = '2026-11-24T09:02:00Z';
const PHASE_2 = '2026-11-24T09:22:00Z';
const NEW_FACT = 'Three crew members of the Kestrel Bay were taken to hospital';
const child = join(import.meta.dirname, 'kill-live-child.ts');

let dir: string;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
  rmSync(dir, { recursive: true, force: true });
});

function runChild(platform: 'discord' | 'slack', apiUrl: string, now: string, redisPrefix?: string) {
  return spawnChild(child, [platform, dir, apiUrl, now, ...(redisPrefix ? [redisPrefix] : [])]);
}

/** The store the children share: the data folder, or Redis under a prefix. */
function storeOf(redisPrefix: string | undefined) {
  return redisPrefix ? { stores: createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix }) } : {};
}

/** Files an outlet's article in the channel's feed (phase 1 also turns live mode on), in the store the children share. */
async function seed(channel: ChannelRef, outlet: number, redisPrefix?: string): Promise<void> {
  const env = testServices({ DATA_DIR: dir }, { clock: new ManualClock(LIVE_SINCE), ...storeOf(redisPrefix) });
  try {
    if (outlet === 0) {
      await featureStore(env.services).setLive(channel, { on: true, since: LIVE_SINCE, setBy: 'u-manager' });
      await featureStore(env.services).watchChannel(channel, new Date(LIVE_SINCE));
    }
    await seedChannel(env.services, channel, [ferryOutlets[outlet]!]);
  } finally {
    await env.cleanup();
  }
}

/** Nothing left sending in the ledger once the restarted run is done. */
async function pendingAfter(channel: ChannelRef, redisPrefix?: string): Promise<unknown[]> {
  const env = testServices({ DATA_DIR: dir }, { clock: new ManualClock(PHASE_2), ...storeOf(redisPrefix) });
  try {
    return await env.services.newsroom.ledger.pending(channel);
  } finally {
    await env.cleanup();
  }
}

interface KillPoint {
  phase: 1 | 2;
  name: string;
  hold: () => Promise<void>;
}

/** Runs both phases; the one with the kill point is killed there and restarted. */
async function killAndRestart(platform: 'discord' | 'slack', apiUrl: string, channel: ChannelRef, point: KillPoint, redisPrefix?: string): Promise<void> {
  for (const [phase, now] of [
    [1, PHASE_1],
    [2, PHASE_2],
  ] as const) {
    await seed(channel, phase - 1, redisPrefix);
    if (point.phase === phase) {
      const held = point.hold();
      const first = runChild(platform, apiUrl, now, redisPrefix);
      await Promise.race([held, first.exited.then(() => Promise.reject(new Error(`child exited before the kill point:\n${first.output()}`)))]);
      first.kill();
      expect(await first.exited).toBeNull();
    }
    const run = runChild(platform, apiUrl, now, redisPrefix);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/DONE \[/);
  }
  expect(await pendingAfter(channel, redisPrefix)).toEqual([]);
}

let discordFake: FakeDiscord | undefined;
let slackFake: FakeSlack | undefined;
const CHANNEL_MESSAGES = /^\/channels\/\d+\/messages$/;
const SLACK_CHANNEL = 'C0LIVE';

const DISCORD_POINTS: KillPoint[] = (['before', 'after'] as const).flatMap((when) => [
  { phase: 1 as const, name: `${when} the live post`, hold: () => discordFake!.hold('POST', CHANNEL_MESSAGES, 1, when) },
  { phase: 1 as const, name: `${when} its thread is opened`, hold: () => discordFake!.hold('POST', /\/threads$/, 1, when) },
  { phase: 2 as const, name: `${when} the update in the thread`, hold: () => discordFake!.hold('POST', CHANNEL_MESSAGES, 1, when) },
  { phase: 2 as const, name: `${when} the edit of the post`, hold: () => discordFake!.hold('PATCH', /^\/channels\/\d+\/messages\/\d+$/, 1, when) },
]);

const SLACK_POINTS: KillPoint[] = (['before', 'after'] as const).flatMap((when) => [
  { phase: 1 as const, name: `${when} the live post`, hold: () => slackFake!.hold('chat.postMessage', 1, when) },
  { phase: 2 as const, name: `${when} the update in the thread`, hold: () => slackFake!.hold('chat.postMessage', 1, when) },
  { phase: 2 as const, name: `${when} the edit of the post`, hold: () => slackFake!.hold('chat.update', 1, when) },
]);

async function onDiscord(point: KillPoint, redisPrefix?: string): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-live-'));
  discordFake = await FakeDiscord.start();
  const fake = discordFake;
  closing.push(() => fake.close());
  const channel: ChannelRef = { platform: 'discord', tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
  await killAndRestart('discord', fake.apiUrl, channel, point, redisPrefix);

  const posts = fake.messages.filter((message) => message.channel_id === channel.channelId && message.via === 'channel');
  expect(posts).toHaveLength(1);
  const post = posts[0]!;
  expect(post.content).toMatch(/^🔴/);
  // One thread, under the post (a thread started from a message takes its id), holding one update.
  expect(fake.channels.has(post.id)).toBe(true);
  const updates = fake.messages.filter((message) => message.channel_id === post.id);
  expect(updates).toHaveLength(1);
  expect(updates[0]!.embeds[0].description).toContain(NEW_FACT);
  expect(post.embeds[0].fields[0].value).toMatch(/^Covered by 2 outlets: /);
}

async function onSlack(point: KillPoint, redisPrefix?: string): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-live-'));
  slackFake = await FakeSlack.start();
  const fake = slackFake;
  closing.push(() => fake.close());
  const channel: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: SLACK_CHANNEL };
  await killAndRestart('slack', fake.apiUrl, channel, point, redisPrefix);

  const posts = fake.posted.filter((message) => message.channel === SLACK_CHANNEL && !message.thread_ts);
  expect(posts).toHaveLength(1);
  const post = posts[0]!;
  expect(String(post.text)).toMatch(/^🔴/);
  const updates = fake.posted.filter((message) => message.thread_ts === post.ts);
  expect(updates).toHaveLength(1);
  expect(JSON.stringify(updates[0]!.blocks)).toContain(NEW_FACT);
  expect(JSON.stringify(post.blocks)).toContain('Covered by 2 outlets');
  // Every message carries its own delivery key.
  const keys = [post, ...updates].map((message) => message.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined);
  expect(keys.every((metadata) => metadata?.event_type === DELIVERY_EVENT)).toBe(true);
  expect(new Set(keys.map((metadata) => metadata?.event_payload?.key)).size).toBe(2);
  if (point.phase === 2 && point.name.startsWith('after the update')) {
    // The update the killed process had sent was found in the thread, by its key, before anything was sent again.
    expect(
      fake.calls.some((call) => call.method === 'conversations.replies' && call.args.ts === post.ts && String(call.args.include_all_metadata) === 'true'),
    ).toBe(true);
  }
}

describe('a bot killed at each call of a Discord live post, thread update and edit', () => {
  for (const point of DISCORD_POINTS) {
    it(`loses nothing and posts nothing twice when killed ${point.name}`, () => onDiscord(point), 120_000);
  }
});

describe('a bot killed at each call of a Slack live post, thread update and edit', () => {
  for (const point of SLACK_POINTS) {
    it(`loses nothing and posts nothing twice when killed ${point.name}`, () => onSlack(point), 120_000);
  }
});

describe('a bot on Redis killed during live coverage', () => {
  const prefixes = redisPrefixes();
  // The dead process's leases outlive it here: the restarted one waits them out (3 s).
  const discord = DISCORD_POINTS.filter((point) => point.phase === 2 && point.name.startsWith('after'));
  const slack = SLACK_POINTS.filter((point) => point.name === 'after the update in the thread');
  for (const point of discord) {
    it(`on Discord, loses nothing and posts nothing twice when killed ${point.name}`, async () => {
      await onDiscord(point, prefixes.next('kill-live'));
      expect((await prefixes.keys('deliveries:*')).length).toBeGreaterThan(0);
    }, 120_000);
  }
  for (const point of slack) {
    it(`on Slack, loses nothing and posts nothing twice when killed ${point.name}`, async () => {
      await onSlack(point, prefixes.next('kill-live'));
      expect((await prefixes.keys('deliveries:*')).length).toBeGreaterThan(0);
    }, 120_000);
  }
});

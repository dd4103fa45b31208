import { spawn } from 'node:child_process';
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
import { testServices } from '../helpers.ts';

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

function runChild(platform: 'discord' | 'slack', apiUrl: string, now: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, platform, dir, apiUrl, now], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { exited, kill: () => proc.kill('SIGKILL'), output: () => output };
}

/** Files an outlet's article in the channel's feed (phase 1 also turns live mode on), in the data folder the children share. */
async function seed(channel: ChannelRef, outlet: number): Promise<void> {
  const env = testServices({ DATA_DIR: dir }, { clock: new ManualClock(LIVE_SINCE) });
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
async function pendingAfter(channel: ChannelRef): Promise<unknown[]> {
  const env = testServices({ DATA_DIR: dir }, { clock: new ManualClock(PHASE_2) });
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
async function killAndRestart(platform: 'discord' | 'slack', apiUrl: string, channel: ChannelRef, point: KillPoint): Promise<void> {
  for (const [phase, now] of [
    [1, PHASE_1],
    [2, PHASE_2],
  ] as const) {
    await seed(channel, phase - 1);
    if (point.phase === phase) {
      const held = point.hold();
      const first = runChild(platform, apiUrl, now);
      await Promise.race([held, first.exited.then(() => Promise.reject(new Error(`child exited before the kill point:\n${first.output()}`)))]);
      first.kill();
      expect(await first.exited).toBeNull();
    }
    const run = runChild(platform, apiUrl, now);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/DONE \[/);
  }
  expect(await pendingAfter(channel)).toEqual([]);
}

describe('a bot killed at each call of a Discord live post, thread update and edit', () => {
  const points: KillPoint[] = [];
  const channelMessages = /^\/channels\/\d+\/messages$/;
  for (const when of ['before', 'after'] as const) {
    points.push({ phase: 1, name: `${when} the live post`, hold: () => fake!.hold('POST', channelMessages, 1, when) });
    points.push({ phase: 1, name: `${when} its thread is opened`, hold: () => fake!.hold('POST', /\/threads$/, 1, when) });
    points.push({ phase: 2, name: `${when} the update in the thread`, hold: () => fake!.hold('POST', channelMessages, 1, when) });
    points.push({ phase: 2, name: `${when} the edit of the post`, hold: () => fake!.hold('PATCH', /^\/channels\/\d+\/messages\/\d+$/, 1, when) });
  }
  let fake: FakeDiscord | undefined;

  for (const point of points) {
    it(`loses nothing and posts nothing twice when killed ${point.name}`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-live-'));
      fake = await FakeDiscord.start();
      const discord = fake;
      closing.push(() => discord.close());
      const channel: ChannelRef = { platform: 'discord', tenantId: discord.ids.guildId, channelId: discord.ids.channelId };
      await killAndRestart('discord', discord.apiUrl, channel, point);

      const posts = discord.messages.filter((message) => message.channel_id === channel.channelId && message.via === 'channel');
      expect(posts).toHaveLength(1);
      const post = posts[0]!;
      expect(post.content).toMatch(/^🔴/);
      // One thread, under the post (a thread started from a message takes its id), holding one update.
      expect(discord.channels.has(post.id)).toBe(true);
      const updates = discord.messages.filter((message) => message.channel_id === post.id);
      expect(updates).toHaveLength(1);
      expect(updates[0]!.embeds[0].description).toContain(NEW_FACT);
      expect(post.embeds[0].fields[0].value).toMatch(/^Covered by 2 outlets: /);
    }, 90_000);
  }
});

describe('a bot killed at each call of a Slack live post, thread update and edit', () => {
  const CHANNEL_ID = 'C0LIVE';
  const points: KillPoint[] = [];
  for (const when of ['before', 'after'] as const) {
    points.push({ phase: 1, name: `${when} the live post`, hold: () => fake!.hold('chat.postMessage', 1, when) });
    points.push({ phase: 2, name: `${when} the update in the thread`, hold: () => fake!.hold('chat.postMessage', 1, when) });
    points.push({ phase: 2, name: `${when} the edit of the post`, hold: () => fake!.hold('chat.update', 1, when) });
  }
  let fake: FakeSlack | undefined;

  for (const point of points) {
    it(`loses nothing and posts nothing twice when killed ${point.name}`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-live-'));
      fake = await FakeSlack.start();
      const slack = fake;
      closing.push(() => slack.close());
      const channel: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: CHANNEL_ID };
      await killAndRestart('slack', slack.apiUrl, channel, point);

      const posts = slack.posted.filter((message) => message.channel === CHANNEL_ID && !message.thread_ts);
      expect(posts).toHaveLength(1);
      const post = posts[0]!;
      expect(String(post.text)).toMatch(/^🔴/);
      const updates = slack.posted.filter((message) => message.thread_ts === post.ts);
      expect(updates).toHaveLength(1);
      expect(JSON.stringify(updates[0]!.blocks)).toContain(NEW_FACT);
      expect(JSON.stringify(post.blocks)).toContain('Covered by 2 outlets');
      // Every message carries its own delivery key.
      const keys = [post, ...updates].map((message) => (message.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined));
      expect(keys.every((metadata) => metadata?.event_type === DELIVERY_EVENT)).toBe(true);
      expect(new Set(keys.map((metadata) => metadata?.event_payload?.key)).size).toBe(2);
      if (point.phase === 2 && point.name.startsWith('after the update')) {
        // The update the killed process had sent was found in the thread, by its key, before anything was sent again.
        expect(slack.calls.some((call) => call.method === 'conversations.replies' && call.args.ts === post.ts && String(call.args.include_all_metadata) === 'true')).toBe(true);
      }
    }, 90_000);
  }
});

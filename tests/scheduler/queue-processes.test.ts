import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import type { Services } from '../../src/core/services.ts';
import { createStores, NAMESPACES } from '../../src/store/index.ts';
import { item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const WORKER = fileURLToPath(new URL('./queue-process.ts', import.meta.url));
const FEEDS = 24;
const CHANNELS = 4;

interface Line {
  pid: number;
  type: 'ready' | 'tick' | 'post' | 'found';
  polls?: string[];
  digests?: { channel: string; slot: string; status: string }[];
  deliveries?: { channel: string; status: string }[];
  channel?: string;
  kind?: string;
  key?: string;
}

let server: FeedServer;
let services: Services | undefined;
let children: ChildProcess[] = [];
let seededPrefix: string | undefined;

beforeEach(async () => {
  server = await startFeedServer();
});

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
  const opened = services?.stores;
  services = undefined;
  if (opened && seededPrefix) {
    // The fake channels' history (queue-process.ts) lives beside the stores' keys.
    const prefix = seededPrefix;
    await (await redis(opened)).del(Array.from({ length: CHANNELS }, (_, n) => historyKey(prefix, `news-${n}`)));
  }
  if (opened) {
    await Promise.all(NAMESPACES.map((namespace) => opened[namespace].clear()));
    await opened.close();
  }
  await server.close();
});

/** Feeds and daily schedules for CHANNELS channels on a fresh prefix: each channel owes one digest slot. */
async function seed(): Promise<{ prefix: string; channels: ChannelRef[] }> {
  const prefix = `newsdesk-test-${randomUUID()}`;
  seededPrefix = prefix;
  const shared = createServices(loadConfig({ DATA_DIR: '/nonexistent', REDIS_URL, SHARED_QUEUES: 'on' }), silentLogger, {
    stores: createStores({ dataDir: '/nonexistent', redisUrl: REDIS_URL, redisPrefix: prefix }),
  });
  services = shared;
  const now = new Date();
  const channels: ChannelRef[] = Array.from({ length: CHANNELS }, (_, n) => ({ platform: 'discord', tenantId: 'g1', channelId: `news-${n}` }));
  for (let n = 0; n < FEEDS; n++) {
    const path = `/f${n}.xml`;
    server.routes.set(path, { etag: `"${n}"`, body: rss(`Feed ${n}`, [item(n, new Date(now.getTime() - 30 * 60_000).toISOString())]) });
    const id = `feed-${n}`;
    await shared.newsroom.feeds.saveFeed({ id, location: `${server.url}${path}`, kind: 'url', title: `Feed ${n}`, addedAt: now.toISOString() });
    await shared.newsroom.feeds.subscribe(channels[n % CHANNELS]!, id, new Date(now.getTime() - 2 * 60 * 60_000));
    await shared.newsroom.feeds.saveState(id, { consecutiveFailures: 0, nextPollAt: now.toISOString(), contentPolls: 1, failingNoticeSent: false });
  }
  // A daily slot 20 minutes ago, in a schedule set two hours ago: owed once, the next one tomorrow.
  const slot = new Date(now.getTime() - 20 * 60_000);
  const cron = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  for (const channel of channels) {
    await shared.newsroom.schedules.set({ channel, cron, timezone: 'UTC', label: 'daily', since: new Date(now.getTime() - 2 * 60 * 60_000).toISOString() });
  }
  return { prefix, channels };
}

interface Posted {
  key?: string;
  id: string;
  pid: number;
  kind: string;
}

/** The Redis client under the stores, which the fake platform keeps each channel's history in. */
async function redis(stores: Services['stores']) {
  return (await (stores.locks.store as { getClient(): Promise<unknown> }).getClient()) as {
    lRange(key: string, start: number, stop: number): Promise<string[]>;
    del(keys: string[]): Promise<number>;
  };
}

/** A channel's history key, as queue-process.ts writes it. */
function historyKey(prefix: string, channelId: string): string {
  return `${prefix}:fake-channel:${channelId}`;
}

/** What each channel holds: the fake platform's history on Redis (queue-process.ts), one entry per post. */
async function channelHistory(prefix: string, channels: ChannelRef[]): Promise<Posted[][]> {
  const client = await redis(services!.stores);
  return Promise.all(
    channels.map(async (channel) => (await client.lRange(historyKey(prefix, channel.channelId), 0, -1)).map((entry) => JSON.parse(entry) as Posted)),
  );
}

/** Every channel holds its digest, and no delivery key was posted twice anywhere. */
async function expectEachDigestHeldOnce(prefix: string, channels: ChannelRef[]): Promise<void> {
  const held = await channelHistory(prefix, channels);
  expect(held.every((entries) => entries.some((entry) => entry.kind === 'digest'))).toBe(true);
  expect(new Set(held.flat().map((entry) => entry.key)).size).toBe(held.flat().length);
}

/** Starts 3 scheduler processes; `until` resolves once the lines they printed satisfy `done`. */
function start(prefix: string, extra: string[] = []) {
  const lines: Line[] = [];
  let onLine: () => void = () => undefined;
  for (let index = 0; index < 3; index++) {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, REDIS_URL, prefix, ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    createInterface({ input: child.stdout! }).on('line', (text) => {
      lines.push(JSON.parse(text) as Line);
      onLine();
    });
  }
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      onLine = () => done() && resolve();
      onLine();
    });
  const ticks = (pid: number) => lines.filter((line) => line.pid === pid && line.type === 'tick').length;
  /** Five more ticks from every live process: room for any duplicate to show. Then they stop. */
  const settle = async () => {
    const alive = children.filter((child) => child.exitCode === null && child.signalCode === null);
    const ticksAt = new Map(alive.map((child) => [child.pid!, ticks(child.pid!)]));
    await until(() => alive.every((child) => ticks(child.pid!) >= ticksAt.get(child.pid!)! + 5));
    for (const child of alive) child.stdin!.end();
    await Promise.all(alive.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))));
  };
  return { lines, until, settle };
}

describe('three newsdesk processes sharing the queues on Redis', () => {
  it('polls every feed and posts every digest exactly once', async () => {
    const { prefix, channels } = await seed();
    const { lines, until, settle } = start(prefix);
    const polled = () => lines.flatMap((line) => line.polls ?? []);
    const slotRuns = () => lines.flatMap((line) => line.digests ?? []);
    const posts = () => lines.filter((line) => line.type === 'post');
    // Done when every channel's delivery job has reported back, not merely when its first part is posted:
    // the ledger is cleared only once the job has posted every part.
    const delivered = () =>
      new Set(
        lines
          .flatMap((line) => line.deliveries ?? [])
          .filter((run) => run.status === 'posted')
          .map((run) => run.channel),
      );
    await until(() => polled().length >= FEEDS && slotRuns().length >= CHANNELS && delivered().size >= CHANNELS);
    await settle();

    // Every feed polled once: by one process, with one request to its server.
    expect(polled().sort()).toEqual(Array.from({ length: FEEDS }, (_, n) => `feed-${n}`).sort());
    expect(server.requests.map((request) => request.path).sort()).toEqual(Array.from({ length: FEEDS }, (_, n) => `/f${n}.xml`).sort());
    // Every channel's slot run once (its parts queued), its digest parts posted once each by delivery jobs.
    expect(
      slotRuns()
        .map((run) => run.channel)
        .sort(),
    ).toEqual(channels.map((channel) => channel.channelId).sort());
    expect(new Set(slotRuns().map((run) => run.slot)).size).toBe(1);
    expect(slotRuns().every((run) => run.status === 'queued')).toBe(true);
    expect(new Set(posts().map((post) => post.channel))).toEqual(new Set(channels.map((channel) => channel.channelId)));
    await expectEachDigestHeldOnce(prefix, channels);
    expect(await services!.newsroom.ledger.pendingChannels()).toEqual([]);
  }, 120_000);

  it('a process killed mid-delivery loses nothing: after its lease another takes the delivery job and finds the part it posted instead of posting it again', async () => {
    const { prefix, channels } = await seed();
    // Leases of 3 s; the platform takes 400 ms to accept a post, the time in which the poster is killed.
    const { lines, until, settle } = start(prefix, ['3000', '400']);
    const posts = () => lines.filter((line) => line.type === 'post' && line.kind === 'digest');
    await until(() => posts().length > 0);
    const victim = children.find((child) => child.pid === posts()[0]!.pid)!;
    const died = new Promise((resolve) => victim.once('exit', resolve));
    victim.kill('SIGKILL');
    await died;
    // The parts the killed process got into a channel without hearing back, whether or not it lived to print them:
    // what the channels hold, read once it is dead.
    const cut = (await channelHistory(prefix, channels)).flat().filter((entry) => entry.pid === victim.pid);
    const reached = () => new Set([...posts(), ...lines.filter((line) => line.type === 'found')].map((line) => line.channel));
    await until(() => lines.filter((line) => line.type === 'found').length >= cut.length && reached().size >= CHANNELS);
    await settle();

    // The killed process's parts were found in their channels by another process, not posted again.
    const found = lines.filter((line) => line.type === 'found');
    expect(cut.length).toBeGreaterThan(0);
    expect(found.map((line) => line.key).sort()).toEqual(cut.map((entry) => entry.key).sort());
    expect(found.every((line) => line.pid !== victim.pid)).toBe(true);
    // Every channel holds its digest, each part once, and nothing is left pending.
    await expectEachDigestHeldOnce(prefix, channels);
    expect(await services!.newsroom.ledger.pendingChannels()).toEqual([]);
    const delivered = lines.flatMap((line) => line.deliveries ?? []).filter((run) => run.status === 'posted');
    expect(new Set(delivered.map((run) => run.channel))).toEqual(new Set(channels.map((channel) => channel.channelId)));
  }, 120_000);
});

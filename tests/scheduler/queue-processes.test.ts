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
  type: 'ready' | 'tick' | 'post';
  polls?: string[];
  digests?: { channel: string; slot: string; status: string }[];
  channel?: string;
  key?: string;
}

let server: FeedServer;
let services: Services | undefined;
let children: ChildProcess[] = [];

beforeEach(async () => {
  server = await startFeedServer();
});

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
  const opened = services?.stores;
  services = undefined;
  if (opened) {
    await Promise.all(NAMESPACES.map((namespace) => opened[namespace].clear()));
    await opened.close();
  }
  await server.close();
});

describe('three newsdesk processes sharing the queues on Redis', () => {
  it('polls every feed and posts every digest exactly once', async () => {
    const prefix = `newsdesk-test-${randomUUID()}`;
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

    const lines: Line[] = [];
    let onLine: () => void = () => undefined;
    for (let index = 0; index < 3; index++) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, REDIS_URL, prefix], { stdio: ['pipe', 'pipe', 'inherit'] });
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
    const polled = () => lines.flatMap((line) => line.polls ?? []);
    const slotRuns = () => lines.flatMap((line) => line.digests ?? []);
    await until(() => polled().length >= FEEDS && slotRuns().length >= CHANNELS);
    // Five more ticks from every process after that: room for any duplicate to show.
    const ticksAt = new Map(children.map((child) => [child.pid!, lines.filter((line) => line.pid === child.pid && line.type === 'tick').length]));
    await until(() => children.every((child) => lines.filter((line) => line.pid === child.pid && line.type === 'tick').length >= ticksAt.get(child.pid!)! + 5));
    for (const child of children) child.stdin!.end();
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))));

    // Every feed polled once: by one process, with one request to its server.
    expect(polled().sort()).toEqual(Array.from({ length: FEEDS }, (_, n) => `feed-${n}`).sort());
    expect(server.requests.map((request) => request.path).sort()).toEqual(Array.from({ length: FEEDS }, (_, n) => `/f${n}.xml`).sort());
    // Every channel's slot run once, its digest parts posted once each.
    expect(slotRuns().map((run) => run.channel).sort()).toEqual(channels.map((channel) => channel.channelId).sort());
    expect(new Set(slotRuns().map((run) => run.slot)).size).toBe(1);
    const posts = lines.filter((line) => line.type === 'post');
    expect(new Set(posts.map((post) => post.channel))).toEqual(new Set(channels.map((channel) => channel.channelId)));
    expect(new Set(posts.map((post) => post.key)).size).toBe(posts.length);
  }, 120_000);
});

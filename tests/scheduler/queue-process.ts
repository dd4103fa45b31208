// One newsdesk scheduler process for tests/scheduler/queue-processes.test.ts: real services on a shared
// Redis prefix with SHARED_QUEUES=on, a platform port that prints each post, and a tick every 50 ms.
// Prints one JSON line per post and per tick; stops when its stdin closes. Optional arguments: the
// lease length (ms) and how long the platform takes to accept a post (ms), so a test can kill a process
// between the platform accepting a part and the ledger hearing of it.
//
// The channels' history, which a resumed part is looked for in (as the real ports look in Discord's or
// Slack's channel), is shared by the processes: a Redis list per channel, one entry per post (its delivery
// key, message id and poster's pid), pushed in one command, so a process killed at any point either posted
// or did not. The test reads what the channels hold from there, not from the lines a killed process printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { PlatformPort } from '../../src/core/platform.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { createStores } from '../../src/store/index.ts';

const [redisUrl, prefix, leaseMs, postDelayMs] = process.argv.slice(2) as [string, string, string?, string?];
const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-queue-process-'));
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...line })}\n`);
const services = createServices(
  loadConfig({ DATA_DIR: dataDir, REDIS_URL: redisUrl, SHARED_QUEUES: 'on', FETCH_ALLOW_HOSTS: '127.0.0.1' }),
  pino({ level: 'warn' }, pino.destination(2)),
  { stores: createStores({ dataDir, redisUrl, redisPrefix: prefix }), ...(leaseMs ? { leaseMs: Number(leaseMs) } : {}) },
);
const history = (await (services.stores.locks.store as { getClient(): Promise<unknown> }).getClient()) as {
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  rPush(key: string, value: string): Promise<number>;
};
let posts = 0;
const port: PlatformPort = {
  name: 'discord',
  async post(channel, message, options) {
    const channelHistory = `${prefix}:fake-channel:${channel.channelId}`;
    if (options?.key && options.resume) {
      const entries = (await history.lRange(channelHistory, 0, -1)).map((entry) => JSON.parse(entry) as { key?: string; id: string });
      const found = entries.find((entry) => entry.key === options.key);
      if (found) {
        print({ type: 'found', channel: channel.channelId, key: options.key });
        return { id: found.id };
      }
    }
    posts += 1;
    const id = `${process.pid}-${posts}`;
    await history.rPush(channelHistory, JSON.stringify({ key: options?.key, id, pid: process.pid, kind: message.kind }));
    print({ type: 'post', channel: channel.channelId, kind: message.kind, key: options?.key });
    if (postDelayMs) await new Promise((resolve) => setTimeout(resolve, Number(postDelayMs)));
    return { id, threadId: options?.thread ? `${process.pid}-thread-${posts}` : undefined };
  },
};
const scheduler = startScheduler(services, [port], { timers: false });
let running = true;
process.stdin.on('end', () => (running = false));
process.stdin.resume();
print({ type: 'ready' });
while (running) {
  const report = await scheduler.tick();
  print({
    type: 'tick',
    polls: report.polls.map((poll) => poll.feedId),
    digests: report.digests.map((run) => ({ channel: run.channel.channelId, slot: run.slot, status: run.run.status })),
    deliveries: (report.deliveries ?? []).map((run) => ({ channel: run.channel.channelId, status: run.run.status })),
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await scheduler.stop();
await services.stores.close();
rmSync(dataDir, { recursive: true, force: true });

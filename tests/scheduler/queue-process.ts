// One newsdesk scheduler process for tests/scheduler/queue-processes.test.ts: real services on a shared
// Redis prefix with SHARED_QUEUES=on, a platform port that prints each post, and a tick every 50 ms.
// Prints one JSON line per post and per tick; stops when its stdin closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { PlatformPort } from '../../src/core/platform.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { createStores } from '../../src/store/index.ts';

const [redisUrl, prefix] = process.argv.slice(2) as [string, string];
const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-queue-process-'));
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...line })}\n`);
const services = createServices(
  loadConfig({ DATA_DIR: dataDir, REDIS_URL: redisUrl, SHARED_QUEUES: 'on', FETCH_ALLOW_HOSTS: '127.0.0.1' }),
  pino({ level: 'warn' }, pino.destination(2)),
  { stores: createStores({ dataDir, redisUrl, redisPrefix: prefix }) },
);
let posts = 0;
const port: PlatformPort = {
  name: 'discord',
  async post(channel, message, options) {
    posts += 1;
    print({ type: 'post', channel: channel.channelId, kind: message.kind, key: options?.key });
    return { id: `${process.pid}-${posts}`, threadId: options?.thread ? `${process.pid}-thread-${posts}` : undefined };
  },
};
const scheduler = startScheduler(services, [port], { timers: false });
let running = true;
process.stdin.on('end', () => (running = false));
process.stdin.resume();
print({ type: 'ready' });
while (running) {
  const report = await scheduler.tick();
  print({ type: 'tick', polls: report.polls.map((poll) => poll.feedId), digests: report.digests.map((run) => ({ channel: run.channel.channelId, slot: run.slot, status: run.run.status })) });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await scheduler.stop();
await services.stores.close();
rmSync(dataDir, { recursive: true, force: true });

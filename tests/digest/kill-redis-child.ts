// A bot process for tests/digest/kill-redis.test.ts: the real Discord port (discord.js REST against the
// parent's fake Discord) and the scheduler, on Redis with a short digest lease. It ticks until the
// channel's slot is delivered (by itself or by another process), then prints what it saw: DONE with
// its own runs, and WAIT lines for each time it found the digest lease held.
import { commands } from '../../commands/index.ts';
import { startDiscord } from '../../src/adapters/discord/client.ts';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { createStores } from '../../src/store/index.ts';
import { capturingLogger } from '../helpers.ts';

const [redisUrl, prefix, apiUrl, guildId, channelId, now, leaseMs] = process.argv.slice(2) as [string, string, string, string, string, string, string];
const channel = { platform: 'discord' as const, tenantId: guildId, channelId };
const logs: Record<string, unknown>[] = [];
const logger = capturingLogger(logs);
const stores = createStores({ dataDir: '', redisUrl, redisPrefix: prefix, logger });
const config = loadConfig({ DISCORD_APP_ID: '1100000000000000001', REDIS_URL: redisUrl });
const services = createServices(config, logger, { clock: new ManualClock(now), stores, leaseMs: Number(leaseMs) });
const running = await startDiscord(services, commands, { apiUrl, token: 'kill-test-token' });
const scheduler = startScheduler(services, [running.port], { timers: false });
process.stdout.write('STARTED\n');
// A restarted process is started ahead and told when to begin (its start-up can outlast a short lease).
if (process.argv.includes('--wait-for-go')) {
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.destroy();
}
const runs: unknown[] = [];
for (let ticks = 0; (await services.newsroom.schedules.lastSlot(channel)) !== new Date(now).toISOString(); ticks++) {
  if (ticks > 2_000) throw new Error('the slot was never delivered');
  const report = await scheduler.tick();
  runs.push(...report.digests.map((entry) => ({ ...entry.run, error: undefined })));
  await new Promise((resolve) => setTimeout(resolve, 50));
}
for (const line of logs.filter((entry) => /digest slot waits/.test(String(entry.msg)))) process.stdout.write(`WAIT ${JSON.stringify(line)}\n`);
process.stdout.write(`DONE ${JSON.stringify(runs)}\n`);
await scheduler.stop();
await running.stop();
await stores.close();

// A bot process for tests/digest/kill-discord.test.ts: posts one Discord channel's digest through the
// real Discord port (discord.js REST) against the parent's fake Discord, in parts of two stories, and
// prints the run. The parent kills it while the fake holds one of its requests.
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startDiscord } from '../../src/adapters/discord/client.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { createStores } from '../../src/store/index.ts';
import { testServices } from '../helpers.ts';
import { REDIS_URL } from './kill-support.ts';

// With a Redis prefix (argv 6), the store is Redis with a 3 s lease: a dead process's lease is waited out.
const [dataDir, apiUrl, guildId, channelId, now, redisPrefix] = process.argv.slice(2) as [string, string, string, string, string, string | undefined];
const channel = { platform: 'discord' as const, tenantId: guildId, channelId };
const stores = redisPrefix ? createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix }) : undefined;
const env = testServices(
  { DATA_DIR: dataDir, DISCORD_APP_ID: '1100000000000000001' },
  { clock: new ManualClock(now), ...(stores ? { stores, leaseMs: 3_000 } : {}) },
);
const running = await startDiscord(env.services, commands, { apiUrl, token: 'kill-test-token' });
const port = running.port;
const { post, onPosted } = portPoster(env.services, port, channel);
process.stdout.write('STARTED\n');
let run = await deliverDigest(env.services, channel, post, { onPosted, budget: { maxStories: 2, maxChars: 1_000_000 } });
for (let waits = 0; run.status === 'busy' && waits < 1_000; waits++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  run = await deliverDigest(env.services, channel, post, { onPosted, budget: { maxStories: 2, maxChars: 1_000_000 } });
}
process.stdout.write(`DONE ${JSON.stringify({ ...run, error: undefined })}\n`);
if (run.status === 'failed') process.stdout.write(`ERROR ${String((run.error as Error | undefined)?.cause ?? run.error)}\n`);
await running.stop();
await env.services.stores.close();

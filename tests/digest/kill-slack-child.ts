// A bot process for tests/digest/kill-slack.test.ts: posts one Slack channel's digest through the real
// Slack adapter (Bolt and @slack/web-api) against the parent's fake Slack, in parts of 16 stories (two
// Slack messages each), and prints the run. The parent kills it while the fake holds one of its calls.
import { commands } from '../../commands/index.ts';
import { startSlack } from '../../src/adapters/slack/index.ts';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID } from '../slack/fake-slack.ts';
import { createStores } from '../../src/store/index.ts';
import { capturingLogger } from '../helpers.ts';
import { REDIS_URL } from './kill-support.ts';

// With a Redis prefix (argv 5), the store is Redis with a 3 s lease: a dead process's lease is waited out.
const [dataDir, apiUrl, channelId, now, redisPrefix] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const channel = { platform: 'slack' as const, tenantId: TEAM_ID, channelId };
const config = loadConfig({ DATA_DIR: dataDir, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl });
const logger = capturingLogger([]);
const stores = redisPrefix ? createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix, logger }) : undefined;
const services = createServices(config, logger, { clock: new ManualClock(now), ...(stores ? { stores, leaseMs: 3_000 } : {}) });
const running = await startSlack(services, commands, { port: 0, pacing: { intervalMs: 0, burst: 1 } });
const { post, onPosted } = portPoster(services, running.port, channel);
process.stdout.write('STARTED\n');
let run = await deliverDigest(services, channel, post, { onPosted, budget: { maxStories: 16, maxChars: 1_000_000 } });
for (let waits = 0; run.status === 'busy' && waits < 1_000; waits++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  run = await deliverDigest(services, channel, post, { onPosted, budget: { maxStories: 16, maxChars: 1_000_000 } });
}
process.stdout.write(`DONE ${JSON.stringify({ ...run, error: undefined })}\n`);
if (run.status === 'failed') process.stdout.write(`ERROR ${String((run.error as Error | undefined)?.cause ?? run.error)}\n`);
await running.stop();
await services.stores.close();

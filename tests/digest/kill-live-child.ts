// A bot process for tests/digest/kill-live.test.ts: one news run (live mode's posts, thread updates and
// edits) for one channel through the real Discord or Slack adapter against the parent's fake, at the
// time given, and prints what it did. The parent kills it while the fake holds one of its calls. With a
// Redis prefix (argv 6) the store is Redis with a 3 s lease: the run is tried again until the dead
// process's leases have run out and the channel's run went through.
import { commands } from '../../commands/index.ts';
import { startDiscord } from '../../src/adapters/discord/client.ts';
import { startSlack } from '../../src/adapters/slack/index.ts';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { PlatformPort } from '../../src/core/platform.ts';
import { runNewsFeatures } from '../../src/features/news-run.ts';
import { createStores } from '../../src/store/index.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../slack/fake-slack.ts';
import { capturingLogger } from '../helpers.ts';
import { REDIS_URL } from './kill-support.ts';

const [platform, dataDir, apiUrl, now, redisPrefix] = process.argv.slice(2) as ['discord' | 'slack', string, string, string, string | undefined];
const env =
  platform === 'discord'
    ? { DATA_DIR: dataDir, DISCORD_APP_ID: '1100000000000000001' }
    : { DATA_DIR: dataDir, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl };
const logger = capturingLogger([]);
const stores = redisPrefix ? createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix, logger }) : undefined;
const services = createServices(loadConfig(env), logger, { clock: new ManualClock(now), ...(stores ? { stores, leaseMs: 3_000 } : {}) });
let port: PlatformPort;
let stop: () => Promise<void>;
if (platform === 'discord') {
  const running = await startDiscord(services, commands, { apiUrl, token: 'kill-test-token' });
  port = running.port;
  stop = () => running.stop();
} else {
  const running = await startSlack(services, commands, { port: 0, pacing: { intervalMs: 0, burst: 1 } });
  port = running.port;
  stop = () => running.stop();
}
process.stdout.write('STARTED\n');
// Every run here has new articles to read, so a run that went through reports the channel.
let runs = await runNewsFeatures(services, new Map([[platform, port]]));
for (let tries = 0; (runs.length === 0 || runs[0]!.live?.unfinished) && tries < 600; tries++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  runs = await runNewsFeatures(services, new Map([[platform, port]]));
}
process.stdout.write(`DONE ${JSON.stringify(runs.map((run) => ({ stories: run.stories, live: run.live })))}\n`);
await stop();
await services.stores.close();

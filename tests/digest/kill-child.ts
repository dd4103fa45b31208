// A bot process for tests/digest/kill.test.ts: posts the console channel's digest through a fake
// platform that appends each accepted part to a file, and blocks forever on the part named in argv
// (so the parent can SIGKILL it mid-digest).
import { appendFileSync } from 'node:fs';
import { ManualClock } from '../../src/core/clock.ts';
import type { PlatformPort } from '../../src/core/platform.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { testServices } from '../helpers.ts';

const [dataDir, outFile, blockOnPart, now] = process.argv.slice(2) as [string, string, string, string];
const channel = { platform: 'console' as const, tenantId: 'local', channelId: 'kill-test' };
const env = testServices({ DATA_DIR: dataDir }, { clock: new ManualClock(now) });

const port: PlatformPort = {
  name: 'console',
  post: async (_channel, message) => {
    if (message.kind !== 'digest') return { id: 'notice' };
    if (message.part === Number(blockOnPart)) {
      process.stdout.write(`BLOCKED ${message.part}\n`);
      return new Promise(() => undefined);
    }
    appendFileSync(outFile, `${JSON.stringify({ pid: process.pid, part: message.part, stories: message.digest.stories.map((s) => s.id) })}\n`);
    return { id: `m${message.part}` };
  },
};

const { post, onPosted } = portPoster(env.services, port, channel);
const run = await deliverDigest(env.services, channel, post, { onPosted, budget: { maxStories: 2, maxChars: 1_000_000 } });
process.stdout.write(`DONE ${JSON.stringify(run)}\n`);
await env.cleanup();

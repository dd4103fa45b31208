// One polling process for bench/polling.bench.ts: real services on the bench's Redis prefix, taking
// poll jobs from the shared queue (SharedWork.pollShare) from "go" until its stdin closes. Prints
// how many feeds it polled, once a second and at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { SharedWork } from '../src/scheduler/queue-work.ts';
import { createStores } from '../src/store/index.ts';

const [redisUrl, prefix, allowHosts] = process.argv.slice(2) as [string, string, string];
const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-worker-'));
const services = createServices(loadConfig({ DATA_DIR: dataDir, REDIS_URL: redisUrl, SHARED_QUEUES: 'on', FETCH_ALLOW_HOSTS: allowHosts }), silentLogger, {
  stores: createStores({ dataDir, redisUrl, redisPrefix: prefix }),
});
const work = new SharedWork(services);
let polled = 0;
let running = true;
const input = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => input.once('line', () => resolve()));
input.once('close', () => (running = false));
process.stdout.write(`${JSON.stringify({ type: 'ready', pid: process.pid })}\n`);
await go;
const cpuAtGo = process.cpuUsage();
const report = () => {
  const cpu = process.cpuUsage(cpuAtGo);
  process.stdout.write(`${JSON.stringify({ type: 'polled', pid: process.pid, polled, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
};
const timer = setInterval(report, 1000);
while (running) {
  const outcomes = await work.pollShare(undefined);
  polled += outcomes.length;
  if (outcomes.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
clearInterval(timer);
report();
await services.stores.close();
rmSync(dataDir, { recursive: true, force: true });

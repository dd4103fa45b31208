import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { commands } from '../commands/index.ts';
import { startDiscord } from '../src/adapters/discord/client.ts';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { Article } from '../src/core/types.ts';
import { fixtureArticles } from '../tests/discord/fixtures.ts';
import type { HostReply, HostRequest } from './discord-fake-host.ts';

// 200 /summary interactions arrive at once over the gateway of the fake Discord, which runs in its
// own thread (bench/discord-fake-host.ts) on 127.0.0.1. Measured there: from sending INTERACTION_CREATE
// to receiving the defer callback (Discord's 3-second window), and to receiving the edited reply.

const CONCURRENT = 200;
const STORIES = 50;

export async function run(): Promise<void> {
  const host = new FakeHost();
  const { apiUrl, ids } = await host.ready;
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-discord-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DISCORD_TOKEN: 'bench.token.value', DISCORD_APP_ID: ids.appId, DISCORD_API_URL: apiUrl });
  const services = createServices(config, silentLogger);
  const running = await startDiscord(services, commands);
  try {
    // 50 distinct recent stories: a quarter of the requests need a fresh analysis, the rest hit the cache.
    const articles = Array.from({ length: STORIES }, (_, i) => variant(i));
    for (const article of articles) await services.library.save(article);
    await services.library.addRecent(
      { platform: 'discord', tenantId: ids.guildId, channelId: ids.channelId },
      articles.map((article) => article.id),
    );

    // Warm-up (engine models loaded, connections open), then 50 one at a time: the latency of one command alone.
    await host.call({ type: 'one-by-one', count: 5, stories: STORIES });
    const alone = (await host.call({ type: 'one-by-one', count: STORIES, stories: STORIES })) as Extract<HostReply, { type: 'burst' }>;
    const cpu = process.cpuUsage();
    const burst = (await host.call({ type: 'burst', count: CONCURRENT, stories: STORIES })) as Extract<HostReply, { type: 'burst' }>;
    const used = process.cpuUsage(cpu);
    console.log(
      `/summary of one of ${STORIES} recent stories; fake Discord in a worker thread on 127.0.0.1; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
    report(`${STORIES} one at a time`, alone);
    report(`${CONCURRENT} at once`, burst);
    // Unlike the latencies, CPU time hardly depends on how busy the machine is.
    console.log(`  CPU time per /summary in the burst (bot and fake together): ${ms((used.user + used.system) / 1000 / CONCURRENT)}`);
    console.log(
      `  (target: p99 time to defer < 100 ms; Discord allows 3 s. The burst's ${CONCURRENT} threads open afterwards, at Discord's 50 requests/s global limit.)`,
    );
    await host.call({ type: 'threads', count: CONCURRENT + STORIES + 5 });
  } finally {
    await running.stop();
    await host.call({ type: 'close' });
    await services.stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

class FakeHost {
  // tsx's loader is registered again inside the thread: workers do not inherit module hooks on Node 20.
  private readonly worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./discord-fake-host.ts', import.meta.url).href)}); });`,
    { eval: true },
  );
  private pending: ((reply: HostReply) => void)[] = [];
  readonly ready: Promise<Extract<HostReply, { type: 'ready' }>>;

  constructor() {
    this.ready = new Promise((resolve, reject) => {
      this.pending.push(resolve as (reply: HostReply) => void);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (reply: HostReply) => this.pending.shift()?.(reply));
  }

  call(request: HostRequest): Promise<HostReply> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.worker.postMessage(request);
    });
  }
}
function report(label: string, { defer, answer, wall }: Extract<HostReply, { type: 'burst' }>): void {
  console.log(
    `  ${label}: time to defer p50 ${ms(percentile(defer, 50))}, p99 ${ms(percentile(defer, 99))}; time to final answer p50 ${ms(percentile(answer, 50))}, p99 ${ms(percentile(answer, 99))}; all done in ${ms(wall)}`,
  );
}

/** Distinct articles made from the fixture sentences in another order, so each needs its own analysis. */
function variant(i: number): Article {
  const base = fixtureArticles[i % fixtureArticles.length]!;
  const sentences = base.text.split(/(?<=[.!?]["”]?)\s+/);
  const shift = Math.floor(i / fixtureArticles.length) % sentences.length;
  const text = [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' ');
  return { ...base, id: `bench-${i}`, title: `${base.title} (${i + 1})`, text: `${text} Update ${i + 1}.` };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

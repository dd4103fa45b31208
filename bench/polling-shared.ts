import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FeedRecord, FeedState } from '../src/feeds/types.ts';
import { redisQueue } from '../src/scheduler/queue.ts';
import { createStores, type Stores } from '../src/store/index.ts';

// 50,000 feeds polled from the shared queue on Redis by 1 and then 3 processes (bench/polling-worker.ts).
// The feeds live on 100 loopback hosts (127.0.0.10-109, so the per-host limit of 2 is not the bound);
// every answer comes after 50 ms, 95% are 304 Not Modified, 5% a changed feed. The server counts the
// requests per feed: any feed asked for more than once is a duplicate.

// 50,000 feeds when this benchmark runs alone (`npm run bench -- polling`); 5,000 beside others (CI's
// quick figures, all benchmarks), where the full run would take most of the time budget.
const ALONE = process.argv.slice(2).join(' ') === 'polling';
const FEEDS = Number(process.env.BENCH_SHARED_FEEDS ?? (ALONE ? 50_000 : 5_000));
const HOSTS = 100;
const LATENCY_MS = 50;
const CHANGED_EVERY = 20;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER = fileURLToPath(new URL('./polling-worker.ts', import.meta.url));

interface FeedServers {
  urls: string[];
  hits: Uint16Array;
  answered(): number;
  close(): Promise<void>;
}

export async function startServers(): Promise<FeedServers> {
  const hits = new Uint16Array(FEEDS);
  let distinct = 0;
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let host = 0; host < HOSTS; host++) {
    const server = createServer((req, res) => {
      const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
      setTimeout(() => {
        if (hits[n]!++ === 0) distinct++;
        if (n % CHANGED_EVERY !== 0 && req.headers['if-none-match'] === `"v${n}"`) {
          res.writeHead(304, { etag: `"v${n}"` }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"v${n}-2"` }).end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://example.org/${n}</link><description>bench</description>` +
            `<item><title>District ${n} opens its new library</title><link>https://example.org/${n}/library</link><guid>lib-${n}</guid>` +
            `<description>The district of ${n} opened a library on Monday. The mayor said it would stay open late.</description></item></channel></rss>`,
        );
      }, LATENCY_MS);
    });
    const address = `127.0.0.${10 + host}`;
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    urls.push(`http://${address}:${(server.address() as AddressInfo).port}`);
  }
  return {
    urls,
    hits,
    answered: () => distinct,
    async close() {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** The feeds, their poll state (all due now, with an ETag) and their jobs, written in bulk. */
export async function seed(stores: Stores, urls: string[], now: number): Promise<void> {
  const ids: string[] = [];
  for (let start = 0; start < FEEDS; start += 1000) {
    const entries: { key: string; value: unknown }[] = [];
    for (let n = start; n < Math.min(FEEDS, start + 1000); n++) {
      const id = `bench-${n}`;
      ids.push(id);
      const feed: FeedRecord = { id, location: `${urls[n % HOSTS]}/feed/${n}`, kind: 'url', title: `Feed ${n}`, addedAt: new Date(now).toISOString() };
      const state: FeedState = { etag: `"v${n}"`, consecutiveFailures: 0, nextPollAt: new Date(now).toISOString(), contentPolls: 1, failingNoticeSent: false };
      // The FeedStore's own keys (src/feeds/feed-store.ts), written in bulk: saveFeed rewrites the id list each time.
      entries.push({ key: `f:${id}`, value: feed }, { key: `st:${id}`, value: state });
    }
    await stores.feeds.setMany(entries);
  }
  await stores.feeds.set('all', ids);
  await redisQueue(stores.locks, 'polls', () => Date.now()).ensure(ids.map((id) => ({ id, dueAt: now })));
}

async function cycle(processes: number): Promise<{ seconds: number; perProcess: number[]; duplicates: number; answered: number; cpuSeconds: number }> {
  const servers = await startServers();
  const prefix = `newsdesk-bench-${randomUUID()}`;
  const stores = createStores({ dataDir: '/nonexistent', redisUrl: REDIS_URL, redisPrefix: prefix });
  const children: ChildProcess[] = [];
  try {
    await seed(stores, servers.urls, Date.now());
    const allow = servers.urls.map((url) => new URL(url).hostname).join(',');
    const polled = new Map<number, number>();
    const cpu = new Map<number, number>();
    const ready: Promise<void>[] = [];
    for (let index = 0; index < processes; index++) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, REDIS_URL, prefix, allow], { stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      ready.push(
        new Promise((resolve) => {
          createInterface({ input: child.stdout! }).on('line', (text) => {
            const line = JSON.parse(text) as { type: string; pid: number; polled?: number; cpuSeconds?: number };
            if (line.type === 'ready') resolve();
            if (line.type === 'polled') {
              polled.set(line.pid, line.polled ?? 0);
              cpu.set(line.pid, line.cpuSeconds ?? 0);
            }
          });
        }),
      );
    }
    await Promise.all(ready);
    const started = performance.now();
    for (const child of children) child.stdin!.write('go\n');
    while (servers.answered() < FEEDS) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    // Two more seconds of every process taking from the queue: room for a duplicate to show.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const child of children) child.stdin!.end();
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    let duplicates = 0;
    for (const count of servers.hits) duplicates += Math.max(0, count - 1);
    const cpuSeconds = [...cpu.values()].reduce((sum, value) => sum + value, 0);
    return { seconds, perProcess: [...polled.values()], duplicates, answered: servers.answered(), cpuSeconds };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await removeKeys(stores, prefix);
    await stores.close();
    await servers.close();
  }
}

/** Deletes every key under the bench's prefix in slices (keyv's clear() of 100,000 keys outlasts the 2.5 s call bound). */
async function removeKeys(stores: Stores, prefix: string): Promise<void> {
  const adapter = stores.locks.store as { getClient(): Promise<{ scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>; unlink(keys: string[]): Promise<number> }> };
  const client = await adapter.getClient();
  for await (const found of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) {
    const keys = Array.isArray(found) ? found : [found];
    if (keys.length) await client.unlink(keys);
  }
}

export async function runSharedQueues(): Promise<void> {
  const results: { processes: number; seconds: number }[] = [];
  for (const processes of [1, 3]) {
    const result = await cycle(processes);
    results.push({ processes, seconds: result.seconds });
    console.log(
      `shared queues, ${processes} process${processes > 1 ? 'es' : ''}: ${result.answered} of ${FEEDS} feeds in ${result.seconds.toFixed(1)} s ` +
        `(${(FEEDS / result.seconds).toFixed(0)} feeds/s; ${LATENCY_MS} ms a request, 95% 304), polled per process ${JSON.stringify(result.perProcess)}, duplicates ${result.duplicates}; ` +
        `CPU ${result.cpuSeconds.toFixed(1)} s in all (${((result.cpuSeconds / FEEDS) * 1000).toFixed(2)} ms a feed)`,
    );
  }
  const [one, three] = results;
  if (one && three) console.log(`shared queues: 3 processes poll ${(one.seconds / three.seconds).toFixed(2)}× the feeds a second of 1 (machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FeedRecord, FeedState } from '../src/feeds/types.ts';
import { redisQueue } from '../src/scheduler/queue.ts';
import { createStores, type Stores } from '../src/store/index.ts';

// 50,000 feeds polled from the shared queue on Redis by 1 and then 3 processes (bench/polling-worker.ts).
// The feeds live on 100 loopback hosts (127.0.0.10-109, so the per-host limit of 2 is not the bound),
// served by 4 processes of their own (bench/polling-feeds.ts); every answer comes after 50 ms, 95% are
// 304 Not Modified, 5% a changed feed (a new story each). The servers count the requests per feed: any
// feed asked for more than once is a duplicate. A poller keeps 32 polls going (the host limiter's
// total), so its latency bound is 32 / 50 ms = 640 feeds a second; the figures print how close each
// run came to it, the CPU each process used a second, and the machine's load.

// 50,000 feeds when this benchmark runs alone (`npm run bench -- polling`); 5,000 beside others (CI's
// quick figures, all benchmarks), where the full run would take most of the time budget.
const ALONE = process.argv.slice(2).join(' ') === 'polling';
const FEEDS = Number(process.env.BENCH_SHARED_FEEDS ?? (ALONE ? 50_000 : 5_000));
// The process counts to compare (`BENCH_SHARED_PROCESSES=1,3`).
const PROCESSES = (process.env.BENCH_SHARED_PROCESSES ?? '1,3').split(',').map(Number);
const HOSTS = 100;
const LATENCY_MS = 50;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER = fileURLToPath(new URL('./polling-worker.ts', import.meta.url));
const FEED_SERVER = fileURLToPath(new URL('./polling-feeds.ts', import.meta.url));
const SERVER_PROCESSES = 4;
/** Feeds a second one poller can reach when only the latency bounds it: its 32 polls in flight, 50 ms each. */
const LATENCY_BOUND = 32 / (LATENCY_MS / 1000);

interface FeedServers {
  urls: string[];
  answered(): number;
  /** Requests beyond the first for any feed, summed over the server processes (read when they close). */
  close(): Promise<number>;
}

/**
 * The feed servers, in SERVER_PROCESSES processes of their own (bench/polling-feeds.ts): in the
 * benchmark's process they would share one core's turn with its bookkeeping and, with 3 pollers, become
 * the bound themselves.
 */
async function startServers(): Promise<FeedServers> {
  const answered = new Map<ChildProcess, number>();
  const duplicates = new Map<ChildProcess, number>();
  const urls: string[] = [];
  const children: ChildProcess[] = [];
  const perProcess = Math.ceil(HOSTS / SERVER_PROCESSES);
  await Promise.all(
    Array.from({ length: SERVER_PROCESSES }, (_, index) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', FEED_SERVER, String(index * perProcess), String(Math.min(HOSTS, (index + 1) * perProcess)), String(FEEDS), String(HOSTS)],
        {
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      answered.set(child, 0);
      return new Promise<void>((resolve) => {
        createInterface({ input: child.stdout! }).on('line', (text) => {
          const line = JSON.parse(text) as { urls?: string[]; answered?: number; duplicates?: number };
          if (line.urls) {
            urls.push(...line.urls);
            resolve();
          }
          if (line.answered !== undefined) answered.set(child, line.answered);
          if (line.duplicates !== undefined) duplicates.set(child, line.duplicates);
        });
      });
    }),
  );
  // Feed n lives on host n % HOSTS: the URLs in host order.
  urls.sort((a, b) => hostIndex(a) - hostIndex(b));
  return {
    urls,
    answered: () => [...answered.values()].reduce((sum, value) => sum + value, 0),
    async close() {
      for (const child of children) child.stdin!.end();
      await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
      return [...duplicates.values()].reduce((sum, value) => sum + value, 0);
    },
  };
}

function hostIndex(url: string): number {
  return Number(new URL(url).hostname.split('.')[3]);
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
      const child = spawn(
        process.execPath,
        [
          ...(process.env.BENCH_WORKER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROFILE}`] : []),
          '--import',
          'tsx',
          WORKER,
          REDIS_URL,
          prefix,
          allow,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
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
    const duplicates = await servers.close();
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
  const adapter = stores.locks.store as {
    getClient(): Promise<{
      scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
      unlink(keys: string[]): Promise<number>;
    }>;
  };
  const client = await adapter.getClient();
  for await (const found of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) {
    const keys = Array.isArray(found) ? found : [found];
    if (keys.length) await client.unlink(keys);
  }
}

export async function runSharedQueues(): Promise<void> {
  const results: { processes: number; seconds: number }[] = [];
  for (const processes of PROCESSES) {
    const loadBefore = loadavg()[0]!;
    const result = await cycle(processes);
    const perSecond = FEEDS / result.seconds;
    results.push({ processes, seconds: result.seconds });
    console.log(
      `shared queues, ${processes} process${processes > 1 ? 'es' : ''}: ${result.answered} of ${FEEDS} feeds in ${result.seconds.toFixed(1)} s ` +
        `(${(FEEDS / result.seconds).toFixed(0)} feeds/s; ${LATENCY_MS} ms a request, 95% 304), polled per process ${JSON.stringify(result.perProcess)}, duplicates ${result.duplicates}; ` +
        `CPU ${result.cpuSeconds.toFixed(1)} s in all (${((result.cpuSeconds / FEEDS) * 1000).toFixed(2)} ms a feed, ${(result.cpuSeconds / result.seconds / processes).toFixed(2)} of a core a process); ` +
        `${((perSecond / processes / LATENCY_BOUND) * 100).toFixed(0)}% of the latency bound a process; load ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    );
  }
  const one = results.find((result) => result.processes === 1);
  for (const many of results.filter((result) => result.processes > 1)) {
    if (one)
      console.log(
        `shared queues: ${many.processes} processes poll ${(one.seconds / many.seconds).toFixed(2)}× the feeds a second of 1 (machine: ${cpus().length} cores)`,
      );
  }
}

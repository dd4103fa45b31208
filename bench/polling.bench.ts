import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { shortId } from '../src/core/hash.ts';
import { silentLogger } from '../src/core/logger.ts';
import { pollDueFeeds } from '../src/feeds/poller.ts';
import { runSharedQueues } from './polling-shared.ts';

// One polling cycle over 5,000 feeds on a local HTTP server: 95% answer 304 Not Modified to the
// ETag we send, 5% answer 200 with one new item. Every feed is on the same host, so the per-host
// limit (2 at a time) is the bottleneck, as it would be for a real site with many feeds.

const FEEDS = 5_000;
const CHANGED_EVERY = 20;

function feedBody(n: number): string {
  const pub = new Date(Date.parse('2026-11-26T11:00:00Z')).toUTCString();
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://example.org/${n}</link><description>bench</description>
<item><title>Council ${n} votes on the new bridge budget</title><link>https://example.org/${n}/new</link><guid>n-${n}</guid><pubDate>${pub}</pubDate>
<description>The council of district ${n} voted on Tuesday to spend more on the bridge. The mayor said work would start in spring. Opponents said the cost had doubled.</description></item>
</channel></rss>`;
}

export async function run(): Promise<void> {
  await runSqliteCycle();
  await runSharedQueues();
}

async function runSqliteCycle(): Promise<void> {
  const server = createServer((req, res) => {
    const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
    if (n % CHANGED_EVERY !== 0 && req.headers['if-none-match'] === `"v${n}"`) {
      res.writeHead(304, { etag: `"v${n}"` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"v${n}-2"` }).end(feedBody(n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-poll-'));
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  const services = createServices(loadConfig({ DATA_DIR: dataDir, FETCH_ALLOW_HOSTS: '127.0.0.1' }), silentLogger, { clock });
  try {
    const { feeds } = services.newsroom;
    const channel = { platform: 'discord' as const, tenantId: 'bench', channelId: 'c' };
    for (let n = 0; n < FEEDS; n++) {
      const id = shortId(`feed:${base}/feed/${n}`);
      await feeds.saveFeed({ id, location: `${base}/feed/${n}`, kind: 'url', title: `Feed ${n}`, addedAt: clock.now().toISOString() });
      await feeds.subscribe({ ...channel, channelId: `c${n % 500}` }, id, clock.now());
      await feeds.saveState(id, { etag: `"v${n}"`, consecutiveFailures: 0, nextPollAt: clock.now().toISOString(), contentPolls: 1, failingNoticeSent: false });
    }
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    const started = performance.now();
    const outcomes = await pollDueFeeds(services);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `polling cycle: ${FEEDS} feeds in ${seconds.toFixed(2)} s (${(FEEDS / seconds).toFixed(0)} feeds/s, at most 2 requests at a time to the one host)`,
    );
    console.log(`outcomes: ${JSON.stringify(counts)}`);
    console.log(`memory: peak RSS ${mb(peakRss)} MB (${mb(before.rss)} MB before), peak heap ${mb(peakHeap)} MB (${mb(before.heapUsed)} MB before)`);
  } finally {
    await services.stores.close();
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

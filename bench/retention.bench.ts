import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { shortId } from '../src/core/hash.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { PlatformPort } from '../src/core/platform.ts';
import type { FetchResult, SafeFetch } from '../src/ingest/safe-fetch.ts';
import { runRetention } from '../src/ops/retention-job.ts';
import { createNewsroom } from '../src/scheduler/newsroom.ts';
import { startScheduler } from '../src/scheduler/scheduler.ts';
import { parseSchedule } from '../src/scheduler/spec.ts';
import { printVerdict, startProfiler, type DayRow } from './retention-report.ts';

// 60 simulated days of 500 feeds (one new item a feed a day, a tenth of them a second outlet's report
// of another feed's event), 30 channels with a daily digest, polled by the real scheduler with a
// manual clock (four heartbeats a day, every feed due at each), and the retention sweep once a day.
// Prints, per day, the database size and the CPU the day's work took per simulated minute: both
// should be flat once RETENTION_DAYS (30) of news are kept. BENCH_DAYS / BENCH_FEEDS scale it down.

// Full mode (the default) is the issue's case and takes 30–60 minutes on a loaded 2-core machine; quick
// mode (`npm run bench -- retention --quick`, or BENCH_QUICK=1) keeps the 60 days with 100 feeds, for CI.
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const MODE = QUICK ? 'quick' : 'full';
const DAYS = Number(process.env.BENCH_DAYS ?? 60);
const FEEDS = Number(process.env.BENCH_FEEDS ?? (QUICK ? 100 : 500));
const MINUTES_PER_DAY = 24 * 60;
const CHANNELS = 30;
const TICKS_PER_DAY = 4;
const ITEMS_IN_FEED = 10;
const DAY_MS = 24 * 60 * 60_000;
const START = Date.parse('2026-01-01T00:00:00Z');

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'sa', 'vor', 'di', 'ne', 'ru', 'bel', 'sto', 'an', 'qui', 'fe', 'dor', 'li', 'mu', 'ra', 'zen', 'po'];
const VOCABULARY = Array.from({ length: 6000 }, (_, index) => {
  const random = prng(index + 1);
  return Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
});

/** The event a feed reports on a day; every tenth feed reports its neighbour's event (another outlet). */
function eventOf(feed: number, day: number): number {
  return day * FEEDS + (feed % 10 === 1 ? feed - 1 : feed);
}

function eventText(event: number): { title: string; text: string } {
  const random = prng(event * 7919 + 13);
  const word = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const name = () => `${word()[0]!.toUpperCase()}${word().slice(1)}`;
  const person = `${name()} ${name()}`;
  const place = name();
  const sentences = Array.from({ length: 12 }, (_, index) => {
    const words = Array.from({ length: 14 }, word).join(' ');
    return index === 3 ? `"${words}," said ${person}.` : `${index === 0 ? `${place} — ` : ''}${words[0]!.toUpperCase()}${words.slice(1)} on Tuesday.`;
  });
  return { title: `${place} ${Array.from({ length: 6 }, word).join(' ')}`, text: sentences.join(' ') };
}

function feedBody(feed: number, day: number): string {
  const items: string[] = [];
  for (let d = day; d > day - ITEMS_IN_FEED && d >= 0; d--) {
    const { title, text } = eventText(eventOf(feed, d));
    const published = new Date(START + d * DAY_MS + (feed % 24) * 3_600_000).toUTCString();
    items.push(
      `<item><title>${title}${feed % 10 === 1 ? ' (report)' : ''}</title><link>https://outlet${feed}.example/news/${d}</link><guid>f${feed}-d${d}</guid><pubDate>${published}</pubDate><description>${text}</description></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${feed}</title><link>https://outlet${feed}.example/</link><description>bench</description>${items.join('')}</channel></rss>`;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-retention-'));
  const clock = new ManualClock(new Date(START));
  // keyv's TTLs and the store's write times read Date.now(): simulated days must pass for them too.
  const realNow = Date.now;
  Date.now = () => clock.now().getTime();
  const config = loadConfig({ DATA_DIR: dataDir, POLL_INTERVAL_MINUTES: String((24 * 60) / TICKS_PER_DAY - 60), RETENTION_DAYS: '30' });
  const base = createServices(config, silentLogger, { clock });
  // Feeds served from memory (the HTTP path is measured by the polling benchmark): 304 until a feed's next item.
  const fetcher: SafeFetch = async (url, options) => {
    const feed = Number(/feed\/(\d+)/.exec(url)?.[1]);
    const published = Math.floor((clock.now().getTime() - START - (feed % 24) * 3_600_000) / DAY_MS);
    const etag = `"d${published}"`;
    const common = { url, headers: {}, contentType: 'application/rss+xml', mediaType: 'application/rss+xml', redirects: [] };
    if (options?.conditional?.etag === etag) return { ...common, status: 304, body: '', notModified: true, etag } satisfies FetchResult;
    return { ...common, status: 200, body: feedBody(feed, Math.max(published, 0)), notModified: false, etag } satisfies FetchResult;
  };
  const services = { ...base, newsroom: createNewsroom(config, base.stores, clock, { fetcher }) };
  let posted = 0;
  const port: PlatformPort = {
    name: 'discord',
    async post(_channel, _message, options) {
      posted += 1;
      return { id: `m${posted}`, threadId: options?.thread ? `t${posted}` : undefined };
    },
  };
  const db = base.stores.sqlite!;
  const file = join(dataDir, 'newsdesk.sqlite');
  try {
    const { feeds, schedules } = services.newsroom;
    for (let n = 0; n < FEEDS; n++) {
      const id = shortId(`feed:bench/${n}`);
      await feeds.saveFeed({ id, location: `https://bench.example/feed/${n}`, kind: 'url', title: `Outlet ${n}`, addedAt: clock.now().toISOString() });
      const channel = { platform: 'discord' as const, tenantId: 'bench', channelId: `c${n % CHANNELS}` };
      await feeds.subscribe(channel, id, clock.now());
    }
    for (let c = 0; c < CHANNELS; c++) {
      const channel = { platform: 'discord' as const, tenantId: 'bench', channelId: `c${c}` };
      await schedules.set({ ...parseSchedule('daily 06:00', 'UTC'), channel, since: clock.now().toISOString() });
    }
    const scheduler = startScheduler(services, [port], { timers: false });
    console.log(`${MODE} mode: ${FEEDS} feeds, ${CHANNELS} channels, ${DAYS} days, ${TICKS_PER_DAY} heartbeats a day, RETENTION_DAYS=30, sweep daily`);
    console.log("CPU ms per simulated minute = the process CPU time (user + system) of the day's heartbeats and sweep / 1,440");
    console.log('day | CPU ms/min | of which sweep | wall s | heap MB | DB file MB | DB in use MB | rows | articles | new items | swept');
    const rows: DayRow[] = [];
    const profiler = await startProfiler(process.env.BENCH_PROFILE);
    for (let day = 0; day < DAYS; day++) {
      await profiler?.start();
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      let items = 0;
      let swept = 0;
      let sweepMicros = 0;
      for (let tick = 0; tick < TICKS_PER_DAY; tick++) {
        clock.set(new Date(START + day * DAY_MS + (tick * DAY_MS) / TICKS_PER_DAY));
        const report = await scheduler.tick();
        items += report.polls.reduce((sum, poll) => sum + poll.newItems, 0);
        if (tick === 0) {
          const sweepBefore = process.cpuUsage();
          const sweep = runRetention(base.stores, 30, silentLogger, clock.now().getTime());
          const sweepCpu = process.cpuUsage(sweepBefore);
          sweepMicros = sweepCpu.user + sweepCpu.system;
          swept = sweep ? sweep.expired + sweep.articles + sweep.analyses + sweep.threads + sweep.stories + sweep.ledgers : 0;
        }
      }
      const cpu = process.cpuUsage(cpuBefore);
      const wall = (performance.now() - wallBefore) / 1000;
      await profiler?.stop(`day${day + 1}`);
      const cpuPerMinute = (cpu.user + cpu.system) / 1000 / MINUTES_PER_DAY;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const fileMb = statSync(file).size / 1e6;
      const pages = db.pragma('page_count', { simple: true }) as number;
      const free = db.pragma('freelist_count', { simple: true }) as number;
      const liveMb = ((pages - free) * (db.pragma('page_size', { simple: true }) as number)) / 1e6;
      const count = (db.prepare('SELECT count(*) FROM keyv').pluck().get() as number) ?? 0;
      const articles = db.prepare("SELECT count(*) FROM keyv WHERE key >= 'articles:' AND key < 'articles;'").pluck().get() as number;
      rows.push({ day: day + 1, cpuPerMinute, fileMb, liveMb });
      const cells = [
        String(day + 1).padStart(3),
        cpuPerMinute.toFixed(2).padStart(6),
        (sweepMicros / 1000 / MINUTES_PER_DAY).toFixed(2).padStart(5),
        wall.toFixed(1).padStart(5),
        (process.memoryUsage().heapUsed / 1e6).toFixed(0).padStart(4),
        fileMb.toFixed(1).padStart(6),
        liveMb.toFixed(1).padStart(6),
        count,
        articles,
        items,
        swept,
      ];
      console.log(cells.join(' | '));
    }
    await scheduler.stop();
    profiler?.close();
    printVerdict(rows);
    console.log(`digest parts posted: ${posted}`);
  } finally {
    Date.now = realNow;
    await base.stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

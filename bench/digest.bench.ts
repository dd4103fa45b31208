import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import { composeDigest } from '../src/digest/compose.ts';

// Composing digests for 1,000 channels, each following 5 of 200 feeds with 10 new items each
// (2,000 articles, grouped into stories). Analyses are cached by content hash, so the first pass
// pays for analysing each lead article once and the second pass shows the steady state.

const FEEDS = 200;
const ITEMS = 10;
const CHANNELS = 1_000;
const PLACES = ['harbour', 'airport', 'museum', 'stadium', 'library', 'railway', 'hospital', 'market', 'bridge', 'school'];

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'zel', 'dor', 'pin', 'sha', 'gri', 'bel', 'nox', 'ter', 'qui', 'fam'];

/** A made-up name unique to (n, k): articles about different events share no content words but the template's. */
function name(n: number, k: number): string {
  let value = n * 131 + k * 17 + 7;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length) + n + 3 * k + i;
  }
  return out[0]!.toUpperCase() + out.slice(1) + n;
}

/** Mostly made-up names, so different events share little vocabulary, as real news mostly does. */
function text(feed: number, item: number): string {
  const n = feed * ITEMS + item;
  const w = (k: number) => name(n, k);
  return (
    `${w(1)} ${w(2)} ${PLACES[item % PLACES.length]} ${w(3)} ${w(4)} on Tuesday, ${w(5)} said. ` +
    `${w(6)} ${w(7)} ${w(8)} ${n} ${w(9)} ${w(10)}, ${w(11)} ${w(12)} ${w(13)}. ` +
    `"${w(14)} ${w(15)} ${w(16)} ${w(17)}," said ${w(18)} ${w(19)}, ${w(20)} ${w(21)} ${w(22)}.`
  );
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-digest-'));
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  const services = createServices(loadConfig({ DATA_DIR: dataDir }), silentLogger, { clock });
  try {
    const { feeds, stories } = services.newsroom;
    const seedStarted = performance.now();
    for (let f = 0; f < FEEDS; f++) {
      const id = `feed-${f}`;
      await feeds.saveFeed({ id, location: `https://feeds${f}.example/rss`, kind: 'url', title: `Outlet ${f}`, addedAt: clock.now().toISOString() });
      const entries = [];
      for (let i = 0; i < ITEMS; i++) {
        const article = {
          id: `a-${f}-${i}`,
          title: `${name(f * ITEMS + i, 2)} ${PLACES[i % PLACES.length]} in ${name(f * ITEMS + i, 1)} to close for repairs`,
          text: text(f, i),
          url: `https://feeds${f}.example/${i}`,
          publishedAt: new Date(clock.now().getTime() - i * 3_600_000).toISOString(),
        };
        await services.library.save(article);
        const storyId = await stories.add(article, id, `Outlet ${f}`, clock.now());
        entries.push({ storyId, articleId: article.id, at: clock.now().toISOString() });
      }
      await stories.appendFeedEntries(id, entries, clock.now());
    }
    const channels = Array.from({ length: CHANNELS }, (_, c) => ({ platform: 'discord' as const, tenantId: 'bench', channelId: `c${c}` }));
    for (const [c, channel] of channels.entries()) {
      for (let k = 0; k < 5; k++) await feeds.subscribe(channel, `feed-${(c * 7 + k * 41) % FEEDS}`, new Date(clock.now().getTime() - 60 * 60_000));
    }
    console.log(`seeded ${FEEDS * ITEMS} articles from ${FEEDS} feeds and ${CHANNELS} channels in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    for (const pass of ['first (analyses computed)', 'second (analyses cached)']) {
      const started = performance.now();
      let storiesComposed = 0;
      const settled = await Promise.allSettled(channels.map((channel) => composeDigest(services, channel, { maxStories: 10, sentences: 3 })));
      for (const result of settled) if (result.status === 'fulfilled') storiesComposed += result.value?.stories.length ?? 0;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `compose, ${pass}: ${CHANNELS} channels, ${storiesComposed} stories in ${seconds.toFixed(2)} s (${((seconds * 1000) / CHANNELS).toFixed(1)} ms per channel); peak RSS now ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
      );
    }
  } finally {
    await services.stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { Article } from '../src/core/types.ts';

// One big event covered by 2,000 feeds within the story window (a national election, a disaster): every
// article joins the same story. Measures the CPU time of filing one more article as the story grows
// (the similarity check against its members and the write of its record) and the record's size, on the
// SQLite store, so a story's cost per article can be seen staying flat, or not.

const ARTICLES = 2_000;
const CHECKPOINTS = [100, 500, 1_000, 2_000];

/** The same event in each outlet's words: a shared lead, a varying second sentence. */
function article(n: number): Article {
  return {
    id: `a${n}`,
    url: `https://outlet-${n}.example/news/flood-barrier-vote`,
    title: `Dunmore council approves flood barrier after long debate (${n % 7 === 0 ? 'update' : 'report'})`,
    text:
      'The Dunmore council approved the 210-million-euro flood barrier on Tuesday after a six-hour debate. ' +
      `Outlet ${n} reports that construction starts in spring and takes ${3 + (n % 4)} years. ` +
      'Residents of the harbour district had asked for the barrier since the floods of last winter.',
    publishedAt: '2026-11-24T09:00:00Z',
  };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-stories-'));
  const clock = new ManualClock('2026-11-24T09:00:00Z');
  const services = createServices(loadConfig({ DATA_DIR: dataDir }), silentLogger, { clock });
  const { stories } = services.newsroom;
  try {
    let storyId = '';
    let window = process.cpuUsage();
    let from = 0;
    for (let n = 1; n <= ARTICLES; n++) {
      clock.set(new Date(Date.parse('2026-11-24T09:00:00Z') + n * 30_000));
      storyId = await stories.add(article(n), `feed-${n}`, `Outlet ${n}`, clock.now());
      if (CHECKPOINTS.includes(n)) {
        const used = process.cpuUsage(window);
        const record = await stories.get(storyId);
        const size = Buffer.byteLength(JSON.stringify(record));
        console.log(
          `stories: articles ${from + 1}-${n} of one story: ${((used.user + used.system) / 1000 / (n - from)).toFixed(2)} ms CPU an article; ` +
            `the story now ${record?.members.length} members, ${(size / 1024).toFixed(0)} KB`,
        );
        from = n;
        window = process.cpuUsage();
      }
    }
  } finally {
    await services.stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

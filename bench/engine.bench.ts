import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzeArticle } from '../src/engine/index.ts';
import { parseFeed } from '../src/ingest/feeds.ts';
import type { Article } from '../src/core/types.ts';

// Full analysis (summary, tags, quotes, timeline) on one core: articles per second and peak memory.
// On the CNN/DailyMail dev set when ../shared/eval is there, else on the demo feed's articles.

const EVAL_FILE = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'cnndm', 'dev.jsonl.gz');
const LIMIT = 3000;

function corpus(): { name: string; articles: Article[] } {
  if (existsSync(EVAL_FILE)) {
    const lines = gunzipSync(readFileSync(EVAL_FILE)).toString('utf8').split('\n').filter(Boolean).slice(0, LIMIT);
    const articles = lines.map((line, index) => {
      const record = JSON.parse(line) as { id: string; article: string };
      return { id: record.id ?? String(index), text: record.article, publishedAt: '2015-04-01T12:00:00Z' };
    });
    return { name: `cnndm/dev.jsonl.gz (first ${articles.length} articles)`, articles };
  }
  const feed = parseFeed(readFileSync(join(import.meta.dirname, '..', 'demo', 'feed.xml'), 'utf8'));
  const items = feed.items.map((item, index) => ({ id: String(index), text: item.text, title: item.title, publishedAt: item.publishedAt }));
  // The demo feed is small: repeat it so the timing is not noise.
  const articles = Array.from({ length: 250 }, (_, round) => items.map((item) => ({ ...item, id: `${round}-${item.id}` }))).flat();
  return { name: `demo feed (${items.length} articles × 250)`, articles };
}

export async function run(): Promise<void> {
  const { name, articles } = corpus();
  const chars = articles.reduce((sum, article) => sum + article.text.length, 0);
  for (const article of articles.slice(0, 200)) analyzeArticle(article); // warm-up: JIT and caches
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let items = 0;
  for (const article of articles) {
    const analysis = analyzeArticle(article);
    items += analysis.summary.length + analysis.quotes.length + analysis.timeline.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`corpus: ${name}, mean ${(chars / articles.length).toFixed(0)} characters an article`);
  // Wall time suffers when other work shares the cores; CPU time is what one core spends.
  console.log(`full analysis: ${(articles.length / cpuSeconds).toFixed(0)} articles per CPU-second on one core (${((cpuSeconds * 1000) / articles.length).toFixed(2)} ms CPU an article; ${items} items found)`);
  console.log(`wall clock: ${(articles.length / seconds).toFixed(0)} articles/s (${((seconds * 1000) / articles.length).toFixed(2)} ms an article; lower when other processes share the machine)`);
  console.log(`peak memory: ${rssMb.toFixed(0)} MB resident (process high-water mark); heap grew ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`);
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build, isStale } from '../bin/build.mjs';
import type { Article } from '../src/core/types.ts';
import type * as EngineModule from '../src/engine/index.ts';
import type * as WordsModule from '../src/engine/summary-words.ts';
import { parseFeed } from '../src/ingest/feeds.ts';
import { heapAfterGc } from './forced-gc.ts';

// Does the embedded engine's memory stay bounded over weeks of articles? Many distinct articles go
// through what the bot runs for them: the digest's analysis (summary, tags, quotes, timeline) and a
// thread's follow-up question over the last few articles (the answer path and its prepared-doc cache).
// Every 500 articles the heap is read after a full collection, so garbage not yet collected is not
// counted as growth. The texts are held from the start, so their memory is in the baseline.
// Each lap over the corpus marks its long words ("police" -> "policeqb"), so every lap brings new
// vocabulary as weeks of news do, and any table keyed by words or texts keeps meeting new keys.
// `npm run bench -- soak --articles=30000` for a longer run (default 10,000).

const CNNDM_FILE = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'cnndm', 'dev.jsonl.gz');
const REPORT_EVERY = 500;
const THREAD_ARTICLES = 5;
const QUESTIONS = ['Who did the police arrest?', 'When did the attack happen?', 'Where is the company based?', 'What did the president say?'];

function articleCount(): number {
  const option = process.argv.find((arg) => arg.startsWith('--articles='));
  const count = option ? Number(option.slice('--articles='.length)) : 10_000;
  if (!Number.isInteger(count) || count < REPORT_EVERY) throw new Error(`--articles must be a whole number of at least ${REPORT_EVERY}`);
  return count;
}

function corpus(): { name: string; texts: string[] } {
  if (existsSync(CNNDM_FILE)) {
    const lines = gunzipSync(readFileSync(CNNDM_FILE)).toString('utf8').split('\n').filter(Boolean);
    return { name: 'CNN/DailyMail dev', texts: lines.map((line) => (JSON.parse(line) as { article: string }).article) };
  }
  const feed = parseFeed(readFileSync(join(import.meta.dirname, '..', 'demo', 'feed.xml'), 'utf8'));
  return { name: `demo feed (CNN/DailyMail missing: ${CNNDM_FILE})`, texts: feed.items.map((item) => item.text) };
}

/** A letter mark a lap gives its long words: "qb" for lap 1, "qc" for lap 2 … (none on lap 0). */
function lapMark(lap: number): string {
  return lap === 0 ? '' : `q${lap.toString(26).replace(/[0-9a-p]/g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))}`;
}

function nthArticle(texts: readonly string[], n: number): Article {
  const lap = Math.floor(n / texts.length);
  const mark = lapMark(lap);
  const base = texts[n % texts.length]!;
  const text = mark ? base.replace(/\b(\p{L}{4,})\b/gu, `$1${mark}`) : base;
  return { id: `soak-${n}`, text, publishedAt: '2015-04-01T12:00:00Z' };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

export async function run(): Promise<void> {
  if (isStale()) build({ quiet: true });
  // The compiled engine, as `npm start` runs it.
  const { EmbeddedEngine, analyzeArticle } = (await import('../dist/src/engine/index.js' as string)) as typeof EngineModule;
  const { vocabularySize } = (await import('../dist/src/engine/summary-words.js' as string)) as typeof WordsModule;
  const engine = new EmbeddedEngine();
  const count = articleCount();
  const { name, texts } = corpus();
  const start = heapAfterGc();
  console.log(
    `corpus: ${name}, ${texts.length} texts, ${count} articles; heap after GC with the texts loaded: ${mb(start.heap)} MB, off-heap buffers ${mb(start.offHeap)} MB`,
  );
  const thread: Article[] = [];
  const heaps: number[] = [];
  let found = 0;
  let resets = 0;
  let words = 0;
  for (let n = 0; n < count; n++) {
    const article = nthArticle(texts, n);
    const analysis = analyzeArticle(article);
    found += analysis.summary.length + analysis.quotes.length + analysis.timeline.length;
    thread.push(article);
    if (thread.length > THREAD_ARTICLES) thread.shift();
    if (await engine.answer(QUESTIONS[n % QUESTIONS.length]!, thread)) found++;
    if ((n + 1) % REPORT_EVERY === 0) {
      const now = heapAfterGc();
      heaps.push(now.heap);
      if (vocabularySize() < words) resets++;
      words = vocabularySize();
      console.log(
        `  ${String(n + 1).padStart(6)} articles: heap ${mb(now.heap)} MB (${now.heap >= start.heap ? '+' : ''}${mb(now.heap - start.heap)}), off-heap ${mb(now.offHeap)} MB, summary word table ${words} words`,
      );
    }
  }
  if (found < 0) throw new Error('unreachable: keeps the work observable');
  const above = (bytes: number) => `${bytes >= start.heap ? '+' : ''}${mb(bytes - start.heap)}`;
  const half = Math.floor(heaps.length / 2);
  // The word table's fill and reset make a saw-tooth: a leak shows as a rising floor and peak.
  console.log(
    `heap after GC above the start: first half ${above(Math.min(...heaps.slice(0, half)))} to ${above(Math.max(...heaps.slice(0, half)))} MB, second half ${above(Math.min(...heaps.slice(half)))} to ${above(Math.max(...heaps.slice(half)))} MB; the word table started afresh ${resets} times`,
  );
}

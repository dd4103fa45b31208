import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { build, isStale } from '../bin/build.mjs';
import type { analyzeArticle as AnalyzeArticle } from '../src/engine/index.ts';
import { parseFeed } from '../src/ingest/feeds.ts';
import type { Article } from '../src/core/types.ts';
import { heapAfterGc } from './forced-gc.ts';
import { median } from './stats.ts';

// Full analysis (summary, tags, quotes, timeline) on one core: articles per CPU-second and peak
// memory, on CNN/DailyMail (lower-cased) and on PolNeAR (real-cased news), with wink-nlp doing only
// tokens, sentences and entities on the same PolNeAR texts in the same run as the anchor, the two
// taking turns pass by pass.
// Missing shared data is said, not silently replaced: the demo feed is then measured instead.
// The engine measured is the compiled one in dist/ (what `npm start` and the CLI run; rebuilt here when
// stale), not the tsx-transformed source, whose per-function name wrappers cost time in hot loops.
// Both our engine and wink-nlp are measured at steady state: one whole warm-up pass over the corpus
// first (a running bot analyses thousands of articles), then the median of timed passes (three of the
// engine alone a corpus; on PolNeAR five more of each, alternating, for the ratio).

const EVAL_DIR = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const CNNDM_FILE = join(EVAL_DIR, 'cnndm', 'dev.jsonl.gz');
const POLNEAR_DIR = join(EVAL_DIR, 'polnear');
const LIMIT = 3000;

function cnndm(): Article[] | null {
  if (!existsSync(CNNDM_FILE)) return null;
  const lines = gunzipSync(readFileSync(CNNDM_FILE)).toString('utf8').split('\n').filter(Boolean).slice(0, LIMIT);
  return lines.map((line, index) => {
    const record = JSON.parse(line) as { id: string; article: string };
    return { id: record.id ?? String(index), text: record.article, publishedAt: '2015-04-01T12:00:00Z' };
  });
}

/** PolNeAR dev and train texts as pasted articles (headline line included). */
function polnear(): Article[] | null {
  const out: Article[] = [];
  for (const split of ['dev', 'train']) {
    const dir = join(POLNEAR_DIR, split, 'text');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      out.push({ id: `${split}/${file}`, text: readFileSync(join(dir, file), 'utf8'), publishedAt: '2016-10-01T12:00:00Z' });
    }
  }
  return out.length ? out : null;
}

function demo(): Article[] {
  const feed = parseFeed(readFileSync(join(import.meta.dirname, '..', 'demo', 'feed.xml'), 'utf8'));
  const items = feed.items.map((item, index) => ({ id: String(index), text: item.text, title: item.title, publishedAt: item.publishedAt }));
  // The demo feed is small: repeat it so the timing is not noise.
  return Array.from({ length: 250 }, (_, round) => items.map((item) => ({ ...item, id: `${round}-${item.id}` }))).flat();
}

if (isStale()) build({ quiet: true });
const { analyzeArticle } = (await import('../dist/src/engine/index.js' as string)) as { analyzeArticle: typeof AnalyzeArticle };

const PASSES = 3;

/**
 * CPU seconds a pass of `work` over the articles takes: a whole warm-up pass (JIT and caches), then
 * PASSES timed passes, of which the median is kept (one pass swings by a third on a shared machine).
 */
function cpuSecondsOf(articles: readonly Article[], work: (article: Article) => number): { cpu: number; wall: number; items: number } {
  for (const article of articles) work(article);
  const passes: { cpu: number; wall: number; items: number }[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let items = 0;
    for (const article of articles) items += work(article);
    const cpu = process.cpuUsage(cpuStarted);
    passes.push({ cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - started) / 1000, items });
  }
  return passes.sort((a, b) => a.cpu - b.cpu)[Math.floor(PASSES / 2)]!;
}

const fullAnalysis = (article: Article) => {
  const analysis = analyzeArticle(article);
  return analysis.summary.length + analysis.quotes.length + analysis.timeline.length;
};

function report(name: string, articles: readonly Article[]): number {
  const chars = articles.reduce((sum, article) => sum + article.text.length, 0);
  const { cpu, wall, items } = cpuSecondsOf(articles, fullAnalysis);
  const rate = articles.length / cpu;
  console.log(
    `corpus: ${name}, ${articles.length} articles (compiled engine, dist/; median of 3 passes after a warm-up pass), mean ${(chars / articles.length).toFixed(0)} characters an article`,
  );
  // Wall time suffers when other work shares the cores; CPU time is what one core spends.
  console.log(
    `  full analysis: ${rate.toFixed(0)} articles per CPU-second on one core (${((cpu * 1000) / articles.length).toFixed(2)} ms CPU an article; ${items} items found; wall ${(articles.length / wall).toFixed(0)}/s)`,
  );
  return rate;
}

/** CPU seconds of one pass of `work` over the articles. */
function passCpu(articles: readonly Article[], work: (article: Article) => number): number {
  const cpuStarted = process.cpuUsage();
  let items = 0;
  for (const article of articles) items += work(article);
  const cpu = process.cpuUsage(cpuStarted);
  if (items < 0) throw new Error('unreachable: keeps the work observable');
  return (cpu.user + cpu.system) / 1e6;
}

// The two engines take turns, pass by pass (ABBA order), so a change in the machine's load during the
// run falls on both alike; the ratio is the median of each round's own ratio.
const ROUNDS = 5;

export async function run(): Promise<void> {
  const heapBefore = heapAfterGc().heap;
  const news = cnndm();
  if (news) report('CNN/DailyMail dev (lower-cased)', news);
  else console.log(`CNN/DailyMail data missing (${CNNDM_FILE}): not measured.`);
  const cased = polnear();
  if (cased) {
    report('PolNeAR dev+train texts (real-cased news)', cased);
    // The anchor: wink-nlp with only sentence breaking and entities in its pipe (tokens always).
    const nlp = winkNLP(winkModel, ['sbd', 'ner']);
    const wink = (article: Article) => {
      const doc = nlp.readDoc(article.text);
      return doc.sentences().length() + doc.entities().length() + (doc.tokens().length() > 0 ? 0 : 1);
    };
    passCpu(cased, wink); // wink-nlp's warm-up pass (ours had its own in report)
    const ours: number[] = [];
    const theirs: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const oursFirst = round % 2 === 0;
      const a = oursFirst ? passCpu(cased, fullAnalysis) : passCpu(cased, wink);
      const b = oursFirst ? passCpu(cased, wink) : passCpu(cased, fullAnalysis);
      const [o, w] = oursFirst ? [a, b] : [b, a];
      ours.push(cased.length / o);
      theirs.push(cased.length / w);
      ratios.push(w / o);
    }
    const spread = (rates: number[]) => `${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}`;
    console.log(
      `  alternating with wink-nlp, ${ROUNDS} rounds of one pass each: full analysis median ${median(ours).toFixed(0)} articles per CPU-second (${spread(ours)}); wink-nlp (tokens, sentences, entities only) median ${median(theirs).toFixed(0)} (${spread(theirs)})`,
    );
    console.log(
      `  full analysis is ${median(ratios).toFixed(2)}× wink-nlp's speed (median of the rounds' ratios; ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  } else {
    console.log(`PolNeAR data missing (${POLNEAR_DIR}): real-cased speed and the wink-nlp anchor not measured.`);
  }
  if (!news && !cased) report('demo feed (articles × 250)', demo());
  const rssMb = process.resourceUsage().maxRSS / 1024;
  // Most of the growth read without a collection is garbage V8 has not collected yet (it grows the
  // heap while it has room); what a forced collection leaves is the corpora, wink-nlp's model and
  // the engine's bounded tables (see the soak benchmark).
  const grew = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const held = (heapAfterGc().heap - heapBefore) / 1e6;
  console.log(
    `peak memory: ${rssMb.toFixed(0)} MB resident (process high-water mark); heap grew ${grew.toFixed(0)} MB, ${held.toFixed(0)} MB after a forced GC`,
  );
}

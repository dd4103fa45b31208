import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { splitSentences } from '../src/engine/sentences.ts';
import { summarize } from '../src/engine/summary.ts';

// Cost of splitSentences() and summarize() per article on one core: on the CNN/DailyMail dev set
// when ../shared/eval is there, else on a generated article (our own sentences, repeated).

const EVAL_FILE = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'cnndm', 'dev.jsonl.gz');
const LIMIT = 3000;

function corpus(): { name: string; texts: string[] } {
  if (existsSync(EVAL_FILE)) {
    const lines = gunzipSync(readFileSync(EVAL_FILE)).toString('utf8').split('\n').filter(Boolean).slice(0, LIMIT);
    return { name: `cnndm/dev.jsonl.gz (first ${lines.length} articles)`, texts: lines.map((l) => (JSON.parse(l) as { article: string }).article) };
  }
  const sentences = [
    'The city council voted on Tuesday to expand the tram network by 12 kilometres.',
    'Mayor Ana Ruiz said the plan would cost about $240 million over six years.',
    '"This is the biggest investment in public transport in a generation," she said.',
    'Critics on the council argued that bus routes in the east of the city had been neglected.',
    'Work on the first section is due to begin next spring.',
  ];
  const texts = Array.from({ length: LIMIT }, (_, i) =>
    Array.from({ length: 30 }, (_, j) => sentences[(i + j) % sentences.length]!.replace('12', String(10 + ((i * j) % 90)))).join(' '),
  );
  return { name: `generated articles (${texts.length})`, texts };
}

// CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
function time(texts: string[], fn: (text: string) => unknown): number {
  for (const t of texts.slice(0, 200)) fn(t); // warm-up: JIT and stem cache
  const started = process.cpuUsage();
  for (const t of texts) fn(t);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / texts.length;
}

export async function run(): Promise<void> {
  const { name, texts } = corpus();
  const chars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
  const split = time(texts, splitSentences);
  const summary = time(texts, (t) => summarize(t));
  console.log(`summary: ${name}, mean ${Math.round(chars)} chars/article`);
  console.log(
    `summary: splitSentences ${split.toFixed(3)} ms/article, summarize ${summary.toFixed(3)} ms/article (${Math.round(1000 / summary)} articles/s), CPU time`,
  );
}

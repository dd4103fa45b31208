import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractQuotes } from '../src/engine/quotes.ts';
import { extractTags } from '../src/engine/tags.ts';

// Cost of extractTags() + extractQuotes() per article on one core: on the cased PolNeAR news
// (dev and train texts) when ../shared/eval is there, else on generated articles of our own.

const EVAL_DIR = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'polnear');

function corpus(): { name: string; texts: string[] } {
  const texts: string[] = [];
  for (const split of ['dev', 'train']) {
    const dir = join(EVAL_DIR, split, 'text');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  if (texts.length > 0) return { name: `polnear dev+train texts (${texts.length})`, texts };
  const sentences = [
    'BERLIN (Reuters) — Chancellor Anna Weber met Finance Minister Jonas Keller on Tuesday.',
    '"We will not raise taxes this year," Weber said after the meeting.',
    'Keller, a former banker, told reporters the budget would balance by 2027.',
    'The Finance Ministry said in a statement that "spending cuts remain on the table."',
    'Opposition leader Paul Brandt called the plan "a recipe for stagnation in the regions."',
  ];
  const generated = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 30 }, (_, j) => sentences[(i + j) % sentences.length]!).join(j2(i)));
  return { name: `generated articles (${generated.length})`, texts: generated };
}

function j2(i: number): string {
  return i % 2 ? '\n\n' : ' ';
}

// CPU time, not wall time: the machine is shared, and waiting for a core is not our cost. One
// untimed pass first (JIT warm-up), then three timed passes; the median pass is reported, so one
// pass disturbed by a neighbour's load does not decide the figure.
function time(texts: string[], fn: (text: string) => unknown): { median: number; min: number } {
  for (const t of texts) fn(t);
  const passes: number[] = [];
  for (let r = 0; r < 3; r++) {
    const started = process.cpuUsage();
    for (const t of texts) fn(t);
    const used = process.cpuUsage(started);
    passes.push((used.user + used.system) / 1000 / texts.length);
  }
  passes.sort((a, b) => a - b);
  return { median: passes[1]!, min: passes[0]! };
}

export async function run(): Promise<void> {
  const { name, texts } = corpus();
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  const both = time(texts, (t) => {
    extractTags(t);
    extractQuotes(t);
  });
  const ms = both.median;
  console.log(`quotes+tags on ${name}, mean ${Math.round(chars)} chars (median of 3 passes, CPU time)`);
  console.log(
    `  tags + quotes: ${ms.toFixed(3)} ms/article (best pass ${both.min.toFixed(3)}), ${((ms * 4000) / chars).toFixed(3)} ms per 4,000 chars, ${Math.round(1000 / ms)} articles/s`,
  );
}

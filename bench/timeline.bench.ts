import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/engine/sentences.ts';
import { tagTimeExpressions } from '../src/engine/timeline/tagger.ts';
import { loadTimeml } from '../src/eval/timeline.eval.ts';

// Cost of the timeline tagger alone (sentences split beforehand, as the engine shares them), on
// one core: CPU time per 4,000 characters of article text. TimeBank/AQUAINT texts and the
// real-cased PolNeAR news when ../shared/eval is there, else generated news-like text.

const EVAL_DIR = join(import.meta.dirname, '..', '..', 'shared', 'eval');
const ROUNDS = 5;

interface Corpus {
  name: string;
  docs: { text: string; dct: string }[];
}

function polnear(): Corpus | null {
  const dir = join(EVAL_DIR, 'polnear');
  if (!existsSync(dir)) return null;
  const docs: Corpus['docs'] = [];
  for (const split of ['dev', 'train']) {
    const textDir = join(dir, split, 'text');
    if (!existsSync(textDir)) continue;
    for (const file of readdirSync(textDir).sort()) docs.push({ text: readFileSync(join(textDir, file), 'utf8'), dct: '2016-10-01T12:00:00Z' });
  }
  return docs.length ? { name: 'PolNeAR (real-cased news)', docs } : null;
}

async function corpora(): Promise<Corpus[]> {
  const out: Corpus[] = [];
  if (existsSync(join(EVAL_DIR, 'timeml'))) {
    const docs = await loadTimeml(EVAL_DIR);
    out.push({ name: 'timeml (TimeBank + AQUAINT)', docs: docs.map((d) => ({ text: d.text, dct: d.dct })) });
  }
  const cased = polnear();
  if (cased) out.push(cased);
  if (out.length) return out;
  const lines = [
    'The council voted on Tuesday to close the bridge for three weeks from March 3.',
    'Repairs began last year and should end by the third quarter, officials said at 9.15am (00:15 GMT).',
    'Traffic has fallen 12% since 2019, and buses now run every Monday and daily in summer.',
  ];
  const docs = Array.from({ length: 200 }, (_, i) => ({
    text: Array.from({ length: 20 }, (_, j) => lines[(i + j) % lines.length]!).join(' '),
    dct: '2026-11-26',
  }));
  return [{ name: 'generated articles', docs }];
}

export async function run(): Promise<void> {
  for (const { name, docs } of await corpora()) measure(name, docs);
}

function measure(name: string, docs: Corpus['docs']): void {
  const sentences = docs.map((d) => splitSentences(d.text));
  const chars = docs.reduce((sum, d) => sum + d.text.length, 0);
  let expressions = 0;
  for (const [i, d] of docs.entries()) expressions += tagTimeExpressions(d.text, d.dct, sentences[i]).length; // warm-up
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const [i, d] of docs.entries()) tagTimeExpressions(d.text, d.dct, sentences[i]);
  const cpuMs = process.cpuUsage(cpu0).user / 1000 / ROUNDS;
  const wallMs = (performance.now() - wall0) / ROUNDS;
  console.log(`timeline tagger on ${name}: ${docs.length} texts, ${chars} chars, ${expressions} expressions`);
  console.log(
    `  CPU ${cpuMs.toFixed(1)} ms per pass (${((cpuMs / chars) * 4000).toFixed(3)} ms per 4,000 chars, ${(cpuMs / docs.length).toFixed(3)} ms a text); wall ${wallMs.toFixed(1)} ms`,
  );
  console.log(`  ${(docs.length / (cpuMs / 1000)).toFixed(0)} texts/s on one core (tagger only)`);
}

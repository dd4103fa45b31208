import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { answerQuestion } from '../src/engine/answer.ts';

// Cost of answerQuestion() over 20 articles on one core: cold (articles never seen, so they are
// split, tokenised and stemmed first) and warm (a follow-up on the same articles, prepared ones
// reused). Articles from the CNN/DailyMail dev set when ../shared/eval is there, else generated.

const EVAL_FILE = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'cnndm', 'dev.jsonl.gz');
const ARTICLES = 20;
const ROUNDS = 30;
const WARM_REPEATS = 10;

function articles(): { name: string; texts: string[] } {
  if (existsSync(EVAL_FILE)) {
    const lines = gunzipSync(readFileSync(EVAL_FILE))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, ARTICLES * ROUNDS);
    return { name: 'cnndm/dev.jsonl.gz', texts: lines.map((l) => (JSON.parse(l) as { article: string }).article) };
  }
  const sentences = [
    'The city council voted on Tuesday to expand the tram network by 12 kilometres.',
    'Mayor Ana Ruiz said the plan would cost about $240 million over six years.',
    'Critics on the council argued that bus routes in the east of the city had been neglected.',
    'Work on the first section is due to begin next spring.',
  ];
  const texts = Array.from({ length: ARTICLES * ROUNDS }, (_, i) =>
    Array.from({ length: 30 }, (_, j) => sentences[(i + j) % sentences.length]!.replace('12', String(10 + ((i * j) % 90)))).join(' '),
  );
  return { name: 'generated articles', texts };
}

// A question made of words of the article's fifth sentence, so it has something to find.
function questionFor(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s+/)[4] ?? text;
  return `Who ${sentence.split(/\s+/).slice(2, 9).join(' ')}?`;
}

function cpuMs(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export async function run(): Promise<void> {
  const { name, texts } = articles();
  const rounds = Math.floor(texts.length / ARTICLES);
  const sets = Array.from({ length: rounds }, (_, r) => texts.slice(r * ARTICLES, (r + 1) * ARTICLES).map((text, i) => ({ id: `${r}-${i}`, text })));
  answerQuestion(questionFor(sets[0]![0]!.text), sets[0]!); // warm-up: JIT and stem cache
  let cold = 0;
  let warm = 0;
  for (const docs of sets.slice(1)) {
    const question = questionFor(docs[3]!.text);
    cold += cpuMs(() => answerQuestion(question, docs));
    warm +=
      cpuMs(() => {
        for (let k = 0; k < WARM_REPEATS; k++) answerQuestion(question, docs);
      }) / WARM_REPEATS;
  }
  const n = sets.length - 1;
  const chars =
    sets
      .slice(1)
      .flat()
      .reduce((sum, d) => sum + d.text.length, 0) /
    (n * ARTICLES);
  console.log(`answer: ${name}, ${ARTICLES} articles per question (mean ${Math.round(chars)} chars each), ${n} questions`);
  console.log(`answer: cold ${(cold / n).toFixed(2)} ms/question, warm (articles already prepared) ${(warm / n).toFixed(2)} ms/question, CPU time`);
}

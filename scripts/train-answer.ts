// Trains the linear re-ranker of src/engine/answer.ts on the even-numbered SQuAD articles and
// reports the held-out (odd-numbered) figures. Usage:
//   npx tsx scripts/train-answer.ts [path/to/squad-v1.1-dev-part1.json] [--write]
// With --write it rewrites src/engine/answer-model.json. The data itself never enters the repo.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAnswerIndex, DEFAULT_MODEL, type AnswerModel } from '../src/engine/answer.ts';
import { FEATURES } from '../src/engine/answer/features.ts';
import { analyzeQuestion } from '../src/engine/answer/question.ts';
import { candidateSpan, dot, scoreCandidates } from '../src/engine/answer/rank.ts';
import { isHeldOut, loadSquad, SQUAD_FILE, type SquadArticle } from '../src/eval/answers.eval.ts';

const MAX_CHARS = 300;
const L2 = 1e-3;
const STEPS = 300;
const KEEP = 60;
const RATE = 0.05;

/** The candidates of one question: features, and whether each one's span holds a gold answer. */
interface Group {
  features: number[][];
  labels: boolean[];
}

function groupsOf(articles: SquadArticle[]): Group[] {
  const groups: Group[] = [];
  for (const article of articles) {
    const index = createAnswerIndex([{ id: article.title, text: article.text }]);
    const doc = index.docs[0]!;
    for (const qa of article.questions) {
      const q = analyzeQuestion(qa.question);
      const scored = scoreCandidates(q, index.docs, index.collection, MAX_CHARS);
      const labels = scored.map(({ candidate }) => {
        const span = candidateSpan(doc, candidate, q, (t) => index.collection.idf(t), MAX_CHARS);
        return qa.answers.some((gold) => span.text.includes(gold));
      });
      // The top candidates by BM25 hold nearly every answer the ranker can find; keeping only
      // them bounds memory and time without changing what the model learns to tell apart.
      const keep = scored
        .map((s, i) => ({ i, bm25: s.features[1]! }))
        .sort((a, b) => b.bm25 - a.bm25 || a.i - b.i)
        .slice(0, KEEP);
      groups.push({ features: keep.map((k) => scored[k.i]!.features), labels: keep.map((k) => labels[k.i]!) });
    }
  }
  return groups;
}

/** Share (%) of questions whose top candidate holds a gold answer (questions with no candidate count as misses). */
function accuracy(groups: Group[], weights: readonly number[]): number {
  let hits = 0;
  for (const g of groups) {
    let best = -1;
    let bestScore = -Infinity;
    g.features.forEach((f, i) => {
      const s = dot(weights, f);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best >= 0 && g.labels[best]) hits++;
  }
  return (100 * hits) / groups.length;
}

/**
 * Listwise training: for each question, a softmax over its candidates, maximising the probability
 * mass on the candidates that hold the answer (Adam, L2). Questions with no such candidate teach
 * nothing and are skipped.
 */
function train(groups: Group[]): number[] {
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  const m = new Array<number>(n).fill(0);
  const v = new Array<number>(n).fill(0);
  const useful = groups.filter((g) => g.labels.some(Boolean) && !g.labels.every(Boolean));
  for (let step = 1; step <= STEPS; step++) {
    const grad = w.map((x) => L2 * x);
    let loss = 0;
    for (const g of useful) {
      const scores = g.features.map((f) => dot(w, f));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const zPos = exp.reduce((a, e, i) => a + (g.labels[i] ? e : 0), 0);
      loss += Math.log(z) - Math.log(zPos);
      // d/dw [log Z - log Zpos] = E_all[f] - E_pos[f]
      g.features.forEach((f, i) => {
        const coef = exp[i]! / z - (g.labels[i] ? exp[i]! / zPos : 0);
        for (let k = 0; k < n; k++) grad[k]! += (coef * f[k]!) / useful.length;
      });
    }
    for (let k = 0; k < n; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * grad[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * grad[k]! ** 2;
      const mh = m[k]! / (1 - 0.9 ** step);
      const vh = v[k]! / (1 - 0.999 ** step);
      w[k] = w[k]! - (RATE * mh) / (Math.sqrt(vh) + 1e-8);
    }
    if (step % 100 === 0) console.log(`step ${step} loss ${(loss / useful.length).toFixed(4)}`);
  }
  return w.map((x) => Math.round(x * 1e4) / 1e4);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? join('..', 'shared', 'eval', SQUAD_FILE);
  const articles = await loadSquad(path);
  const trainSet = groupsOf(articles.filter((_, i) => !isHeldOut(i)));
  const testSet = groupsOf(articles.filter((_, i) => isHeldOut(i)));
  const oracle = (gs: Group[]): number => (100 * gs.filter((g) => g.labels.some(Boolean)).length) / gs.length;
  console.log(`questions: train ${trainSet.length}, held-out ${testSet.length}`);
  console.log(`oracle (some candidate holds the answer): train ${oracle(trainSet).toFixed(1)}, held-out ${oracle(testSet).toFixed(1)}`);
  console.log(`current model: train ${accuracy(trainSet, DEFAULT_MODEL.weights).toFixed(1)}, held-out ${accuracy(testSet, DEFAULT_MODEL.weights).toFixed(1)}`);
  const weights = train(trainSet);
  console.log(`trained: train ${accuracy(trainSet, weights).toFixed(1)}, held-out ${accuracy(testSet, weights).toFixed(1)}`);
  console.log(Object.fromEntries(FEATURES.map((f, i) => [f, weights[i]])));
  if (args.includes('--write')) {
    const model: AnswerModel = { features: [...FEATURES], weights, minCoverage: DEFAULT_MODEL.minCoverage };
    await writeFile(new URL('../src/engine/answer-model.json', import.meta.url), `${JSON.stringify(model, null, 2)}\n`);
    console.log('wrote src/engine/answer-model.json');
  }
}

await main();

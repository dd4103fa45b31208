// Summary quality on CNN/DailyMail: ours vs Lead-3 on the same articles, ROUGE F1 in percent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { splitSentences } from '../engine/sentences.ts';
import { type SummaryModel, summarize } from '../engine/summary.ts';
import { rouge, type RougeResult } from './rouge.ts';
import type { EvalRow } from './types.ts';

export interface CnndmArticle {
  id: string;
  article: string;
  highlights: string[];
}

/** Reads cnndm/dev.jsonl.gz; null when the file is not there. */
export function loadCnndm(evalDir: string, limit = Infinity): CnndmArticle[] | null {
  const file = join(evalDir, 'cnndm', 'dev.jsonl.gz');
  if (!existsSync(file)) return null;
  const out: CnndmArticle[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (out.length >= limit) break;
    if (line.trim()) out.push(JSON.parse(line) as CnndmArticle);
  }
  return out;
}

/**
 * Held-out part for reporting: every fifth article (index % 5 === 4). scripts/train-summary.ts
 * never trains or tunes on these.
 */
export function isHeldOut(index: number): boolean {
  return index % 5 === 4;
}

export interface SummaryScores {
  ours: { r1: number; r2: number; rl: number };
  lead3: { r1: number; r2: number; rl: number };
  articles: number;
}

/** Mean ROUGE F1 (percent) of summarize() and of Lead-3 over the given articles. */
export function scoreSummaries(articles: readonly CnndmArticle[], model?: SummaryModel): SummaryScores {
  const ours = { r1: 0, r2: 0, rl: 0 };
  const lead3 = { r1: 0, r2: 0, rl: 0 };
  const add = (acc: { r1: number; r2: number; rl: number }, r: RougeResult) => {
    acc.r1 += r.rouge1.f1;
    acc.r2 += r.rouge2.f1;
    acc.rl += r.rougeLsum.f1;
  };
  for (const a of articles) {
    add(
      ours,
      rouge(
        summarize(a.article, {}, model).map((s) => s.text),
        a.highlights,
      ),
    );
    add(
      lead3,
      rouge(
        splitSentences(a.article)
          .slice(0, 3)
          .map((s) => s.text),
        a.highlights,
      ),
    );
  }
  const n = articles.length || 1;
  const pct = (acc: { r1: number; r2: number; rl: number }) => ({
    r1: (100 * acc.r1) / n,
    r2: (100 * acc.r2) / n,
    rl: (100 * acc.rl) / n,
  });
  return { ours: pct(ours), lead3: pct(lead3), articles: articles.length };
}

export async function run(evalDir: string): Promise<EvalRow[]> {
  const limit = Number(process.env.EVAL_LIMIT ?? '') || Infinity;
  const articles = loadCnndm(evalDir, limit);
  if (!articles || articles.length === 0) return [];
  const { ours, lead3 } = scoreSummaries(articles);
  const row = (metric: string, o: number, b: number, target: string): EvalRow => ({
    task: 'summaries',
    metric,
    ours: Math.round(o * 100) / 100,
    baseline: Math.round(b * 100) / 100,
    baselineName: 'Lead-3',
    target,
  });
  return [
    row('ROUGE-1 F1', ours.r1, lead3.r1, '>= Lead-3 + 1.0'),
    row('ROUGE-2 F1', ours.r2, lead3.r2, '>= Lead-3'),
    row('ROUGE-Lsum F1', ours.rl, lead3.rl, 'report'),
  ];
}

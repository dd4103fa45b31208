// ROUGE-1/2/Lsum as Google's rouge-score computes them (use_stemmer=True): lower-case, tokens are
// runs of [a-z0-9], tokens longer than 3 characters are Porter-stemmed, F1 = 2PR / (P + R).
// Lsum is the summary-level union LCS over the candidate's and the reference's sentences.
import { stem } from '../engine/text.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeResult {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

/** rouge-score's tokeniser: lower-case, [a-z0-9]+ tokens, stems for tokens longer than 3 characters. */
export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) tokens[i] = stem(tokens[i]!);
  return tokens;
}

function score(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? hits / candidateTotal : 0;
  const recall = referenceTotal > 0 ? hits / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between two token sequences (clipped n-gram overlap). */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let hits = 0;
  for (const [key, count] of c) hits += Math.min(count, r.get(key) ?? 0);
  return score(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Indices into `ref` of one longest common subsequence with `cand`, backtracked as rouge-score does. */
function lcsIndices(ref: readonly string[], cand: readonly string[]): number[] {
  const rows = ref.length + 1;
  const cols = cand.length + 1;
  const t = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      t[i * cols + j] = ref[i - 1] === cand[j - 1] ? t[(i - 1) * cols + j - 1]! + 1 : Math.max(t[(i - 1) * cols + j]!, t[i * cols + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = cand.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * cols + j - 1]! > t[(i - 1) * cols + j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** Summary-level ROUGE-L ("Lsum") between tokenised sentences of a candidate and a reference. */
export function rougeLsum(candidate: readonly string[][], reference: readonly string[][]): RougeScore {
  const m = reference.reduce((s, x) => s + x.length, 0);
  const n = candidate.reduce((s, x) => s + x.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, f1: 0 };
  const refCounts = new Map<string, number>();
  const candCounts = new Map<string, number>();
  for (const s of reference) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of candidate) for (const t of s) candCounts.set(t, (candCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const idx of lcsIndices(r, c)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const tok = r[idx]!;
      const cc = candCounts.get(tok) ?? 0;
      const rc = refCounts.get(tok) ?? 0;
      if (cc > 0 && rc > 0) {
        hits++;
        candCounts.set(tok, cc - 1);
        refCounts.set(tok, rc - 1);
      }
    }
  }
  return score(hits, n, m);
}

/** ROUGE-1, ROUGE-2 and ROUGE-Lsum of a summary (its sentences) against a reference (its sentences). */
export function rouge(candidateSentences: readonly string[], referenceSentences: readonly string[]): RougeResult {
  const cand = candidateSentences.map(rougeTokens).filter((s) => s.length > 0);
  const ref = referenceSentences.map(rougeTokens).filter((s) => s.length > 0);
  const candFlat = cand.flat();
  const refFlat = ref.flat();
  return {
    rouge1: rougeN(candFlat, refFlat, 1),
    rouge2: rougeN(candFlat, refFlat, 2),
    rougeLsum: rougeLsum(cand, ref),
  };
}

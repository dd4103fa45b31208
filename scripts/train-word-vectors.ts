// Trains the word vectors the answer ranker uses to match a question word that the article words
// differently ("aired" / "broadcast", "won" / "defeated"): PPMI over co-occurrence counts in news
// articles, reduced by a truncated SVD (Levy, Goldberg and Dagan 2015), on the answer ranker's own
// terms (content words, Porter stems after irregular forms), quantised to one byte a dimension.
// Usage:
//   npx tsx scripts/train-word-vectors.ts [path/to/cnndm/dev.jsonl.gz] [--write]
// It prints the nearest words of a few probes; with --write it rewrites
// src/engine/answer-vectors.json. The articles themselves never enter the repo.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { termOf } from '../src/engine/answer/tokens.ts';
import { isStopWord, tokenize } from '../src/engine/text.ts';

const OUT_FILE = new URL('../src/engine/answer-vectors.json', import.meta.url);
/** Words given a vector: the most frequent content stems (the file is about 1 MB at 12,000 x 64). */
const WORDS = 12_000;
/** Context words: the most frequent content stems, the columns of the PPMI matrix. */
const CONTEXTS = 5_000;
const WINDOW = 2;
const DIMS = 64;
const OVERSAMPLE = 16;
const POWER_STEPS = 3;
/** Context distribution smoothing: rare contexts get less inflated PMI. */
const ALPHA = 0.75;

function readArticles(path: string): string[][] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  return lines.filter((l) => l.trim()).map((line) => termsOf((JSON.parse(line) as { article: string }).article));
}

/** The ranker's terms of a text: content words with a letter, as stems. */
function termsOf(text: string): string[] {
  return tokenize(text)
    .filter((w) => !isStopWord(w) && /\p{L}/u.test(w) && w.length > 1)
    .map((w) => termOf(w));
}

function topTerms(docs: string[][], n: number): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, c]) => c >= 5)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/** Sparse rows (CSR) of the PPMI matrix, words x contexts. */
interface Csr {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  value: Float32Array;
}

function ppmi(docs: string[][], words: string[], contexts: string[]): Csr {
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const contextIndex = new Map(contexts.map((w, i) => [w, i]));
  const counts = new Float32Array(words.length * contexts.length);
  for (const doc of docs) {
    const w = doc.map((t) => wordIndex.get(t) ?? -1);
    const c = doc.map((t) => contextIndex.get(t) ?? -1);
    for (let i = 0; i < doc.length; i++) {
      if (w[i]! < 0) continue;
      const row = w[i]! * contexts.length;
      for (let j = Math.max(0, i - WINDOW); j <= Math.min(doc.length - 1, i + WINDOW); j++) {
        if (j !== i && c[j]! >= 0) counts[row + c[j]!]! += 1;
      }
    }
  }
  const rowSum = new Float64Array(words.length);
  const colSum = new Float64Array(contexts.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    for (let k = 0; k < contexts.length; k++) {
      const n = counts[r * contexts.length + k]!;
      rowSum[r]! += n;
      colSum[k]! += n;
      total += n;
    }
  }
  const colSmoothed = Float64Array.from(colSum, (n) => n ** ALPHA);
  const colTotal = colSmoothed.reduce((a, b) => a + b, 0);
  const start = new Int32Array(words.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < words.length; r++) {
    for (let k = 0; k < contexts.length; k++) {
      const n = counts[r * contexts.length + k]!;
      if (n === 0) continue;
      const pmi = Math.log(n / total / ((rowSum[r]! / total) * (colSmoothed[k]! / colTotal)));
      if (pmi > 0) {
        cols.push(k);
        values.push(pmi);
      }
    }
    start[r + 1] = cols.length;
  }
  return { rows: words.length, cols: contexts.length, start, col: Int32Array.from(cols), value: Float32Array.from(values) };
}

/** A (rows x cols) times a dense (cols x l) matrix, row-major. */
function times(a: Csr, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.start[r]!; p < a.start[r + 1]!; p++) {
      const v = a.value[p]!;
      const xRow = a.col[p]! * l;
      for (let j = 0; j < l; j++) out[r * l + j]! += v * x[xRow + j]!;
    }
  }
  return out;
}

/** A transposed (cols x rows) times a dense (rows x l) matrix. */
function timesTransposed(a: Csr, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.start[r]!; p < a.start[r + 1]!; p++) {
      const v = a.value[p]!;
      const outRow = a.col[p]! * l;
      for (let j = 0; j < l; j++) out[outRow + j]! += v * y[r * l + j]!;
    }
  }
  return out;
}

/** Orthonormalises the l columns of a (n x l) matrix in place (modified Gram-Schmidt). */
function orthonormalize(m: Float64Array, n: number, l: number): void {
  for (let j = 0; j < l; j++) {
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += m[i * l + j]! * m[i * l + k]!;
      for (let i = 0; i < n; i++) m[i * l + j]! -= d * m[i * l + k]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += m[i * l + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) m[i * l + j]! /= norm;
  }
}

/** Eigenvalues and eigenvectors (columns) of a symmetric (n x n) matrix, by cyclic Jacobi rotations. */
function symmetricEigen(s: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - sn * akq;
          a[k * n + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - sn * aqk;
          a[q * n + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => a[i * n + i]!), vectors: v };
}

/**
 * The top `k` left singular vectors of A, scaled by the square root of their singular values
 * (randomised SVD with power steps, Halko, Martinsson and Tropp 2011): one row per word.
 */
function truncatedSvd(a: Csr, k: number): Float64Array {
  const l = k + OVERSAMPLE;
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  const omega = Float64Array.from({ length: a.cols * l }, random);
  let y = times(a, omega, l);
  orthonormalize(y, a.rows, l);
  for (let step = 0; step < POWER_STEPS; step++) {
    const z = timesTransposed(a, y, l);
    orthonormalize(z, a.cols, l);
    y = times(a, z, l);
    orthonormalize(y, a.rows, l);
  }
  // B = Q^T A (l x cols); B B^T = V S^2 V^T; the left singular vectors of A are Q V.
  const bt = timesTransposed(a, y, l);
  const bbt = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    for (let j = i; j < l; j++) {
      let d = 0;
      for (let c = 0; c < a.cols; c++) d += bt[c * l + i]! * bt[c * l + j]!;
      bbt[i * l + j] = bbt[j * l + i] = d;
    }
  }
  const { values, vectors } = symmetricEigen(bbt, l);
  const order = values
    .map((value, i) => ({ value, i }))
    .sort((p, q) => q.value - p.value)
    .slice(0, k);
  const out = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    order.forEach(({ value, i }, d) => {
      let s = 0;
      for (let j = 0; j < l; j++) s += y[r * l + j]! * vectors[j * l + i]!;
      out[r * k + d] = s * Math.sqrt(Math.sqrt(Math.max(value, 0)));
    });
  }
  return out;
}

/** Each row scaled to unit length and stored as signed bytes (-127..127). */
function quantize(vectors: Float64Array, k: number): Int8Array {
  const out = new Int8Array(vectors.length);
  for (let r = 0; r < vectors.length / k; r++) {
    let max = 0;
    for (let d = 0; d < k; d++) max = Math.max(max, Math.abs(vectors[r * k + d]!));
    for (let d = 0; d < k; d++) out[r * k + d] = max > 0 ? Math.round((127 * vectors[r * k + d]!) / max) : 0;
  }
  return out;
}

function cosine(q: Int8Array, a: number, b: number, k: number): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < k; i++) {
    d += q[a * k + i]! * q[b * k + i]!;
    na += q[a * k + i]! ** 2;
    nb += q[b * k + i]! ** 2;
  }
  return d / Math.sqrt(na * nb || 1);
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? join('..', 'shared', 'eval', 'cnndm', 'dev.jsonl.gz');
  const docs = readArticles(path);
  console.log(`articles: ${docs.length}, terms: ${docs.reduce((n, d) => n + d.length, 0)}`);
  const words = topTerms(docs, WORDS);
  const contexts = words.slice(0, CONTEXTS);
  const matrix = ppmi(docs, words, contexts);
  console.log(`PPMI: ${words.length} x ${contexts.length}, ${matrix.value.length} positive cells`);
  const q = quantize(truncatedSvd(matrix, DIMS), DIMS);
  const index = new Map(words.map((w, i) => [w, i]));
  for (const probe of ['win', 'broadcast', 'air', 'perform', 'station', 'defeat', 'presid', 'kill', 'doctor', 'citi']) {
    const p = index.get(probe);
    if (p === undefined) continue;
    const near = words
      .map((w, i) => ({ w, c: cosine(q, p, i, DIMS) }))
      .filter((x) => x.w !== probe)
      .sort((x, y) => y.c - x.c)
      .slice(0, 8);
    console.log(`${probe}: ${near.map((x) => `${x.w} ${x.c.toFixed(2)}`).join(', ')}`);
  }
  if (args.includes('--write')) {
    const file = { dims: DIMS, words: words.join(' '), vectors: Buffer.from(q.buffer).toString('base64') };
    writeFileSync(OUT_FILE, `${JSON.stringify(file)}\n`);
    console.log('wrote src/engine/answer-vectors.json');
  }
}

main();

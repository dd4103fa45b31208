import file from '../answer-vectors.json' with { type: 'json' };

/**
 * Word vectors over the ranker's terms (stems), trained by scripts/train-word-vectors.ts on news
 * articles (PPMI + truncated SVD, one signed byte a dimension): they let "aired" count a little
 * towards "broadcast" and "won" towards "defeated", which share no stem.
 */
interface VectorTable {
  dims: number;
  index: Map<string, number>;
  values: Int8Array;
  /** Inverse length of each row, so a dot product is a cosine. */
  inverseNorm: Float32Array;
}

let table: VectorTable | undefined;

// Decoded on the first question, not at import: most uses of the engine never ask one.
function vectors(): VectorTable {
  if (table) return table;
  const words = file.words.split(' ');
  const bytes = Buffer.from(file.vectors, 'base64');
  const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const dims = file.dims;
  const inverseNorm = new Float32Array(words.length);
  for (let r = 0; r < words.length; r++) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += values[r * dims + d]! ** 2;
    inverseNorm[r] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
  table = { dims, index: new Map(words.map((w, i) => [w, i])), values, inverseNorm };
  return table;
}

/** Row of a term in the table, or -1 when it has no vector. */
export function vectorRow(term: string): number {
  return vectors().index.get(term) ?? -1;
}

/** Cosine of two rows of the table. */
export function rowCosine(a: number, b: number): number {
  const { dims, values, inverseNorm } = vectors();
  let dot = 0;
  const x = a * dims;
  const y = b * dims;
  for (let d = 0; d < dims; d++) dot += values[x + d]! * values[y + d]!;
  return dot * inverseNorm[a]! * inverseNorm[b]!;
}

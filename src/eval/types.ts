/** One row of the `npm run eval` table. */
export interface EvalRow {
  task: string;
  metric: string;
  ours: number;
  baseline?: number;
  baselineName?: string;
  /** What the issue asks for, e.g. ">= Lead-3 + 1.0". */
  target?: string;
}

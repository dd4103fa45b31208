import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalRow } from './types.ts';

// `npm run eval`: measures the embedded engine on the public data sets in ../shared/eval
// (EVAL_DIR overrides the folder) and prints one table. Each *.eval.ts measures one task.

const here = dirname(fileURLToPath(import.meta.url));

export function defaultEvalDir(): string {
  return resolve(process.env.EVAL_DIR ?? join(here, '..', '..', '..', 'shared', 'eval'));
}

export async function runEval(evalDir = defaultEvalDir()): Promise<number> {
  if (!existsSync(evalDir)) {
    console.log(
      `No evaluation data at ${evalDir}: nothing to measure. Set EVAL_DIR to the folder that holds cnndm/, timeml/, polnear/, squad/ and conll2003/.`,
    );
    return 0;
  }
  const files = readdirSync(here)
    .filter((file) => file.endsWith('.eval.ts'))
    .sort();
  const rows: EvalRow[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const module = (await import(join(here, file))) as { run: (dir: string) => Promise<EvalRow[]> };
    const started = performance.now();
    const result = await module.run(evalDir);
    if (result.length === 0) missing.push(file.replace('.eval.ts', ''));
    rows.push(...result);
    console.error(`${file}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(formatTable(rows));
  if (missing.length) console.log(`\nNo data for: ${missing.join(', ')} (looked in ${evalDir}).`);
  return 0;
}

export function formatTable(rows: EvalRow[]): string {
  const header = ['task', 'metric', 'newsdesk', 'baseline', 'target'];
  const body = rows.map((row) => [
    row.task,
    row.metric,
    row.ours.toFixed(2),
    row.baseline === undefined ? '' : `${row.baseline.toFixed(2)} (${row.baselineName ?? 'baseline'})`,
    row.target ?? '',
  ]);
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...body.map((line) => line[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runEval();
}

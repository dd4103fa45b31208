import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs every bench/*.bench.ts in turn (or only those named on the command line: `npm run bench -- engine`).
// Each prints its own figures; speed and memory are measured here, never asserted in tests.

const here = dirname(fileURLToPath(import.meta.url));
// Arguments starting with -- are options for the benchmarks themselves (`npm run bench -- retention --quick`).
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

console.log(`newsdesk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const started = performance.now();
  const module = (await import(join(here, file))) as { run: () => Promise<void> };
  await module.run();
  console.log(`(${file} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

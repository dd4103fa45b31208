import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isStale } from '../bin/build.mjs';
import { median } from './stats.ts';

// Start-up time of the `newsdesk` command as installed (bin/newsdesk.mjs on the compiled dist/):
// each command is spawned BENCH_RUNS times (default 11), the commands taking turns so that a change
// in the machine's load falls on all of them alike. Prints the median and fastest wall time, and the
// median CPU time (user + system) the child reports at exit. Target: `summarize file.txt` ≤ 0.5 s.
// BENCH_CLI_BASE=<another checkout, built> runs its commands too, alternating with these: before/after.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
// Reports the child's own CPU time on stderr at exit; one small module, loaded before the CLI.
const CPU_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us '+(u.user+u.system)+'\\n')})`;

/** A PolNeAR dev text (../shared/eval, read in place) when present, else a short article written for this bench. */
function articleFile(scratch: string): { file: string; what: string } {
  const dev = join(root, '..', 'shared', 'eval', 'polnear', 'dev', 'text');
  const first = existsSync(dev) ? readdirSync(dev).sort()[0] : undefined;
  if (first) return { file: join(dev, first), what: `PolNeAR dev ${first}` };
  const file = join(scratch, 'article.txt');
  const body = Array.from(
    { length: 12 },
    (_, index) =>
      `The Vellmar harbour board met for the ${index + 1}th time this year to discuss the ferry timetable, the board chair Ilse Marten said on Monday.`,
  );
  writeFileSync(file, `Harbour board sets ferry timetable\n\n${body.join(' ')}\n`);
  return { file, what: 'a 12-sentence article written for the bench' };
}

export async function run(): Promise<void> {
  if (isStale() && !build({ quiet: true })) throw new Error('dist/ could not be built (npm run build shows why)');
  const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-bench-cli-'));
  try {
    const article = articleFile(scratch);
    const jsonl = `${JSON.stringify({ id: 'a1', text: 'The Vellmar harbour board approved a new ferry timetable on Monday. Sailings start at six in the morning. "It is a good day," said board chair Ilse Marten.' })}\n`;
    const base = process.env.BENCH_CLI_BASE;
    const cli = (cwd: string, label: string): { name: string; cwd: string; args: string[]; input?: string }[] => [
      { name: `${label}newsdesk --help`, cwd, args: ['bin/newsdesk.mjs', '--help'] },
      { name: `${label}newsdesk summarize file.txt`, cwd, args: ['bin/newsdesk.mjs', 'summarize', article.file] },
      { name: `${label}newsdesk analyze (1 JSON line)`, cwd, args: ['bin/newsdesk.mjs', 'analyze'], input: jsonl },
    ];
    const commands = [
      { name: 'node -e "" (Node alone)', cwd: root, args: ['-e', ''] as string[], input: undefined as string | undefined },
      ...cli(root, ''),
      ...(base ? cli(base, '(base) ') : []),
    ];
    // No model and an empty data folder: the embedded engine, as on a fresh install.
    const env = { ...process.env, OPENAI_API_KEY: '', DATA_DIR: join(scratch, 'data'), LOG_LEVEL: 'silent' };
    const walls = commands.map(() => [] as number[]);
    const cpus = commands.map(() => [] as number[]);
    const load = loadavg()[0]!;
    for (let round = 0; round < RUNS + 1; round++) {
      commands.forEach((command, index) => {
        const started = performance.now();
        const result = spawnSync(process.execPath, ['--import', CPU_HOOK, ...command.args], { cwd: command.cwd, env, input: command.input, encoding: 'utf8' });
        const wall = (performance.now() - started) / 1000;
        if (result.status !== 0) throw new Error(`${command.name} failed (${result.status}): ${result.stderr}`);
        // The first round warms the file cache and is not counted.
        if (round === 0) return;
        walls[index]!.push(wall);
        const cpu = /cpu-us (\d+)/.exec(result.stderr)?.[1];
        if (cpu) cpus[index]!.push(Number(cpu) / 1e6);
      });
    }
    console.log(`${RUNS} runs each (after one warm-up), load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
    console.log(`summarize reads ${article.what}`);
    console.log('command | median wall s | fastest wall s | median CPU s');
    commands.forEach((command, index) => {
      console.log(
        `${command.name} | ${median(walls[index]!).toFixed(3)} | ${Math.min(...walls[index]!).toFixed(3)} | ${cpus[index]!.length ? median(cpus[index]!).toFixed(3) : '?'}`,
      );
    });
    const summarize = median(walls[2]!);
    console.log(`summarize: median ${summarize.toFixed(2)} s wall, target ≤ 0.5 s: ${summarize <= 0.5 ? 'met' : 'NOT met'} (at this load)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

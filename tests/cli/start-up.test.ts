import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What the compiled `newsdesk` command loads decides how fast it starts (`npm run bench -- cli` times
// it). These tests record every module a command loads, through a loader hook, and fail when a command
// loads what it does not use.

const run = promisify(execFile);
let dir: string;
let article: string;
let register: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-start-'));
  article = join(dir, 'article.txt');
  const sentence = 'The Vellmar harbour board approved the new ferry timetable on Monday after a long debate among its members.';
  writeFileSync(article, `Harbour board sets timetable\n\n${Array.from({ length: 6 }, () => sentence).join(' ')}\n`);
  writeFileSync(
    join(dir, 'hooks.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'export async function load(url, context, next) {',
      "  appendFileSync(process.env.MODULE_LOG, url + '\\n');",
      '  return next(url, context);',
      '}',
      '',
    ].join('\n'),
  );
  register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function modulesOf(args: string[], dataDir: string): Promise<{ stdout: string; modules: string[] }> {
  const log = join(dir, `modules-${args[0]}.txt`);
  writeFileSync(log, '');
  const env = { ...process.env, DATA_DIR: dataDir, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', OPENAI_API_KEY: '', LOG_LEVEL: 'error', MODULE_LOG: log };
  const { stdout } = await run(process.execPath, ['--import', register, 'bin/newsdesk.mjs', ...args], { env });
  return { stdout, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const packageOf = (url: string) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];

describe('the newsdesk command starts with only what the command needs', () => {
  it('summarize of a file with the embedded engine loads no store, logger, config parser, platform SDK or HTML parser, and opens nothing under DATA_DIR', async () => {
    const dataDir = join(dir, 'data');
    const { stdout, modules } = await modulesOf(['summarize', article], dataDir);
    expect(stdout).toContain('ferry timetable');
    const packages = new Set(modules.map(packageOf).filter(Boolean));
    for (const heavy of ['zod', 'pino', 'better-sqlite3', 'keyv', 'discord.js', '@slack/bolt', 'prom-client', 'openai', 'htmlparser2', 'iconv-lite']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    expect(modules.some((url) => url.includes('/dist/src/engine/'))).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('--help loads neither the engine nor any package', async () => {
    const { stdout, modules } = await modulesOf(['--help'], join(dir, 'data-help'));
    expect(stdout).toContain('newsdesk summarize');
    expect(modules.filter(packageOf)).toEqual([]);
    expect(modules.some((url) => url.includes('/dist/src/engine/'))).toBe(false);
  }, 60_000);
});

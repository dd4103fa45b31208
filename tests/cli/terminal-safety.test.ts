import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the newsdesk command line in a terminal', () => {
  it('prints neither ESC sequences nor bidi overrides from an article file or an unknown command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-term-'));
    dirs.push(dir);
    const file = join(dir, 'article.txt');
    const sentence =
      'The harbour board of Vellmar \u001b[2J\u001b]0;owned\u0007approved the new \u202Eyrref\u202C timetable on Monday after a long debate among its members.';
    writeFileSync(file, Array.from({ length: 6 }, () => sentence).join(' '));
    const env = { ...process.env, DATA_DIR: dir, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', OPENAI_API_KEY: '', LOG_LEVEL: 'error' };
    const summary = await run(process.execPath, ['bin/newsdesk.mjs', 'summarize', file], { env });
    expect(summary.stdout).toContain('approved the new yrref timetable');
    expect(summary.stdout).not.toMatch(UNSAFE);
    const unknown = await run(process.execPath, ['bin/newsdesk.mjs', 'bogus\u001b[31m\u202E'], { env }).catch(
      (error: { stderr: string; code: number }) => error,
    );
    expect('code' in unknown && unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command “bogus”');
    expect(unknown.stderr).not.toMatch(UNSAFE);
  }, 60_000);
});

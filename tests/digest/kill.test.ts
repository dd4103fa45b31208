import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { item, rss } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const NOW = '2026-11-26T12:00:00Z';
const child = join(import.meta.dirname, 'kill-child.ts');
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runChild(
  dataDir: string,
  outFile: string,
  blockOnPart: number,
): { untilBlocked: Promise<void>; exited: Promise<number | null>; kill(): void; output: () => string } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, outFile, String(blockOnPart), NOW], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let onBlocked: () => void = () => undefined;
  const untilBlocked = new Promise<void>((resolve) => (onBlocked = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('BLOCKED')) onBlocked();
  });
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { untilBlocked, exited, kill: () => proc.kill('SIGKILL'), output: () => output };
}

describe('a process killed mid-digest', () => {
  it('never posts a story twice, and the next process posts the rest', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-'));
    const feedFile = join(dir, 'feed.xml');
    writeFileSync(
      feedFile,
      rss(
        'Local',
        Array.from({ length: 6 }, (_, i) => item(i, new Date(Date.parse(NOW) - (i + 1) * 3_600_000).toISOString())),
      ),
    );
    const seed = testServices({ DATA_DIR: dir }, { clock: new ManualClock(NOW) });
    await addFeed(seed.services, { platform: 'console', tenantId: 'local', channelId: 'kill-test' }, feedFile);
    await seed.services.stores.close();
    const outFile = join(dir, 'posted.jsonl');

    const first = runChild(dir, outFile, 2);
    await Promise.race([first.untilBlocked, first.exited.then(() => Promise.reject(new Error(`child exited early:\n${first.output()}`)))]);
    first.kill();
    expect(await first.exited).toBeNull();

    const second = runChild(dir, outFile, 0);
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toMatch(/"status":"posted"/);

    const posted = existsSync(outFile)
      ? readFileSync(outFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { pid: number; stories: string[] })
      : [];
    const pids = [...new Set(posted.map((entry) => entry.pid))];
    expect(pids).toHaveLength(2);
    const ids = posted.flatMap((entry) => entry.stories);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  }, 60_000);
});

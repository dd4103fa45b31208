import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/open-sqlite.ts';
import { StorageError } from '../../src/store/storage-error.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-datadir-'));
  dirs.push(dir);
  return dir;
}

function openError(run: () => { db: Database.Database }): StorageError {
  try {
    run().db.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('the store opened');
}

/** What Node's fs throws for a mkdir the system refuses. */
function fsError(code: string, text: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${text}, mkdir '${path}'`), { code, syscall: 'mkdir', path });
}

const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('DATA_DIR that cannot be written', () => {
  it('names DATA_DIR on a read-only file system (EROFS) and when permission is denied (EACCES)', () => {
    const dir = join(tempDir(), 'data');
    for (const [code, text] of [
      ['EROFS', 'read-only file system'],
      ['EACCES', 'permission denied'],
    ] as const) {
      const error = openError(() =>
        openSqliteStore(dir, {
          mkdir: (path) => {
            throw fsError(code, text, path);
          },
        }),
      );
      expect(error.message).toMatch(new RegExp(`^DATA_DIR=${regexEscape(dir)} is not a folder newsdesk can write \\(${code}: ${text}`));
      expect(error.message).toContain('Set DATA_DIR to a writable folder');
    }
  });

  it('names DATA_DIR when SQLite can read the file but not write it', () => {
    const dir = tempDir();
    new Database(join(dir, 'newsdesk.sqlite')).close();
    // SQLite itself refuses the start-up write (SQLITE_READONLY), as on a read-only mount.
    const error = openError(() => openSqliteStore(dir, { open: (path) => new Database(path, { readonly: true }) }));
    expect(error.message).toMatch(new RegExp(`^DATA_DIR=${regexEscape(dir)} is not a folder newsdesk can write \\(attempt to write a readonly database\\)`));
  });

  it('names DATA_DIR when SQLite cannot open the file there (SQLITE_CANTOPEN: newsdesk.sqlite is a folder)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'newsdesk.sqlite'));
    const error = openError(() => openSqliteStore(dir));
    expect(error.message).toMatch(new RegExp(`^DATA_DIR=${regexEscape(dir)} is not a folder newsdesk can write \\(unable to open database file\\)`));
  });
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin.end();
  let stderr = '';
  proc.stdout.resume();
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stderr })));
}

describe('start-up with DATA_DIR being a file', () => {
  const root = join(import.meta.dirname, '../..');
  const cases: { name: string; args: string[]; env: Record<string, string> }[] = [
    {
      name: 'the bot on a platform',
      args: ['--import', 'tsx', join(root, 'src/main.ts')],
      env: { DISCORD_TOKEN: 'data-dir-test-token', DISCORD_APP_ID: '1100000000000000001', DISCORD_API_URL: 'http://127.0.0.1:9/api' },
    },
    { name: 'the terminal chat', args: ['--import', 'tsx', join(root, 'src/main.ts'), '--console'], env: {} },
    // summarize of a file or of standard input opens no store (the embedded engine needs none); digest does.
    { name: 'the command line', args: [join(root, 'bin/newsdesk.mjs'), 'digest', '--feed', join(root, 'demo/feed.xml')], env: {} },
  ];
  for (const entry of cases) {
    it(`${entry.name} exits 1 with one line naming DATA_DIR, no stack trace`, async () => {
      const file = join(tempDir(), 'not-a-folder');
      writeFileSync(file, 'notes\n');
      const result = await run(entry.args, { DATA_DIR: file, ...entry.env });
      expect(result.code, result.stderr).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^newsdesk: DATA_DIR=${regexEscape(file)} is not a folder newsdesk can write`));
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }, 30_000);
  }
});

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/store/index.ts';
import { StorageError } from '../../src/store/storage-error.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-faults-'));
  dirs.push(dir);
  return dir;
}

/** A real store file with enough rows to span several pages, closed cleanly (WAL checkpointed). */
async function filledStore(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const stores = createStores({ dataDir: dir });
  for (let i = 0; i < 300; i += 1) await stores.articles.set(`a${i}`, { id: `a${i}`, text: `Invented story number ${i} about the Larkfield ferry.`.repeat(4) });
  await stores.close();
  return { dir, file: join(dir, 'newsdesk.sqlite') };
}

function openError(dataDir: string): StorageError {
  try {
    const stores = createStores({ dataDir });
    void stores.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('the store opened');
}

describe('SQLite faults at start-up', () => {
  it('opens a healthy file again and keeps its data', async () => {
    const { dir } = await filledStore();
    const stores = createStores({ dataDir: dir });
    expect(await stores.articles.get('a7')).toMatchObject({ id: 'a7' });
    await stores.close();
  });

  it('stops with the file name and what to do when a page is scribbled over', async () => {
    const { dir, file } = await filledStore();
    const pageSize = 4096;
    const fd = openSync(file, 'r+');
    // A page in the middle of the file holds stored rows: nothing at open reads it except quick_check.
    const middlePage = Math.floor(statSync(file).size / pageSize / 2);
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, pageSize * middlePage);
    closeSync(fd);
    const error = openError(dir);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged.*Restore it from a backup, or move it aside/);
    expect(error.message).not.toContain('\n');
  });

  it('stops with the file name when the file is truncated', async () => {
    const { dir, file } = await filledStore();
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    const error = openError(dir);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged/);
  });

  it('stops with the file name when the file is not a database', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'newsdesk.sqlite'), 'these are my notes, not a database\n'.repeat(200));
    const error = openError(dir);
    expect(error.message).toContain(join(dir, 'newsdesk.sqlite'));
    expect(error.message).toMatch(/damaged/);
    // Nothing is written over the file the operator may want back.
    expect(readFileSync(join(dir, 'newsdesk.sqlite'), 'utf8')).toMatch(/^these are my notes/);
  });

  it('names DATA_DIR and its value when DATA_DIR is a regular file', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const error = openError(file);
    expect(error.message).toContain(`DATA_DIR=${file}`);
  });

  it('names DATA_DIR when it lies under a regular file', () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const error = openError(join(file, 'data'));
    expect(error.message).toContain(`DATA_DIR=${join(file, 'data')}`);
  });
});

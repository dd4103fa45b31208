import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { feedDigest } from '../../src/cli-digest.ts';
import { readLocalText } from '../../src/local-file.ts';
import { testServices } from '../helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-local-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('local files read by the CLI', () => {
  it('reads a small file, dropping a byte-order mark', async () => {
    const path = tempFile('note.txt', '\uFEFFThe ferry left at noon.');
    expect(await readLocalText(path, Readable.from([]))).toBe('The ferry left at noon.');
  });

  it('refuses a file over the cap with a clear message', async () => {
    const path = tempFile('big.txt', Buffer.alloc(2_048, 'a'));
    await expect(readLocalText(path, Readable.from([]), 1_024)).rejects.toThrow(/^The file .*big\.txt is too large \(more than [\d.]+ MB\)/);
  });

  it('stops reading standard input at the cap', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.alloc(1_000, 'b');
        }
      })(),
    );
    await expect(readLocalText('-', endless, 10_000)).rejects.toThrow(/^Standard input is too large/);
    expect(pulled).toBeLessThanOrEqual(11);
  });

  it('says a missing file cannot be read', async () => {
    await expect(readLocalText('/no/such/newsdesk-file.txt', Readable.from([]))).rejects.toThrow("I can't read the file /no/such/newsdesk-file.txt.");
  });

  it('refuses a feed file over 5 MB in digest --feed before reading it', async () => {
    const test = testServices();
    try {
      const path = tempFile('huge.xml', Buffer.alloc(5 * 1024 * 1024 + 1, ' '));
      await expect(feedDigest(test.services, path)).rejects.toThrow(/too large \(more than 5 MB\)/);
    } finally {
      await test.cleanup();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores, type StoreOptions } from '../../src/store/index.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
  dirs.push(dir);
  return dir;
}

const backends: [string, () => StoreOptions][] = [
  ['a SQLite file', () => ({ dataDir: tempDir() })],
  ['Redis', () => ({ dataDir: '', redisUrl: 'redis://127.0.0.1:6379', redisPrefix: `newsdesk-test-${randomUUID()}` })],
];

describe.each(backends)('stores on %s', (_name, options) => {
  it('keeps each namespace apart: clearing one leaves the others', async () => {
    const stores = createStores(options());
    try {
      await stores.articles.set('x', { id: 'x', text: 'kept' });
      await stores.threads.set('x', ['x']);
      await stores.threads.clear();
      expect(await stores.threads.get('x')).toBeUndefined();
      expect(await stores.articles.get('x')).toEqual({ id: 'x', text: 'kept' });
      await stores.articles.clear();
    } finally {
      await stores.close();
    }
  });

  it('lists a namespace’s entries and expires entries with a time to live', async () => {
    const stores = createStores(options());
    try {
      await stores.feeds.set('f1', { url: 'https://a.example/feed' });
      await stores.feeds.set('f2', { url: 'https://b.example/feed' });
      await stores.schedules.set('s1', { cron: '0 8 * * *' });
      await stores.events.set('e1', true, 1);
      const keys: string[] = [];
      for await (const [key] of stores.feeds.iterator!(undefined)) keys.push(String(key));
      expect(keys.sort()).toEqual(['f1', 'f2']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await stores.events.get('e1')).toBeUndefined();
      await Promise.all([stores.feeds.clear(), stores.schedules.clear()]);
    } finally {
      await stores.close();
    }
  });
});

describe('the SQLite file', () => {
  it('survives a restart', async () => {
    const dataDir = tempDir();
    const first = createStores({ dataDir });
    await first.analyses.set('hash:embedded', { summary: ['kept across restarts'] });
    await first.close();
    const second = createStores({ dataDir });
    expect(await second.analyses.get('hash:embedded')).toEqual({ summary: ['kept across restarts'] });
    await second.close();
  });
});

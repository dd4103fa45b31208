import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleLibrary } from '../../src/core/library.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { sweep } from '../../src/store/retention.ts';

const DAY = 24 * 60 * 60_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
let now = T0;
let dir: string;
let stores: Stores;

beforeEach(() => {
  now = T0;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-retention-'));
  stores = createStores({ dataDir: dir });
});
afterEach(async () => {
  await stores.close();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const article = (id: string) => ({ id, text: `Article ${id}: the harbour board met on Monday.`, title: `Title ${id}` });
const channel = { platform: 'discord' as const, tenantId: 'g1', channelId: 'c1' };
const rowCount = (namespace: string) =>
  stores.sqlite!.prepare('SELECT count(*) FROM keyv WHERE key >= ? AND key < ?').pluck().get(`${namespace}:`, `${namespace};`) as number;

describe('the retention sweep on a SQLite file', () => {
  it('deletes expired keyv entries, which keyv itself only drops when they are read', async () => {
    await stores.events.set('Ev1', true, 2 * 60 * 60_000);
    await stores.events.set('Ev2', true, 10 * DAY);
    await stores.feeds.set('f1', { title: 'kept: no TTL' });
    now += 3 * 60 * 60_000;
    const report = sweep(stores.sqlite!, { now, retentionDays: 30 });
    expect(report.expired).toBe(1);
    expect(rowCount('events')).toBe(1);
    expect(await stores.events.get('Ev2')).toBe(true);
    expect(await stores.feeds.get('f1')).toEqual({ title: 'kept: no TTL' });
  });

  it('deletes old articles, analyses and threads no channel needs, and keeps those a kept thread or a recent list names', async () => {
    const library = new ArticleLibrary(stores.articles, stores.recent, stores.threads);
    for (const id of ['old-lone', 'old-in-thread', 'old-in-recent', 'old-in-old-thread']) await library.save(article(id));
    await stores.analyses.set('hash-old', { summary: [] });
    await library.linkThread('discord', 'thread-old', ['old-in-old-thread']);
    now += 20 * DAY;
    await library.linkThread('discord', 'thread-new', ['old-in-thread']);
    await library.addRecent(channel, ['old-in-recent']);
    now += 15 * DAY;
    await library.save(article('new'));
    await stores.analyses.set('hash-new', { summary: [] });

    const report = sweep(stores.sqlite!, { now, retentionDays: 30 });
    expect(report).toMatchObject({ threads: 1, analyses: 1, articles: 2 });
    expect(await library.get('old-lone')).toBeUndefined();
    expect(await library.get('old-in-old-thread')).toBeUndefined();
    expect(await library.threadArticles('discord', 'thread-old')).toBeUndefined();
    expect((await library.threadArticles('discord', 'thread-new'))?.map((a) => a.id)).toEqual(['old-in-thread']);
    expect((await library.listRecent(channel)).map((a) => a.id)).toEqual(['old-in-recent']);
    expect(await library.get('new')).toBeDefined();
    expect(await stores.analyses.get('hash-old')).toBeUndefined();
    expect(await stores.analyses.get('hash-new')).toBeDefined();
    // A second sweep finds nothing more to do.
    expect(sweep(stores.sqlite!, { now, retentionDays: 30 })).toMatchObject({ expired: 0, threads: 0, analyses: 0, articles: 0 });
  });

  it('deletes a spent delivery ledger, and keeps one with a part still sending or a recent digest', async () => {
    const ledger = new DeliveryLedger(stores.deliveries);
    const spent = { ...channel, channelId: 'spent' };
    const sending = { ...channel, channelId: 'sending' };
    const active = { ...channel, channelId: 'active' };
    await ledger.markSending(spent, {
      key: 'k1',
      storyIds: ['s1'],
      message: { kind: 'text', text: 'x' },
      thread: { title: 'x', articleIds: [] },
      at: new Date(now).toISOString(),
    });
    await ledger.markSent(spent, 'k1', ['s1'], new Date(now));
    await ledger.markSending(sending, {
      key: 'k2',
      storyIds: ['s2'],
      message: { kind: 'text', text: 'x' },
      thread: { title: 'x', articleIds: [] },
      at: new Date(now).toISOString(),
    });
    now += 40 * DAY;
    await ledger.markSending(active, {
      key: 'k3',
      storyIds: ['s3'],
      message: { kind: 'text', text: 'x' },
      thread: { title: 'x', articleIds: [] },
      at: new Date(now).toISOString(),
    });
    await ledger.markSent(active, 'k3', ['s3'], new Date(now));
    const report = sweep(stores.sqlite!, { now, retentionDays: 30 });
    expect(report.ledgers).toBe(1);
    expect(await ledger.lastDigestAt(spent)).toBeUndefined();
    expect((await ledger.pending(sending)).map((part) => part.key)).toEqual(['k2']);
    expect(await ledger.delivered(active)).toEqual(new Set(['s3']));
  });

  it('deletes story records not written for RETENTION_DAYS, and leaves the look-up indexes to their TTL', async () => {
    await stores.stories.set('s:old', { id: 'old', members: [] });
    await stores.stories.set('fs:feed1', []);
    now += 31 * DAY;
    await stores.stories.set('s:new', { id: 'new', members: [] });
    expect(sweep(stores.sqlite!, { now, retentionDays: 30 }).stories).toBe(1);
    expect(await stores.stories.get('s:old')).toBeUndefined();
    expect(await stores.stories.get('s:new')).toBeDefined();
    expect(await stores.stories.get('fs:feed1')).toEqual([]);
  });

  it('upgrades a file written before the sweep existed: its rows age from the upgrade, TTLs read from the values', async () => {
    await stores.close();
    const old = join(dir, 'old');
    mkdirSync(old);
    const db = new Database(join(old, 'newsdesk.sqlite'));
    db.exec('CREATE TABLE keyv (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)').run('articles:a1', JSON.stringify({ value: article('a1') }));
    db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)').run('events:e1', JSON.stringify({ value: true, expires: now - 1 }));
    db.close();
    stores = createStores({ dataDir: old });
    expect(await stores.articles.get('a1')).toMatchObject({ id: 'a1' });
    expect(sweep(stores.sqlite!, { now, retentionDays: 30 })).toMatchObject({ expired: 1, articles: 0 });
    now += 31 * DAY;
    expect(sweep(stores.sqlite!, { now, retentionDays: 30 }).articles).toBe(1);
  });
});

import type Database from 'better-sqlite3';

/**
 * The retention sweep (SQLite): what no channel needs any more is deleted, so the file stops growing
 * once RETENTION_DAYS of news are kept.
 * - every keyv entry past its TTL (story look-up indexes after 49 h, story records, seen items,
 *   Slack event ids…): keyv only drops an expired entry when it happens to be read;
 * - threads and cached analyses not written for RETENTION_DAYS (an analysis is recomputed if asked for);
 * - articles not written for RETENTION_DAYS, unless a kept thread or a channel's recent list names them;
 * - story records not written for RETENTION_DAYS;
 * - a channel's delivery ledger that is spent: nothing pending, no story delivered and no digest within
 *   RETENTION_DAYS (deleted only if nobody wrote it meanwhile).
 * Each delete re-checks its condition in the same statement, so a row written during the sweep stays.
 */

export interface SweepReport {
  expired: number;
  threads: number;
  analyses: number;
  articles: number;
  stories: number;
  ledgers: number;
  /** Bytes of the database in use after the sweep (pages minus free pages). */
  liveBytes: number;
}

const DAY_MS = 24 * 60 * 60_000;

/** `key >= 'ns:' AND key < 'ns;'`: the namespace's rows, found through the primary key (LIKE would scan). */
function range(namespace: string): [string, string] {
  return [`${namespace}:`, `${namespace};`];
}

export function sweep(db: Database.Database, options: { now: number; retentionDays: number; batch?: number }): SweepReport {
  const cutoff = options.now - options.retentionDays * DAY_MS;
  const report: SweepReport = { expired: 0, threads: 0, analyses: 0, articles: 0, stories: 0, ledgers: 0, liveBytes: 0 };
  // In batches, so a large first sweep never holds the write lock for long.
  const batch = options.batch ?? 5_000;
  const expired = db.prepare('DELETE FROM keyv WHERE rowid IN (SELECT rowid FROM keyv WHERE expires IS NOT NULL AND expires < ? LIMIT ?)');
  for (let deleted = batch; deleted === batch; ) {
    deleted = expired.run(options.now, batch).changes;
    report.expired += deleted;
  }
  const stale = (namespace: string, prefix = '') => {
    const [from, to] = range(namespace);
    const statement = db.prepare(`DELETE FROM keyv WHERE rowid IN (SELECT rowid FROM keyv WHERE key >= ? AND key < ? AND touched < ? LIMIT ?)`);
    let total = 0;
    for (let deleted = batch; deleted === batch; ) {
      deleted = statement.run(from + prefix, prefix ? `${from}${prefix.slice(0, -1)};` : to, cutoff, batch).changes;
      total += deleted;
    }
    return total;
  };
  report.threads = stale('threads');
  report.analyses = stale('analyses');
  report.stories = stale('stories', 's:');
  report.articles = sweepArticles(db, cutoff);
  report.ledgers = sweepLedgers(db, cutoff);
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  report.liveBytes = (pages - free) * (db.pragma('page_size', { simple: true }) as number);
  return report;
}

function idsIn(db: Database.Database, namespace: string): Set<string> {
  const [from, to] = range(namespace);
  const ids = new Set<string>();
  for (const row of db.prepare('SELECT value FROM keyv WHERE key >= ? AND key < ?').iterate(from, to) as Iterable<{ value: string }>) {
    const value = (JSON.parse(row.value) as { value?: unknown }).value;
    if (Array.isArray(value)) for (const id of value) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

function sweepArticles(db: Database.Database, cutoff: number): number {
  // What a person can still reach: a thread's articles (questions in it) and a channel's recent list ("/summary 2").
  const needed = new Set([...idsIn(db, 'threads'), ...idsIn(db, 'recent')]);
  const [from, to] = range('articles');
  const old = db.prepare('SELECT key FROM keyv WHERE key >= ? AND key < ? AND touched < ?').pluck().all(from, to, cutoff) as string[];
  const remove = db.prepare('DELETE FROM keyv WHERE key = ? AND touched < ?');
  let deleted = 0;
  db.transaction(() => {
    for (const key of old) if (!needed.has(key.slice(from.length))) deleted += remove.run(key, cutoff).changes;
  })();
  return deleted;
}

interface LedgerValue {
  stories?: Record<string, string>;
  lastDigestAt?: string;
  pending?: unknown[];
}

function sweepLedgers(db: Database.Database, cutoff: number): number {
  const [from, to] = range('deliveries');
  const rows = db.prepare('SELECT key, value, touched FROM keyv WHERE key >= ? AND key < ? AND touched < ?').all(`${from}d:`, to, cutoff) as {
    key: string;
    value: string;
    touched: number;
  }[];
  const remove = db.prepare('DELETE FROM keyv WHERE key = ? AND touched = ?');
  let deleted = 0;
  for (const row of rows) {
    const entry = (JSON.parse(row.value) as { value?: LedgerValue }).value ?? {};
    const recent = (when: string | undefined) => when !== undefined && Date.parse(when) >= cutoff;
    if ((entry.pending ?? []).length > 0 || recent(entry.lastDigestAt) || Object.values(entry.stories ?? {}).some(recent)) continue;
    deleted += remove.run(row.key, row.touched).changes;
  }
  return deleted;
}

import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { KeyvStoreAdapter, StoredData } from 'keyv';

type Row = { key: string; value: string };

/**
 * A keyv store on one SQLite file (better-sqlite3, synchronous and embedded: nothing to run).
 * Each Keyv gets its own adapter instance, so `clear()` only ever removes its own namespace's keys;
 * the instances share one database handle.
 */
export class SqliteStore extends EventEmitter implements KeyvStoreAdapter {
  // keyv reads `opts.dialect` / `opts.url` to decide whether the store can be iterated.
  readonly opts: { dialect: 'sqlite'; url: string };
  namespace?: string;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(db: Database.Database, file: string) {
    super();
    this.db = db;
    this.opts = { dialect: 'sqlite', url: `sqlite://${file}` };
    this.statements = prepare(db);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = this.statements.get.get(key) as Row | undefined;
    return row?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return keys.map((key) => (this.statements.get.get(key) as Row | undefined)?.value as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown): Promise<boolean> {
    const text = String(value);
    this.statements.set.run(key, text, Date.now(), expiresOf(text));
    return true;
  }

  /** One transaction for all the entries: one commit instead of one per key. */
  async setMany(entries: Array<{ key: string; value: unknown }>): Promise<void> {
    this.db.transaction(() => {
      const now = Date.now();
      for (const entry of entries) {
        const text = String(entry.value);
        this.statements.set.run(entry.key, text, now, expiresOf(text));
      }
    })();
  }

  async delete(key: string): Promise<boolean> {
    return this.statements.delete.run(key).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let deleted = false;
    this.db.transaction(() => {
      for (const key of keys) deleted = this.statements.delete.run(key).changes > 0 || deleted;
    })();
    return deleted;
  }

  async has(key: string): Promise<boolean> {
    return this.statements.get.get(key) !== undefined;
  }

  async clear(): Promise<void> {
    if (this.namespace) this.statements.clearPrefix.run(`${escapeLike(this.namespace)}:%`);
    else this.statements.clearAll.run();
  }

  async *iterator<Value>(namespace?: string): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const rows = (namespace ? this.statements.listPrefix.all(`${escapeLike(namespace)}:%`) : this.statements.listAll.all()) as Row[];
    for (const row of rows) yield [row.key, row.value as Awaited<Value>];
  }

  async disconnect(): Promise<void> {
    // The handle is shared between namespaces; closeStores() closes it once.
  }
}

/**
 * keyv serialises `{"value":…,"expires":<ms>}` with `expires` last: read from the tail, so a large
 * value is not parsed again. The column lets the retention sweep delete expired rows by index.
 */
export function expiresOf(serialized: string): number | null {
  const match = /"expires":(\d+)\}$/.exec(serialized.slice(-40));
  return match ? Number(match[1]) : null;
}

/**
 * The table, and two columns the retention sweep reads: `touched` (ms, last write) and `expires`
 * (ms, keyv's TTL). A file from before they existed gets them, its rows counted as written now.
 */
export function ensureSchema(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS keyv (key TEXT PRIMARY KEY, value TEXT NOT NULL, touched INTEGER, expires INTEGER)');
  const columns = new Set((db.pragma('table_info(keyv)') as { name: string }[]).map((column) => column.name));
  if (!columns.has('touched')) {
    db.transaction(() => {
      db.exec('ALTER TABLE keyv ADD COLUMN touched INTEGER');
      db.exec('ALTER TABLE keyv ADD COLUMN expires INTEGER');
      db.prepare('UPDATE keyv SET touched = ?').run(Date.now());
      const rows = db.prepare('SELECT key, value FROM keyv WHERE value LIKE \'%"expires":%\'').all() as Row[];
      const update = db.prepare('UPDATE keyv SET expires = ? WHERE key = ?');
      for (const row of rows) update.run(expiresOf(row.value), row.key);
    })();
  }
  db.exec('CREATE INDEX IF NOT EXISTS keyv_expires ON keyv (expires) WHERE expires IS NOT NULL');
}

function prepare(db: Database.Database) {
  ensureSchema(db);
  return {
    get: db.prepare('SELECT key, value FROM keyv WHERE key = ?'),
    set: db.prepare(
      'INSERT INTO keyv (key, value, touched, expires) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, touched = excluded.touched, expires = excluded.expires',
    ),
    delete: db.prepare('DELETE FROM keyv WHERE key = ?'),
    clearPrefix: db.prepare("DELETE FROM keyv WHERE key LIKE ? ESCAPE '\\'"),
    clearAll: db.prepare('DELETE FROM keyv'),
    listPrefix: db.prepare("SELECT key, value FROM keyv WHERE key LIKE ? ESCAPE '\\' ORDER BY key"),
    listAll: db.prepare('SELECT key, value FROM keyv ORDER BY key'),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  // WAL lets a second process read while one writes, and survives a crash mid-write.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

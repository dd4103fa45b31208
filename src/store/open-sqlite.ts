import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './sqlite-store.ts';
import { StorageError } from './storage-error.ts';

const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);
const UNWRITABLE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_PERM',
  'SQLITE_IOERR_WRITE',
]);

/**
 * How the folder is made and the file opened; tests inject what a read-only file system or a folder
 * without permission does (as root, chmod refuses nothing).
 */
export interface SqliteIo {
  mkdir?: (path: string, options: { recursive: true }) => unknown;
  open?: (file: string) => Database.Database;
}

/**
 * Opens DATA_DIR/newsdesk.sqlite and checks it (`PRAGMA quick_check`) before anything uses it, so a
 * damaged file stops start-up with a message saying what to do, instead of every command apologising.
 */
export function openSqliteStore(dataDir: string, io: SqliteIo = {}): { db: Database.Database; file: string } {
  const file = join(dataDir, 'newsdesk.sqlite');
  try {
    (io.mkdir ?? mkdirSync)(dataDir, { recursive: true });
  } catch (error) {
    throw unwritable(dataDir, error);
  }
  let db: Database.Database | undefined;
  try {
    db = (io.open ?? openDatabase)(file);
    const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(file, problems.slice(0, 3).join('; '));
    // quick_check only reads: a write proves the folder and the file can be written (as root, only
    // a read-only file system refuses).
    db.exec('CREATE TABLE IF NOT EXISTS newsdesk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.prepare("INSERT INTO newsdesk_meta (key, value) VALUES ('opened', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      new Date().toISOString(),
    );
    return { db, file };
  } catch (error) {
    db?.close();
    if (error instanceof StorageError) throw error;
    const code = codeOf(error);
    if (DAMAGED_CODES.has(code) || code.startsWith('SQLITE_CORRUPT')) throw damaged(file, messageOf(error), error);
    if (UNWRITABLE_CODES.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
      throw unwritable(dataDir, error);
    }
    throw new StorageError(`Cannot open the database file ${file} (${oneLine(messageOf(error))}).`, { cause: error });
  }
}

function damaged(file: string, detail: string, cause?: unknown): StorageError {
  return new StorageError(
    `The database file ${file} is damaged (${oneLine(detail)}). Restore it from a backup, or move it aside ` +
      `(with its -wal and -shm files) to start with an empty store.`,
    { cause },
  );
}

function unwritable(dataDir: string, cause: unknown): StorageError {
  return new StorageError(
    `DATA_DIR=${dataDir} is not a folder newsdesk can write (${oneLine(messageOf(cause))}). ` + 'Set DATA_DIR to a writable folder, or fix its permissions.',
    { cause },
  );
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** quick_check reports several lines; the operator gets one, cut to a readable length. */
function oneLine(text: string): string {
  const flat = text
    .replace(/\*\*\*[^*]*\*\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

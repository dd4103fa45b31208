import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import type Database from 'better-sqlite3';
import { openSqliteStore } from './open-sqlite.ts';
import { SqliteStore } from './sqlite-store.ts';

/** Every storage concern, each its own keyv namespace with its own store instance. */
export const NAMESPACES = [
  'analyses', // content hash + engine version -> Analysis
  'articles', // article id -> Article
  'threads', // platform:thread id -> article ids behind a digest or a summary
  'recent', // platform:channel id -> recent article ids posted there (for "/summary 2", /ask)
  'feeds', // feed subscriptions and their health
  'schedules', // per-channel digest schedules and settings
  'seen', // feed item fingerprints already known
  'deliveries', // what each channel has received
  'stories', // story groups
  'usage', // model token usage per tenant and month
  'locks', // run coordination between processes
  'events', // platform event ids already handled (Slack retries)
] as const;

export type Namespace = (typeof NAMESPACES)[number];
export type Stores = Record<Namespace, Keyv> & { close(): Promise<void>; kind: 'sqlite' | 'redis' };

export interface StoreOptions {
  /** Folder of the SQLite file (default mode). */
  dataDir: string;
  /** When set, every namespace lives in Redis instead (several processes share it). */
  redisUrl?: string;
  /** Prefix for Redis keys, so tests and deployments can share one server. */
  redisPrefix?: string;
}

export function createStores(options: StoreOptions): Stores {
  if (options.redisUrl) return createRedisStores(options.redisUrl, options.redisPrefix ?? 'newsdesk');
  const { db, file } = openSqliteStore(options.dataDir);
  return build((namespace) => new Keyv({ store: new SqliteStore(db, file), namespace, throwOnErrors: true }), 'sqlite', db);
}

function createRedisStores(url: string, prefix: string): Stores {
  return build(
    (namespace) =>
      // KeyvRedis prefixes keys with the namespace itself, so keyv must not do it a second time.
      new Keyv({ store: new KeyvRedis(url), namespace: `${prefix}:${namespace}`, useKeyPrefix: false, throwOnErrors: true }),
    'redis',
  );
}

function build(make: (namespace: Namespace) => Keyv, kind: Stores['kind'], db?: Database.Database): Stores {
  const stores = {} as Record<Namespace, Keyv>;
  for (const namespace of NAMESPACES) {
    stores[namespace] = make(namespace);
    // Errors are thrown to the caller (throwOnErrors); this listener only keeps the emitter from crashing.
    stores[namespace].on('error', () => undefined);
  }
  return Object.assign(stores, {
    kind,
    async close() {
      await Promise.allSettled(NAMESPACES.map((namespace) => stores[namespace].disconnect()));
      db?.close();
    },
  });
}

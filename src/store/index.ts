import Keyv from 'keyv';
import type KeyvRedis from '@keyv/redis';
import type { RedisClientType } from '@keyv/redis';
import { createRequire } from 'node:module';
import type { Logger } from '../core/logger.ts';
import { RedisHealth, redactUrl } from './redis-health.ts';
import { withTimeout } from './redis-timeout.ts';
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
  'features', // follows, alerts, live-mode state and their cursors (src/features)
  'installations', // Slack workspaces that installed the app through OAuth (tokens), and their channels
] as const;

export type Namespace = (typeof NAMESPACES)[number];
export type Stores = Record<Namespace, Keyv> & {
  close(): Promise<void>;
  kind: 'sqlite' | 'redis';
  /** Redis only: whether every connection is up, and the store epoch check. */
  health?: RedisHealth;
  /** SQLite only: the database handle, for the retention sweep. */
  sqlite?: Database.Database;
};

export interface StoreOptions {
  /** Folder of the SQLite file (default mode). */
  dataDir: string;
  /** When set, every namespace lives in Redis instead (several processes share it). */
  redisUrl?: string;
  /** Prefix for Redis keys, so tests and deployments can share one server. */
  redisPrefix?: string;
  /** Where Redis outages, recoveries and a lost store are logged. */
  logger?: Logger;
}

/** Opens the stores; a damaged SQLite file or an unwritable DATA_DIR throws a StorageError. */
export function createStores(options: StoreOptions): Stores {
  if (options.redisUrl) return createRedisStores(options.redisUrl, options.redisPrefix ?? 'newsdesk', options.logger);
  const { db, file } = openSqliteStore(options.dataDir);
  return build((namespace) => new Keyv({ store: new SqliteStore(db, file), namespace, throwOnErrors: true }), 'sqlite', db);
}

type RedisModule = typeof import('@keyv/redis');
let redisModule: RedisModule | undefined;

/** @keyv/redis (and node-redis) load only when REDIS_URL is set: a SQLite start and every CLI command skip them. */
function loadRedis(): RedisModule {
  return (redisModule ??= createRequire(import.meta.url)('@keyv/redis') as RedisModule);
}

function createRedisStores(url: string, prefix: string, logger: Logger | undefined): Stores {
  const { createClient } = loadRedis();
  const ReadyKeyvRedis = readyKeyvRedis();
  const health = new RedisHealth(`${prefix}:meta:epoch`, redactUrl(url), logger);
  const adapter = (namespace: string): KeyvRedis<unknown> => {
    const client = createClient({
      url,
      // Offline, a command fails at once instead of waiting in node-redis's queue for the whole outage;
      // the dispatcher turns that into "storage is unavailable right now".
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    });
    health.watch(client as unknown as RedisClientType);
    // connectionTimeout bounds the first connection (KeyvRedis connects on first use).
    const redis = new ReadyKeyvRedis(client as RedisClientType, { connectionTimeout: 2500, throwOnConnectError: true, throwOnErrors: true });
    redis.waitForReady = () => health.available;
    return withTimeout(redis, 2500, (method) => {
      health.timedOut(`${namespace}.${method}`);
      void redis.disconnect(true).catch(() => undefined);
    });
  };
  const meta = adapter('meta');
  const stores = build(
    (namespace) =>
      // KeyvRedis prefixes keys with the namespace itself, so keyv must not do it a second time.
      new Keyv({ store: adapter(namespace), namespace: `${prefix}:${namespace}`, useKeyPrefix: false, throwOnErrors: true }),
    'redis',
    undefined,
    () => meta.disconnect(),
  );
  // The epoch check at start: a store that lost its data while this process was away is caught at
  // the first reconnect; one lost before start is logged here as a new store (nothing to compare with).
  void meta
    .getClient()
    .then((client) => health.checkEpoch(client as unknown as RedisClientType))
    .catch((error: unknown) => logger?.warn({ err: error }, 'could not check the store epoch on Redis'));
  return Object.assign(stores, { health });
}

/**
 * KeyvRedis hands out a client that is still connecting when another call started the connection;
 * with the offline queue off, a command on it would fail. So, unless an outage is known (then fail at
 * once), wait for the connection to be ready, within the call's time bound.
 */
function readyKeyvRedis() {
  return (readyClass ??= class ReadyKeyvRedis extends loadRedis().default<unknown> {
    waitForReady: () => boolean = () => true;

    override async getClient(): Promise<Awaited<ReturnType<KeyvRedis<unknown>['getClient']>>> {
      const client = await super.getClient();
      const plain = client as unknown as RedisClientType;
      if (plain.isOpen && !plain.isReady && this.waitForReady()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000);
          plain.once('ready', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return client;
    }
  });
}
let readyClass: (new (...args: ConstructorParameters<typeof KeyvRedis<unknown>>) => KeyvRedis<unknown> & { waitForReady: () => boolean }) | undefined;

function build(make: (namespace: Namespace) => Keyv, kind: Stores['kind'], db?: Database.Database, closeMore?: () => Promise<void>): Stores {
  const stores = {} as Record<Namespace, Keyv>;
  for (const namespace of NAMESPACES) {
    stores[namespace] = make(namespace);
    // Errors are thrown to the caller (throwOnErrors); this listener only keeps the emitter from crashing.
    stores[namespace].on('error', () => undefined);
  }
  return Object.assign(stores, {
    kind,
    ...(db ? { sqlite: db } : {}),
    async close() {
      await Promise.allSettled(NAMESPACES.map((namespace) => stores[namespace].disconnect()));
      await closeMore?.().catch(() => undefined);
      db?.close();
    },
  });
}

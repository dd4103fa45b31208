import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Clock } from '../core/clock.ts';

/**
 * Run coordination. With Redis (several processes) a lease is a key set with SET NX PX in the `locks`
 * namespace and released only by its owner; with SQLite (one process) it is an in-process lease, which
 * dies with the process, so a restart after a crash never waits for a dead owner.
 */
export interface LockService {
  /** A lease on `key` for `ttlMs`, or null when someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<Lease | null>;
}

export interface Lease {
  release(): Promise<void>;
}

export class MemoryLocks implements LockService {
  private readonly held = new Map<string, { token: string; expiresAt: number }>();
  constructor(private readonly clock: Clock) {}

  async acquire(key: string, ttlMs: number): Promise<Lease | null> {
    const now = this.clock.now().getTime();
    const current = this.held.get(key);
    if (current && current.expiresAt > now) return null;
    const token = randomUUID();
    this.held.set(key, { token, expiresAt: now + ttlMs });
    return {
      release: async () => {
        if (this.held.get(key)?.token === token) this.held.delete(key);
      },
    };
  }
}

/** The subset of a node-redis client the locks use. */
export interface RedisLockClient {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class RedisLocks implements LockService {
  constructor(
    private readonly client: () => Promise<RedisLockClient>,
    private readonly prefix: string,
  ) {}

  async acquire(key: string, ttlMs: number): Promise<Lease | null> {
    const client = await this.client();
    const name = `${this.prefix}:${key}`;
    const token = randomUUID();
    const ok = await client.set(name, token, { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
    if (ok !== 'OK') return null;
    return {
      release: async () => {
        await client.eval(RELEASE_IF_OWNER, { keys: [name], arguments: [token] });
      },
    };
  }
}

/**
 * Locks on the same backend as the stores: Redis locks through the `locks` namespace's own connection
 * when the stores live in Redis, in-process leases otherwise.
 */
export function createLocks(locksStore: Keyv, kind: 'sqlite' | 'redis', clock: Clock): LockService {
  if (kind !== 'redis') return new MemoryLocks(clock);
  const adapter = locksStore.store as { getClient?: () => Promise<unknown>; client?: unknown; namespace?: string };
  const prefix = `${adapter.namespace ?? locksStore.namespace ?? 'locks'}:lease`;
  return new RedisLocks(async () => {
    const client = adapter.getClient ? await adapter.getClient() : adapter.client;
    return client as RedisLockClient;
  }, prefix);
}

/** Runs `work` under the lease, or returns `skipped` when another holder has it. */
export async function withLock<T>(locks: LockService, key: string, ttlMs: number, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = await locks.acquire(key, ttlMs);
  if (!lease) return { ran: false };
  try {
    return { ran: true, value: await work() };
  } finally {
    await lease.release().catch(() => undefined);
  }
}

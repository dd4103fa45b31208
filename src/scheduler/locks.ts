import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Clock } from '../core/clock.ts';

/**
 * Run coordination. With Redis (several processes) a lease is a key set with SET NX PX in the `locks`
 * namespace, renewed and released only by its owner; with SQLite (one process) it is an in-process
 * lease, which dies with the process, so a restart after a crash never waits for a dead owner.
 * Leases are short and renewed while the work runs (withLock), so a crashed owner's work is taken up
 * by another process within one lease length, and work that outlives its lease knows it lost it.
 */
export interface LockService {
  /** A lease on `key` for `ttlMs`, or null when someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<Lease | null>;
  /** How long until someone else's lease on `key` ends (ms), or undefined when nobody holds it. */
  remaining?(key: string): Promise<number | undefined>;
}

export interface Lease {
  /** Extends the lease to `ttlMs` from now; false when it had already ended or passed to another owner. */
  renew(ttlMs: number): Promise<boolean>;
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
      renew: async (ms) => {
        const entry = this.held.get(key);
        if (entry?.token !== token) return false;
        entry.expiresAt = this.clock.now().getTime() + ms;
        return true;
      },
      release: async () => {
        if (this.held.get(key)?.token === token) this.held.delete(key);
      },
    };
  }

  async remaining(key: string): Promise<number | undefined> {
    const current = this.held.get(key);
    const left = current ? current.expiresAt - this.clock.now().getTime() : 0;
    return left > 0 ? left : undefined;
  }
}

/** The subset of a node-redis client the locks use. */
export interface RedisLockClient {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  pTTL(key: string): Promise<number>;
}

const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

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
      renew: async (ms) => Number(await client.eval(RENEW_IF_OWNER, { keys: [name], arguments: [token, String(Math.max(1, Math.round(ms)))] })) === 1,
      release: async () => {
        await client.eval(RELEASE_IF_OWNER, { keys: [name], arguments: [token] });
      },
    };
  }

  async remaining(key: string): Promise<number | undefined> {
    const left = await (await this.client()).pTTL(`${this.prefix}:${key}`);
    return left > 0 ? left : undefined;
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

/** What the work under a lease can ask: whether the lease was lost (renewal failed), so it stops before its next step. */
export interface LeaseGuard {
  readonly lost: boolean;
}

/**
 * Runs `work` under a lease on `key`, renewed every third of `ttlMs` while it runs, or returns
 * `{ ran: false }` when another holder has it. A renewal that fails (the store was unreachable for a
 * whole lease, or the lease passed to another process) sets `guard.lost`; the work checks it between
 * steps, since another process may now be doing the same work.
 */
export async function withLock<T>(
  locks: LockService,
  key: string,
  ttlMs: number,
  work: (guard: LeaseGuard) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = await locks.acquire(key, ttlMs);
  if (!lease) return { ran: false };
  const guard = { lost: false };
  const renewal = setInterval(
    () => {
      lease.renew(ttlMs).then(
        (kept) => {
          if (!kept) guard.lost = true;
        },
        () => undefined,
      );
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  renewal.unref();
  try {
    return { ran: true, value: await work(guard) };
  } finally {
    clearInterval(renewal);
    await lease.release().catch(() => undefined);
  }
}

/** Leases last this long unless renewed; a crashed owner's work is taken up within about this time. */
export const LEASE_MS = 60_000;

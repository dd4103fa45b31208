import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { RedisLockClient } from './locks.ts';

/**
 * A shared work queue on Redis: jobs (named by id) wait in a sorted set scored by when they are due.
 * A process takes a batch of due jobs atomically (one Lua script moves them to the `leases` set, scored
 * by when the lease ends), works on them, and completes each, naming when it is due again. A process
 * that dies mid-batch leaves its jobs in `leases`; the next take by anyone, after the lease ends, puts
 * them back to due, so nothing is lost. Only the holder of a job's lease (its token) can complete or
 * renew it, so a process that outlived its lease cannot undo the work of the one that took over.
 *
 * The queue decides who does what; whether a job's work was already done (a poll not due any more, a
 * digest slot already delivered) is checked by the work itself under its own lease, as before.
 */
export interface JobQueue {
  /** Up to `limit` due jobs, leased to the caller for `leaseMs`. */
  take(limit: number, leaseMs: number): Promise<TakenBatch>;
  /** Puts a job on the queue at `dueAt` unless it is already queued or being worked on. */
  ensure(jobs: { id: string; dueAt: number }[]): Promise<number>;
  /** Removes jobs (a feed nobody follows, a schedule removed). */
  remove(ids: string[]): Promise<void>;
  /** Every job id known to the queue (due or leased). */
  ids(): Promise<string[]>;
  /** How many jobs wait (due now or later) and how many are leased. */
  size(): Promise<{ waiting: number; leased: number }>;
}

export interface TakenBatch {
  ids: string[];
  /** Jobs whose lease had ended (their taker died or stalled) and went back to due in this take. */
  recovered: number;
  /** Done with a job: it is due again at `nextDueAt`, or leaves the queue (undefined). False when the lease was lost. */
  complete(id: string, nextDueAt: number | undefined): Promise<boolean>;
  /** Several completions in one call (one round trip); how many of them still held their lease. */
  completeMany(jobs: { id: string; nextDueAt: number | undefined }[]): Promise<number>;
  /** Extends the lease on the jobs still held. */
  renew(leaseMs: number): Promise<void>;
}

const TAKE = `
local now = tonumber(ARGV[1])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('ZADD', KEYS[1], now, id)
end
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
  redis.call('HSET', KEYS[3], id, ARGV[4])
end
return {ids, #expired}`;

const COMPLETE = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[3] ~= '' then redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1]) end
return 1`;

const COMPLETE_MANY = `
local done = 0
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  if redis.call('HGET', KEYS[3], id) == ARGV[1] then
    redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', KEYS[3], id)
    if ARGV[i + 1] ~= '' then redis.call('ZADD', KEYS[1], tonumber(ARGV[i + 1]), id) end
    done = done + 1
  end
end
return done`;

const RENEW = `
local kept = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[3], ARGV[i]) == ARGV[1] then
    redis.call('ZADD', KEYS[2], 'XX', tonumber(ARGV[2]), ARGV[i])
    kept = kept + 1
  end
end
return kept`;

const ENSURE = `
local added = 0
for i = 1, #ARGV, 2 do
  local id = ARGV[i + 1]
  if not redis.call('ZSCORE', KEYS[2], id) then
    added = added + redis.call('ZADD', KEYS[1], 'NX', tonumber(ARGV[i]), id)
  end
end
return added`;

/** The node-redis calls the queue uses, beside the lock client's eval. */
export interface RedisQueueClient extends RedisLockClient {
  zRange(key: string, min: number, max: number): Promise<string[]>;
  zCard(key: string): Promise<number>;
  zRem(key: string, members: string[]): Promise<number>;
  hDel(key: string, fields: string[]): Promise<number>;
}

export class RedisJobQueue implements JobQueue {
  private readonly keys: [due: string, leases: string, tokens: string];

  constructor(
    private readonly client: () => Promise<RedisQueueClient>,
    prefix: string,
    private readonly now: () => number,
  ) {
    this.keys = [`${prefix}:due`, `${prefix}:leases`, `${prefix}:tokens`];
  }

  async take(limit: number, leaseMs: number): Promise<TakenBatch> {
    const client = await this.client();
    const token = randomUUID();
    const [ids, recovered] = (await client.eval(TAKE, {
      keys: this.keys,
      arguments: [String(this.now()), String(Math.round(leaseMs)), String(limit), token],
    })) as [string[], number];
    const held = new Set(ids);
    return {
      ids,
      recovered: Number(recovered),
      complete: async (id, nextDueAt) => {
        const done =
          Number(await client.eval(COMPLETE, { keys: this.keys, arguments: [id, token, nextDueAt === undefined ? '' : String(Math.round(nextDueAt))] })) === 1;
        held.delete(id);
        return done;
      },
      completeMany: async (jobs) => {
        if (jobs.length === 0) return 0;
        const args = [token, ...jobs.flatMap((job) => [job.id, job.nextDueAt === undefined ? '' : String(Math.round(job.nextDueAt))])];
        const done = Number(await client.eval(COMPLETE_MANY, { keys: this.keys, arguments: args }));
        for (const job of jobs) held.delete(job.id);
        return done;
      },
      renew: async (ms) => {
        if (held.size === 0) return;
        await client.eval(RENEW, { keys: this.keys, arguments: [token, String(this.now() + Math.round(ms)), ...held] });
      },
    };
  }

  async ensure(jobs: { id: string; dueAt: number }[]): Promise<number> {
    const client = await this.client();
    let added = 0;
    // In slices, so one script never holds Redis for long.
    for (let start = 0; start < jobs.length; start += 1000) {
      const slice = jobs.slice(start, start + 1000).flatMap((job) => [String(Math.round(job.dueAt)), job.id]);
      added += Number(await client.eval(ENSURE, { keys: this.keys, arguments: slice }));
    }
    return added;
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const client = await this.client();
    const [due, leases, tokens] = this.keys;
    for (let start = 0; start < ids.length; start += 1000) {
      const slice = ids.slice(start, start + 1000);
      await client.zRem(due, slice);
      await client.zRem(leases, slice);
      await client.hDel(tokens, slice);
    }
  }

  async ids(): Promise<string[]> {
    const client = await this.client();
    const [due, leases] = this.keys;
    return [...(await client.zRange(due, 0, -1)), ...(await client.zRange(leases, 0, -1))];
  }

  async size(): Promise<{ waiting: number; leased: number }> {
    const client = await this.client();
    return { waiting: await client.zCard(this.keys[0]), leased: await client.zCard(this.keys[1]) };
  }
}

/** A queue named `name` on the Redis connection of the `locks` namespace (its keys under that namespace). */
export function redisQueue(locksStore: Keyv, name: string, now: () => number): RedisJobQueue {
  const adapter = locksStore.store as { getClient?: () => Promise<unknown>; client?: unknown; namespace?: string };
  const prefix = `${adapter.namespace ?? locksStore.namespace ?? 'locks'}:queue:${name}`;
  return new RedisJobQueue(async () => (adapter.getClient ? await adapter.getClient() : adapter.client) as RedisQueueClient, prefix, now);
}

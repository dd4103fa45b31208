import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { capturingLogger, testServices } from '../helpers.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `newsdesk-epoch-${randomUUID()}`;
const direct = createClient({ url: REDIS_URL });

/** Deletes this test's keys only (never FLUSHALL: the server is shared). */
async function loseData(): Promise<number> {
  let removed = 0;
  for await (const keys of direct.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) {
    if (keys.length > 0) removed += await direct.del(keys);
  }
  return removed;
}

beforeAll(async () => {
  await direct.connect();
});
afterAll(async () => {
  await loseData();
  await direct.close();
});

const lost = (logs: Record<string, unknown>[]) => logs.filter((line) => /were lost/.test(String(line.msg)));

describe('the store epoch on Redis, with several processes', () => {
  it('reports a loss without any reconnect once per process, and never again at later checks', async () => {
    const logs: Record<string, unknown>[][] = [[], []];
    // Two processes starting at once on a new store: one epoch between them.
    const stores: Stores[] = logs.map((lines) => createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix: prefix, logger: capturingLogger(lines) }));
    try {
      await stores[0]!.feeds.set('probe', { kept: true });
      await stores[1]!.feeds.get('probe');
      // Whichever check comes first (the start-up one or this) stamps the epoch; none reports a loss.
      expect(await Promise.all(stores.map((store) => store.health!.recheck()))).not.toContain('lost');
      const results = await Promise.all(stores.map((store) => store.health!.recheck()));
      expect(results).toEqual(['same', 'same']);
      expect(logs.flatMap(lost)).toEqual([]);

      // The data goes (flushed, evicted, or an empty Redis behind a proxy) while both connections stay up.
      expect(await loseData()).toBeGreaterThan(0);
      const afterLoss = await Promise.all(stores.map((store) => store.health!.recheck()));
      expect(afterLoss).toEqual(['lost', 'lost']);
      for (const lines of logs) {
        expect(lost(lines)).toHaveLength(1);
        expect(lost(lines)[0]).toMatchObject({ level: 50 });
      }

      // Both adopted one new epoch: later checks (another heartbeat, a reconnect) report nothing more.
      for (let round = 0; round < 3; round++) expect(await Promise.all(stores.map((store) => store.health!.recheck()))).toEqual(['same', 'same']);
      expect(logs.map((lines) => lost(lines).length)).toEqual([1, 1]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('is checked on each scheduler heartbeat', async () => {
    const logs: Record<string, unknown>[] = [];
    const stores = createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix: prefix, logger: capturingLogger(logs) });
    const env = testServices({}, { stores, clock: new ManualClock('2026-11-26T07:00:00Z') });
    const scheduler = startScheduler(env.services, [], { timers: false });
    try {
      await scheduler.tick();
      expect(await stores.health!.recheck()).not.toBe('lost');
      expect(await stores.health!.recheck()).toBe('same');
      await loseData();
      await scheduler.tick();
      await vi.waitFor(() => expect(lost(logs)).toHaveLength(1));
    } finally {
      await scheduler.stop();
      await env.cleanup();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import { dispatch, STORAGE_UNAVAILABLE } from '../../src/core/dispatcher.ts';
import { createStores } from '../../src/store/index.ts';
import { capturingLogger, recordingContext, testServices } from '../helpers.ts';
import { startProxy } from './tcp-proxy.ts';

const prefix = `newsdesk-outage-${randomUUID()}`;
const direct = createClient({ url: 'redis://127.0.0.1:6379' });

async function removeKeys(): Promise<void> {
  for await (const keys of direct.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) if (keys.length > 0) await direct.del(keys);
}

beforeAll(async () => {
  await direct.connect();
});
afterAll(async () => {
  await removeKeys();
  await direct.close();
});

function logged(logs: Record<string, unknown>[], pattern: RegExp): Record<string, unknown> | undefined {
  return logs.find((line) => typeof line.msg === 'string' && pattern.test(line.msg));
}

describe('Redis outage', () => {
  it('answers "storage unavailable" while Redis is cut off, logs the outage and the recovery, and notices data loss', async () => {
    const proxy = await startProxy(6379);
    const storeLogs: Record<string, unknown>[] = [];
    const stores = createStores({ dataDir: '', redisUrl: `redis://127.0.0.1:${proxy.port}`, redisPrefix: prefix, logger: capturingLogger(storeLogs) });
    const app = testServices({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { stores });
    const feedsList = async () => {
      const { ctx, recorded } = recordingContext({ command: 'feeds', subcommand: 'list' });
      await dispatch(commands, ctx, app.services);
      return recorded;
    };
    try {
      await app.services.stores.feeds.set('probe', { kept: true });
      expect((await feedsList()).ephemeral.map((message) => message.kind === 'text' && message.text)).not.toContain(STORAGE_UNAVAILABLE);
      await vi.waitFor(() => expect(logged(storeLogs, /store epoch written/)).toBeDefined(), { timeout: 5000 });

      await proxy.cut();
      await vi.waitFor(() => expect(logged(storeLogs, /Redis is unreachable/)).toMatchObject({ level: 50 }), { timeout: 5000 });
      const during = await feedsList();
      expect(during.ephemeral).toEqual([{ kind: 'text', tone: 'error', text: STORAGE_UNAVAILABLE }]);
      expect(app.logs.filter((line) => line.msg === 'command failed')).toEqual([]);

      await proxy.restore();
      await vi.waitFor(() => expect(logged(storeLogs, /Redis is reachable again/)).toBeDefined(), { timeout: 10000 });
      const after = await feedsList();
      expect(after.ephemeral.concat(after.replies.map((entry) => entry.message))).not.toContainEqual(expect.objectContaining({ text: STORAGE_UNAVAILABLE }));
      expect(await app.services.stores.feeds.get('probe')).toEqual({ kept: true });
      expect(logged(storeLogs, /lost/)).toBeUndefined();

      // Redis comes back empty: the epoch is gone with everything else.
      await proxy.cut();
      await removeKeys();
      await proxy.restore();
      await vi.waitFor(() => expect(logged(storeLogs, /were lost/)).toMatchObject({ level: 50 }), { timeout: 10000 });
      expect(String(logged(storeLogs, /were lost/)?.msg)).toContain('appendonly yes');
    } finally {
      await app.cleanup();
      await proxy.close();
    }
  });

  it('answers "storage unavailable" when Redis stops answering on an open connection, and recovers', async () => {
    const proxy = await startProxy(6379);
    const storeLogs: Record<string, unknown>[] = [];
    const stores = createStores({ dataDir: '', redisUrl: `redis://127.0.0.1:${proxy.port}`, redisPrefix: prefix, logger: capturingLogger(storeLogs) });
    const app = testServices({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { stores });
    const feedsList = async () => {
      const { ctx, recorded } = recordingContext({ command: 'feeds', subcommand: 'list' });
      await dispatch(commands, ctx, app.services);
      return recorded.ephemeral.concat(recorded.replies.map((entry) => entry.message));
    };
    try {
      expect(await feedsList()).not.toContainEqual(expect.objectContaining({ text: STORAGE_UNAVAILABLE }));
      proxy.stall(true);
      expect(await feedsList()).toEqual([{ kind: 'text', tone: 'error', text: STORAGE_UNAVAILABLE }]);
      expect(logged(storeLogs, /Redis is unreachable/)).toMatchObject({ level: 50 });
      proxy.stall(false);
      await vi.waitFor(async () => expect(await feedsList()).not.toContainEqual(expect.objectContaining({ text: STORAGE_UNAVAILABLE })), {
        timeout: 15000,
        interval: 200,
      });
      expect(logged(storeLogs, /Redis is reachable again/)).toBeDefined();
    } finally {
      await app.cleanup();
      await proxy.close();
    }
  }, 30000);
});

// For a describe block of kill tests on Redis (not for the child processes: it registers vitest hooks).
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { REDIS_URL } from './kill-support.ts';

/**
 * A fresh key prefix for each test (`next`), whose keys are deleted after it, and the keys the bot
 * processes left under it (`keys('deliveries:*')`).
 */
export function redisPrefixes() {
  const direct = createClient({ url: REDIS_URL });
  let prefix: string | undefined;
  const keysUnder = async (pattern: string): Promise<string[]> => {
    const found: string[] = [];
    for await (const keys of direct.scanIterator({ MATCH: pattern, COUNT: 100 })) found.push(...keys);
    return found;
  };
  beforeAll(() => direct.connect());
  afterEach(async () => {
    if (!prefix) return;
    const keys = await keysUnder(`${prefix}:*`);
    if (keys.length > 0) await direct.del(keys);
  });
  afterAll(() => direct.close());
  return {
    next(name: string): string {
      prefix = `newsdesk-${name}-${randomUUID()}`;
      return prefix;
    },
    keys: (pattern: string) => keysUnder(`${prefix}:${pattern}`),
  };
}

import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { dispatch } from '../../src/core/dispatcher.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { digestLockKey } from '../../src/digest/deliver.ts';
import { withLock } from '../../src/scheduler/locks.ts';
import { createStores } from '../../src/store/index.ts';
import { seedStories } from '../digest/kill-support.ts';
import { recordingContext, testServices } from '../helpers.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const NOW = '2026-11-26T12:00:00Z';
const LEASE_MS = 1_500;
const channel: ChannelRef = { platform: 'console', tenantId: 'local', channelId: 'lease-test' };

const direct = createClient({ url: REDIS_URL });
const prefix = `newsdesk-leases-${randomUUID()}`;
let envs: ReturnType<typeof testServices>[] = [];

beforeAll(async () => {
  await direct.connect();
});
afterEach(async () => {
  await Promise.all(envs.map((env) => env.cleanup()));
  envs = [];
});
afterAll(async () => {
  for await (const keys of direct.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) if (keys.length > 0) await direct.del(keys);
  await direct.close();
});

/** A "process": its own services and Redis connections on the shared prefix, with short leases. */
function process_(): ReturnType<typeof testServices> {
  const env = testServices(
    {},
    { clock: new ManualClock(NOW), leaseMs: LEASE_MS, stores: createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix: prefix }) },
  );
  envs.push(env);
  return env;
}

async function digestNow(env: ReturnType<typeof testServices>) {
  const { ctx, recorded } = recordingContext({ command: 'digest', subcommand: 'now', channel, canManage: true });
  await dispatch(commands, ctx, env.services);
  return recorded;
}

describe('/digest now while another process holds the channel’s digest lease', () => {
  it('says a digest is being posted while the holder lives, and when to try again; after a dead holder’s lease ends, it posts', async () => {
    const [a, b] = [process_(), process_()];
    await seedStories(channel, 3, NOW, { stores: a.services.stores });

    // A live holder: process A is posting and renews its lease.
    let finish: () => void = () => undefined;
    const posting = withLock(a.services.newsroom.locks, digestLockKey(channel), LEASE_MS, () => new Promise<void>((resolve) => (finish = resolve)));
    await vi.waitFor(async () => expect(await b.services.newsroom.locks.remaining?.(digestLockKey(channel))).toBeGreaterThan(0));
    const whileLive = await digestNow(b);
    expect(whileLive.replies).toEqual([]);
    expect(whileLive.ephemeral).toHaveLength(1);
    const liveText = whileLive.ephemeral[0]!.kind === 'text' ? whileLive.ephemeral[0]!.text : '';
    expect(liveText).toMatch(/^A digest for this channel is being posted right now\. If it does not arrive, try again in [12] s/);
    finish();
    await posting;

    // A dead holder: a process took the lease and was killed (no renewal, no release).
    const dead = await a.services.newsroom.locks.acquire(digestLockKey(channel), LEASE_MS);
    expect(dead).not.toBeNull();
    const whileHeld = await digestNow(b);
    expect(whileHeld.replies).toEqual([]);
    expect(whileHeld.ephemeral[0]).toMatchObject({
      kind: 'text',
      text: expect.stringMatching(/being posted right now\. If it does not arrive, try again in [12] s/),
    });

    // Once the lease ran out, the same command posts the digest.
    await vi.waitFor(async () => expect(await b.services.newsroom.locks.remaining?.(digestLockKey(channel))).toBeUndefined(), {
      timeout: LEASE_MS * 4,
      interval: 100,
    });
    const after = await digestNow(b);
    const digests = after.replies.filter((reply) => reply.message.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.message.kind === 'digest' && digests[0]!.message.digest.stories).toHaveLength(3);
    // The dead process's lease cannot be renewed now: its work would stop before its next part.
    expect(await dead!.renew(LEASE_MS)).toBe(false);
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { createStores } from '../../src/store/index.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { testServices } from '../helpers.ts';
import { REDIS_URL, seedStories } from './kill-support.ts';
import { redisPrefixes } from './redis-prefixes.ts';

const NOW = '2026-11-26T12:00:00Z';
const child = join(import.meta.dirname, 'kill-redis-child.ts');
// Discord parts hold 9 stories: two parts.
const STORIES = 12;
/** Short leases, so a dead process's lease runs out within the test (production: 60 s). */
const LEASE_MS = 5_000;

const prefixes = redisPrefixes();
let prefix: string;
let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function runChild(apiUrl: string, ids: FakeDiscord['ids'], waitForGo = false) {
  const args = [
    '--import',
    'tsx',
    child,
    REDIS_URL,
    prefix,
    apiUrl,
    ids.guildId,
    ids.channelId,
    NOW,
    String(LEASE_MS),
    ...(waitForGo ? ['--wait-for-go'] : []),
  ];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('STARTED')) onStarted();
  });
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { exited, started, go: () => proc.stdin.write('go\n'), kill: () => proc.kill('SIGKILL'), output: () => output };
}

function waits(output: string): { leaseEndsInMs?: number }[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('WAIT '))
    .map((line) => JSON.parse(line.slice(5)) as { leaseEndsInMs?: number });
}

function storiesPosted(runs: string): number {
  const parsed = JSON.parse(/^DONE (.*)$/m.exec(runs)?.[1] ?? '[]') as { status: string; storiesDelivered?: number }[];
  return parsed.reduce((sum, run) => sum + (run.status === 'posted' ? (run.storiesDelivered ?? 0) : 0), 0);
}

const KILL_POINTS = [
  { name: 'after the first part was accepted, before its answer', path: /^\/channels\/\d+\/messages$/, nth: 1, when: 'after' as const },
  { name: 'before the second part', path: /^\/channels\/\d+\/messages$/, nth: 2, when: 'before' as const },
];

describe('a bot on Redis killed mid-digest', () => {
  for (const [index, point] of KILL_POINTS.entries()) {
    // The first case restarts one process; in the second, two take over and race for the dead one's lease.
    const restarts = index + 1;
    it(`resumes after the dead process's lease, logging the wait, and posts every story once (killed ${point.name}; ${restarts} restarted)`, async () => {
      prefix = prefixes.next('kill');
      fake = await FakeDiscord.start();
      const channel = { platform: 'discord' as const, tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
      const stores = createStores({ dataDir: '', redisUrl: REDIS_URL, redisPrefix: prefix });
      const titles = await seedStories(channel, STORIES, NOW, { stores });
      const seed = testServices({}, { stores, clock: new ManualClock(NOW) });
      await seed.services.newsroom.schedules.set({ ...parseSchedule('every 2 hours', 'UTC'), channel, since: '2026-11-26T11:00:00Z' });
      await seed.cleanup();

      // The processes that take over are started (connected, not yet ticking) before the kill.
      const next = Array.from({ length: restarts }, () => runChild(fake!.apiUrl, fake!.ids, true));
      await Promise.all(next.map((proc) => Promise.race([proc.started, proc.exited.then(() => Promise.reject(new Error(proc.output())))])));
      const held = fake.hold('POST', point.path, point.nth, point.when);
      const first = runChild(fake.apiUrl, fake.ids);
      await Promise.race([held, first.exited.then(() => Promise.reject(new Error(`child exited before the kill point:\n${first.output()}`)))]);
      first.kill();
      expect(await first.exited).toBeNull();
      // The dead process's digest lease is still in Redis.
      expect(await prefixes.keys('locks*digest:*')).toHaveLength(1);

      for (const proc of next) proc.go();
      for (const proc of next) expect(await proc.exited, proc.output()).toBe(0);

      // Each restarted process found the lease held, logged the wait with the time left (at most one lease), and went on after it.
      for (const proc of next) {
        const seen = waits(proc.output());
        expect(seen.length, proc.output()).toBeGreaterThan(0);
        // The time left is read just after the lease was refused: it may have ended in between (no figure then).
        const left = seen.map((wait) => wait.leaseEndsInMs).filter((ms): ms is number => ms !== undefined);
        expect(left.length, proc.output()).toBeGreaterThan(0);
        for (const ms of left) {
          expect(ms).toBeGreaterThan(0);
          expect(ms).toBeLessThanOrEqual(LEASE_MS);
        }
      }
      // The rest of the digest was posted by exactly one of them.
      const posted = next.map((proc) => storiesPosted(proc.output()));
      expect(posted.filter((count) => count > 0)).toHaveLength(1);

      const embeds = fake.messages
        .filter((message) => message.channel_id === channel.channelId)
        .flatMap((message) => message.embeds.map((embed: { title?: string }) => embed.title ?? ''));
      const shown = embeds.filter((title) => /^\d+\. /.test(title)).map((title) => title.replace(/^\d+\. /, ''));
      expect(shown).toHaveLength(STORIES);
      expect(new Set(shown)).toEqual(new Set(titles));
    }, 90_000);
  }
});

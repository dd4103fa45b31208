import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/scheduler/spec.ts';
import { createStores } from '../../src/store/index.ts';
import { seedStories } from '../digest/kill-support.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { testServices } from '../helpers.ts';

const main = join(import.meta.dirname, '../../src/main.ts');
let dir: string;
let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
  it('stops the bot while a digest post hangs, and leaves the store intact with the part recorded as sending', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-sigterm-'));
    fake = await FakeDiscord.start();
    const channel = { platform: 'discord' as const, tenantId: fake.ids.guildId, channelId: fake.ids.channelId };
    // Real time: the bot runs on the system clock, and the channel's */15 slot is due at its start.
    const now = new Date().toISOString();
    const titles = await seedStories(channel, 3, now, { dataDir: dir });
    const seed = testServices({ DATA_DIR: dir });
    await seed.services.newsroom.schedules.set({
      ...parseSchedule('*/15 * * * *', 'UTC'),
      channel,
      since: new Date(Date.parse(now) - 60 * 60_000).toISOString(),
    });
    await seed.services.stores.close();

    // Discord takes the digest's message and never answers.
    const hung = fake.hold('POST', /^\/channels\/\d+\/messages$/, 1, 'before');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dir,
      DISCORD_TOKEN: 'sigterm-test-token',
      DISCORD_APP_ID: fake.ids.appId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
    };
    const bot = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      bot.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await Promise.race([hung, exited.then(() => Promise.reject(new Error(`the bot exited before posting:\n${output}`)))]);

    bot.kill('SIGTERM');
    // It exits by itself, cleanly (the test's own time-out is the only clock): not killed by the signal,
    // not by the shutdown deadline, and the hung call does not keep it alive.
    const { code, signal } = await exited;
    expect(signal, output).toBeNull();
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/took longer than/);
    expect(output).not.toMatch(/"level":(50|60)/);

    // The store opens cleanly (quick_check), keeps the feed and the schedule, and the hung part waits as *sending*.
    const stores = createStores({ dataDir: dir });
    const after = testServices({ DATA_DIR: dir }, { stores });
    try {
      expect(await after.services.newsroom.feeds.subscriptions(channel)).toHaveLength(1);
      expect(await after.services.newsroom.schedules.get(channel)).toMatchObject({ cron: '*/15 * * * *' });
      const pending = await after.services.newsroom.ledger.pending(channel);
      expect(pending).toHaveLength(1);
      expect(pending[0]!.storyIds).toHaveLength(titles.length);
      expect(await after.services.newsroom.ledger.pendingChannels()).toEqual([channel]);
    } finally {
      await after.cleanup();
    }
  }, 60_000);
});

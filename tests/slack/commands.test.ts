import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import { invocationFor, ownSlashCommands, routeSlashCommand } from '../../src/adapters/slack/commands.ts';
import { MANIFEST_FILES, buildManifest, manifestJson } from '../../src/adapters/slack/manifest.ts';
import { ChannelPacer } from '../../src/adapters/slack/pacer.ts';
import { WorkQueue } from '../../src/core/work-queue.ts';
import type { CommandDef } from '../../src/core/command.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { isUserError } from '../../src/core/errors.ts';

/** A command with subcommands, as feeds and digest are: it must be reachable as /newsdesk watch …. */
const watch: CommandDef = {
  name: 'watch',
  description: 'Watch a topic',
  manage: true,
  subcommands: [
    {
      name: 'add',
      description: 'Watch a topic',
      options: [
        { name: 'topic', description: 'Topic', type: 'string', required: true },
        { name: 'hours', description: 'How often', type: 'integer', min: 1, max: 24, namedOnly: true },
      ],
    },
    { name: 'list', description: 'Topics watched here', manage: false },
  ],
  async run() {},
};
const all = [...commands, watch];

function routeError(slash: string, text: string): string {
  try {
    routeSlashCommand(all, slash, text);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('slack slash commands to neutral commands', () => {
  it('parses /summary free text into the same typed options Discord gives', () => {
    const route = routeSlashCommand(all, '/summary', 'https://news.example.com/a sentences:2');
    expect(route.command.name).toBe('summary');
    expect(route.options).toEqual({ input: 'https://news.example.com/a', sentences: 2 });
    const ask = routeSlashCommand(all, '/ask', 'who closed the harbour? about:2');
    expect(ask.options).toEqual({ question: 'who closed the harbour?', about: '2' });
  });

  it('keeps the line breaks of an article pasted into /summary', () => {
    const pasted = 'Bridge to close for a year\n\nDUNMORE — The council voted on Tuesday to close the bridge.';
    expect(routeSlashCommand(all, '/summary', pasted).options).toEqual({ input: pasted });
  });

  it('maps /newsdesk <command> <subcommand> … to commands with subcommands', () => {
    const route = routeSlashCommand(all, '/newsdesk', 'watch add "harbour works" hours:6');
    expect(route.command.name).toBe('watch');
    expect(route.subcommand).toBe('add');
    expect(route.options).toEqual({ topic: 'harbour works', hours: 6 });
    expect(routeSlashCommand(all, '/newsdesk', 'WATCH list').subcommand).toBe('list');
  });

  it('answers /newsdesk alone and /newsdesk help with help, and any command under the umbrella', () => {
    expect(routeSlashCommand(all, '/newsdesk', '').command.name).toBe('help');
    expect(routeSlashCommand(all, '/newsdesk', 'help').command.name).toBe('help');
    expect(routeSlashCommand(all, '/newsdesk', 'quotes 2').options).toEqual({ input: '2' });
  });

  it('gives a usage line written the Slack way for wrong input', () => {
    expect(routeError('/newsdesk', 'watch')).toContain('Usage: /newsdesk watch add <topic> [hours:…]');
    expect(routeError('/newsdesk', 'watch remove x')).toMatch(/has no “remove”.*\n.*\/newsdesk watch add/);
    expect(routeError('/newsdesk', 'watch add x hours:99')).toContain('hours must be at most 24');
    expect(routeError('/summary', 'x sentences:lots')).toContain('Usage: /summary');
    expect(routeError('/ask', '')).toContain('/ask needs question');
    expect(routeError('/newsdesk', 'frobnicate')).toMatch(/has no “frobnicate”.*\/newsdesk <summary \| quotes/);
    expect(routeError('/weather', 'x')).toContain("I don't know /weather");
  });

  it('gives plain commands their own slash command and keeps subcommand groups and help under /newsdesk', () => {
    const own = ownSlashCommands(all).map((command) => command.name);
    expect(own).toEqual(expect.arrayContaining(['summary', 'quotes', 'timeline', 'ask']));
    expect(own).not.toContain('watch');
    expect(own).not.toContain('help');
    const invocation = invocationFor(all);
    expect(invocation('summary')).toBe('/summary');
    expect(invocation('watch')).toBe('/newsdesk watch');
    expect(invocation('help')).toBe('/newsdesk help');
    expect(invocation('invite')).toBe('/invite');
  });
});

describe('slack app manifest', () => {
  it('registers every own slash command and /newsdesk, with the scopes and events the adapter uses', () => {
    const manifest = buildManifest(all, { socketMode: false }) as {
      features: { slash_commands: { command: string; url?: string; description: string }[] };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { request_url?: string; bot_events: string[] }; socket_mode_enabled: boolean };
    };
    const names = manifest.features.slash_commands.map((command) => command.command);
    expect(names).toEqual([...ownSlashCommands(all).map((command) => `/${command.name}`), '/newsdesk']);
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toMatch(/\/slack\/events$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'channels:history']));
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.channels');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const socket = buildManifest(all, { socketMode: true }) as typeof manifest;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    expect(socket.features.slash_commands.every((command) => command.url === undefined)).toBe(true);
  });

  it('ships manifests that match the command list (regenerate: npx tsx src/adapters/slack/write-manifest.ts)', () => {
    const root = new URL('../../', import.meta.url);
    expect(readFileSync(new URL(MANIFEST_FILES.http, root), 'utf8')).toBe(manifestJson(commands, { socketMode: false }));
    expect(readFileSync(new URL(MANIFEST_FILES.socket, root), 'utf8')).toBe(manifestJson(commands, { socketMode: true }));
  });
});

describe('slack channel pacing', () => {
  it('lets a burst through, then spaces posts to one channel a second apart, other channels unaffected', async () => {
    const clock = new ManualClock('2026-02-03T09:00:00Z');
    const waits: number[] = [];
    const pacer = new ChannelPacer(
      clock,
      async (ms) => {
        waits.push(ms);
      },
      1000,
      3,
    );
    for (let i = 0; i < 5; i++) await pacer.turn('C1');
    await pacer.turn('C2');
    expect(waits).toEqual([1000, 2000]);
    clock.advance(10_000);
    await pacer.turn('C1');
    expect(waits).toEqual([1000, 2000]);
  });
});

describe('slack command work queue', () => {
  it('runs at most `limit` commands at once, in arrival order, and drains before shutdown', async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return i;
      }),
    );
    const drained = queue.drain(60_000);
    while (order.length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    gates.splice(0).forEach((open) => open());
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    await drained;
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('with a quiet gap, starts no work while commands keep arriving, and starts it once they stop or waited too long', async () => {
    let now = 0;
    const queue = new WorkQueue(4, { gapMs: 10, maxWaitMs: 100 }, () => now);
    const started: number[] = [];
    const job = (i: number) => queue.run(async () => void started.push(i));
    const turn = async (ms: number) => {
      now += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
    try {
      const runs = [job(0)];
      for (let i = 1; i < 5; i++) {
        await turn(4); // a new command every 4 ms: the burst is still arriving
        runs.push(job(i));
      }
      expect(started).toEqual([]);
      await turn(12); // 12 ms without a new command
      await Promise.all(runs.slice(0, 4));
      expect(started.slice(0, 4)).toEqual([0, 1, 2, 3]);
      await turn(12);
      await Promise.all(runs);
      expect(started).toEqual([0, 1, 2, 3, 4]);

      // A steady stream cannot hold work back for longer than maxWaitMs.
      started.length = 0;
      const stream = [job(10)];
      for (let t = 0; t < 30; t++) {
        await turn(5);
        stream.push(job(11 + t));
      }
      expect(started[0]).toBe(10);
    } finally {
      vi.useRealTimers();
    }
  });
});

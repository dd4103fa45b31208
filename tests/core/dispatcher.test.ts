import { afterEach, describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/core/command.ts';
import { dispatch } from '../../src/core/dispatcher.ts';
import { UserError } from '../../src/core/errors.ts';
import { recordingContext, testServices } from '../helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function setup() {
  const test = testServices();
  cleanups.push(test.cleanup);
  return test;
}

const commands: CommandDef[] = [
  {
    name: 'boom',
    description: 'fails',
    async run() {
      throw new Error('database on fire');
    },
  },
  {
    name: 'oops',
    description: 'user error',
    async run() {
      throw new UserError('That is not a feed.');
    },
  },
  {
    name: 'config',
    description: 'manage only',
    manage: true,
    async run(ctx) {
      await ctx.reply({ kind: 'text', text: 'changed' });
    },
  },
  {
    name: 'mixed',
    description: 'one private subcommand',
    subcommands: [
      { name: 'list', description: 'private', ephemeral: true },
      { name: 'post', description: 'public' },
    ],
    async run(ctx) {
      await ctx.reply({ kind: 'text', text: ctx.subcommand ?? '' });
    },
  },
  {
    name: 'show',
    description: 'posts with a thread',
    async run(ctx) {
      await ctx.reply({ kind: 'text', text: 'here' }, { thread: { title: 'About it', articleIds: ['a1', 'a2'] } });
    },
  },
];

describe('dispatch', () => {
  it('turns a UserError into a short answer only the asker sees', async () => {
    const { services } = setup();
    const { ctx, recorded } = recordingContext({ command: 'oops' });
    await dispatch(commands, ctx, services);
    expect(recorded.deferred).toHaveLength(1);
    expect(recorded.ephemeral).toEqual([{ kind: 'text', tone: 'warning', text: 'That is not a feed.' }]);
    expect(recorded.replies).toEqual([]);
  });

  it('logs an unexpected error with its context and gives the user an id to quote', async () => {
    const { services, logs } = setup();
    const { ctx, recorded } = recordingContext({ command: 'boom', channel: { platform: 'discord', tenantId: 'g1', channelId: 'c1' }, platform: 'discord' });
    await dispatch(commands, ctx, services);
    const apology = recorded.ephemeral[0];
    expect(apology?.kind).toBe('text');
    const id = /quote this id to the bot's admins: ([0-9a-f]{8})/.exec(apology?.kind === 'text' ? apology.text : '')?.[1];
    expect(id).toBeDefined();
    expect(JSON.stringify(recorded)).not.toContain('database on fire');
    const entry = logs.find((log) => log.errorId === id);
    expect(entry).toMatchObject({ command: 'boom', platform: 'discord', tenant: 'g1', channel: 'c1', user: 'u1', msg: 'command failed' });
    expect(JSON.stringify(entry)).toContain('database on fire');
  });

  it('refuses a configuration command without manager rights, before acknowledging', async () => {
    const { services } = setup();
    const { ctx, recorded } = recordingContext({ command: 'config', platform: 'discord', canManage: false });
    await dispatch(commands, ctx, services);
    expect(recorded.deferred).toEqual([]);
    expect(recorded.replies).toEqual([]);
    expect(recorded.ephemeral[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('Manage Channels') });

    const allowed = recordingContext({ command: 'config', canManage: true });
    await dispatch(commands, allowed.ctx, services);
    expect(allowed.recorded.replies).toHaveLength(1);
  });

  it('acknowledges privately when the subcommand answers privately', async () => {
    const { services } = setup();
    const list = recordingContext({ command: 'mixed', subcommand: 'list' });
    await dispatch(commands, list.ctx, services);
    expect(list.recorded.deferred).toEqual([{ ephemeral: true }]);
    const post = recordingContext({ command: 'mixed', subcommand: 'post' });
    await dispatch(commands, post.ctx, services);
    expect(post.recorded.deferred).toEqual([{ ephemeral: false }]);
  });

  it('answers an unknown command with a pointer to /help', async () => {
    const { services } = setup();
    const { ctx, recorded } = recordingContext({ command: 'nope' });
    await dispatch(commands, ctx, services);
    expect(recorded.ephemeral[0]).toMatchObject({ text: expect.stringContaining('/help') });
  });

  it('remembers which articles a thread is about, and shows them as recent in the channel', async () => {
    const { services } = setup();
    for (const id of ['a1', 'a2']) await services.library.save({ id, text: `Article ${id}.`, title: `Title ${id}` });
    const { ctx } = recordingContext({ command: 'show' });
    await dispatch(commands, ctx, services);
    expect((await services.library.threadArticles('console', 'thread-1'))?.map((article) => article.id)).toEqual(['a1', 'a2']);
    expect((await services.library.listRecent(ctx.channel)).map((article) => article.id)).toEqual(['a1', 'a2']);
    expect(await services.library.threadArticles('console', 'thread-9')).toBeUndefined();
  });
});

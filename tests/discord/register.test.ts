import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { commandJson, commandsJson, deployCommands } from '../../src/adapters/discord/register.ts';
import type { CommandDef } from '../../src/core/command.ts';
import { FakeDiscord } from './fake-discord.ts';

const feeds: CommandDef = {
  name: 'feeds',
  description: 'The feeds this channel follows',
  subcommands: [
    { name: 'list', description: 'Show the feeds and their health' },
    { name: 'add', description: 'Follow a feed', manage: true, options: [{ name: 'url', description: 'Feed or site URL', type: 'string', required: true }] },
    {
      name: 'remove',
      description: 'Stop following a feed',
      manage: true,
      options: [{ name: 'feed', description: 'Feed name', type: 'string', required: true, autocomplete: true }],
    },
  ],
  async run() {},
};

const settings: CommandDef = {
  name: 'settings',
  description: 'Channel settings',
  manage: true,
  options: [
    {
      name: 'language',
      description: 'Summary language',
      type: 'string',
      choices: [
        { name: 'English', value: 'en' },
        { name: 'Deutsch', value: 'de' },
      ],
      autocomplete: true,
    },
    { name: 'stories', description: 'Stories per digest', type: 'integer', min: 1, max: 20, required: true },
    { name: 'images', description: 'Show images', type: 'boolean' },
  ],
  async run() {},
};

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('discord command registration', () => {
  it('registers every command of commands/index.ts with typed options, ranges and autocomplete, guild-only', () => {
    const json = commandsJson(commands);
    expect(json.map((command) => command.name)).toEqual(commands.map((command) => command.name));
    const summary = json.find((command) => command.name === 'summary')!;
    expect(summary).toMatchObject({ type: 1, dm_permission: false, contexts: [0], default_member_permissions: null });
    expect(summary.options).toEqual([
      expect.objectContaining({ name: 'input', type: 3, required: false, autocomplete: true }),
      expect.objectContaining({ name: 'sentences', type: 4, min_value: 1, max_value: 10 }),
    ]);
    // Required options first, as Discord demands.
    const ask = json.find((command) => command.name === 'ask')!;
    expect(ask.options?.[0]).toMatchObject({ name: 'question', required: true });
    for (const command of json) expect(command.description.length).toBeLessThanOrEqual(100);
    // Configuration: /digest only configures, /feeds also lists (open to all, checked per subcommand at run time).
    expect(json.find((command) => command.name === 'digest')?.default_member_permissions).toBe('16');
    expect(json.find((command) => command.name === 'feeds')?.default_member_permissions).toBeNull();
  });

  it('produces only what Discord accepts, for every command listed', () => {
    const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
    const problems: string[] = [];
    const check = (
      where: string,
      option: { name: string; description: string; type: number; options?: unknown[]; required?: boolean; choices?: { name: string }[] },
    ) => {
      if (!NAME.test(option.name)) problems.push(`${where}: bad name ${option.name}`);
      if (option.description.length < 1 || option.description.length > 100) problems.push(`${where}: description length`);
      if ((option.choices?.length ?? 0) > 25 || option.choices?.some((choice) => choice.name.length > 100)) problems.push(`${where}: choices`);
    };
    for (const command of commandsJson(commands)) {
      check(command.name, { ...command, type: 1 });
      const options = (command.options ?? []) as { name: string; description: string; type: number; required?: boolean; options?: unknown[] }[];
      if (options.length > 25) problems.push(`${command.name}: more than 25 options`);
      const lists = options.every((option) => option.type === 1) ? options.map((sub) => (sub.options ?? []) as typeof options) : [options];
      for (const sub of options.filter((option) => option.type === 1)) check(`${command.name} ${sub.name}`, sub);
      for (const list of lists) {
        list.forEach((option) => check(`${command.name} ${option.name}`, option));
        const firstOptional = list.findIndex((option) => !option.required);
        if (firstOptional >= 0 && list.slice(firstOptional).some((option) => option.required)) problems.push(`${command.name}: required after optional`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares Manage Channels for managing commands, and keeps mixed subcommand groups visible', () => {
    const managed = commandJson(settings);
    expect(managed.default_member_permissions).toBe('16');
    expect(managed.options).toEqual([
      { name: 'stories', description: 'Stories per digest', required: true, type: 4, min_value: 1, max_value: 20 },
      {
        name: 'language',
        description: 'Summary language',
        required: false,
        type: 3,
        choices: [
          { name: 'English', value: 'en' },
          { name: 'Deutsch', value: 'de' },
        ],
      },
      { name: 'images', description: 'Show images', required: false, type: 5 },
    ]);
    const mixed = commandJson(feeds);
    expect(mixed.default_member_permissions).toBeNull();
    expect(mixed.options?.map((option) => [option.name, option.type])).toEqual([
      ['list', 1],
      ['add', 1],
      ['remove', 1],
    ]);
    expect(mixed.options?.[2]).toMatchObject({ options: [{ name: 'feed', type: 3, required: true, autocomplete: true }] });
    expect(commandJson({ ...feeds, subcommands: feeds.subcommands!.map((sub) => ({ ...sub, manage: true })) }).default_member_permissions).toBe('16');
  });

  it('deploys guild-scoped with a guild id and globally without, through the configured REST base', async () => {
    fake = await FakeDiscord.start();
    const stored = await deployCommands(commands, { token: 'a.b.c', applicationId: fake.ids.appId, guildId: fake.ids.guildId, apiUrl: fake.apiUrl });
    expect(stored.map((command) => command.name)).toEqual(commands.map((command) => command.name));
    await deployCommands(commands, { token: 'a.b.c', applicationId: fake.ids.appId, apiUrl: fake.apiUrl });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /applications/${fake.ids.appId}/guilds/${fake.ids.guildId}/commands`,
      `PUT /applications/${fake.ids.appId}/commands`,
    ]);
    expect(fake.requests[0]!.body).toEqual(commandsJson(commands));
  });

  it('npm run deploy:discord registers from the environment', async () => {
    fake = await FakeDiscord.start();
    const root = join(import.meta.dirname, '..', '..');
    const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'deploy-discord.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: 'a.b.c',
        DISCORD_APP_ID: fake.ids.appId,
        DISCORD_GUILD_ID: fake.ids.guildId,
        DISCORD_API_URL: fake.apiUrl,
        DATA_DIR: join(root, 'data'),
      },
    });
    expect(stdout).toContain(`Registered ${commands.length} commands in guild ${fake.ids.guildId}`);
    expect(fake.requests[0]).toMatchObject({ method: 'PUT', path: `/applications/${fake.ids.appId}/guilds/${fake.ids.guildId}/commands` });
  });
});

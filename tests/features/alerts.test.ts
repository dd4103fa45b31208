import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from '../../src/adapters/console/chat.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { isUserError } from '../../src/core/errors.ts';
import { ApplicationCommandOptionType } from 'discord.js';
import { deployCommands } from '../../src/adapters/discord/register.ts';
import { parseRole, resolveRole } from '../../src/features/alerts.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { BOT_TOKEN } from '../discord/harness.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { testServices } from '../helpers.ts';
import { dredging, ferryOutlets, type OutletItem } from './fixtures.ts';
import { featurePlatforms, seedChannel } from './support.ts';

const SUBCOMMAND = 1;
const STRING = 3;
const ROLE_OPTION = 8;
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;
const NOW = '2026-11-24T12:00:00Z';
const ROLE = '777000000000000001';

/** A story whose own text tries to ping everyone, a role and a user (Discord) or the channel (Slack). */
const hostile: OutletItem = {
  guid: 'hostile-1',
  title: 'Choir festival moves to the old market hall in Dunmore',
  link: 'https://culture.example/choir',
  siteName: 'Culture Weekly',
  published: '2026-11-24T11:00:00Z',
  text:
    'The spring choir festival @everyone will move to the old market hall <@&223344556677889900> this year, organisers said <!channel> on Tuesday. ' +
    'Tickets sold out within a day, and <@112233445566778899> thanked the council <!here> for the loan of the hall. The festival opens in June.',
};

const platforms = featurePlatforms(NOW);
const cleanups = platforms.cleanups;

describe('/alert — a story naming it pings that role, and only that role', () => {
  it('on Discord: /alert add takes a role option; the digest pings that role only (allowed_mentions roles), nothing in article text pings', async () => {
    const bot = await platforms.discord([dredging, ferryOutlets[0]!, hostile]);
    const { fake } = bot;
    // Registered as Discord's role option, so people pick a role from the server's list.
    const registered = await deployCommands(commands, { token: BOT_TOKEN, applicationId: fake.ids.appId, guildId: fake.ids.guildId, apiUrl: fake.apiUrl });
    expect(registered.some((command) => command.name === 'alert')).toBe(true);
    const put = fake.requests.find((request) => request.method === 'PUT' && request.path.endsWith('/commands'))!;
    const alertJson = (put.body as { name: string; options: { name: string; options?: { name: string; type: number }[] }[] }[]).find(
      (command) => command.name === 'alert',
    )!;
    expect(alertJson.options.find((sub) => sub.name === 'add')!.options!.find((option) => option.name === 'role')!.type).toBe(
      ApplicationCommandOptionType.Role,
    );

    // As Discord sends a role option: the role's id as the value, the role itself under resolved.
    const pick = (id: string, name: string, permissions = MANAGER) =>
      fake.interact(
        'alert',
        [
          {
            name: 'add',
            type: SUBCOMMAND,
            options: [
              { name: 'name', type: STRING, value: 'Lindqvist' },
              { name: 'role', type: ROLE_OPTION, value: id },
            ],
          },
        ],
        {
          permissions,
          resolved: { roles: { [id]: { id, name, color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 } } },
        },
      );
    const denied = pick(ROLE, 'harbour-desk', MEMBER_PERMISSIONS);
    const refusal = await fake.waitFor((request) => request.path === `/interactions/${denied.id}/${denied.token}/callback`);
    expect(JSON.stringify(refusal.body)).toContain('Manage Channels');
    const everyone = pick(fake.ids.guildId, '@everyone');
    const everyoneAnswer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${everyone.token}`);
    expect(everyoneAnswer.body.embeds[0].description).toContain('that is @everyone');
    const add = pick(ROLE, 'harbour-desk');
    const added = await fake.editOf(add);
    expect(added.body.embeds[0].description).toContain('names “Lindqvist” will ping');

    const now = fake.interact('digest', [{ name: 'now', type: SUBCOMMAND, options: [] }], { permissions: MANAGER });
    const digest = await fake.editOf(now);
    expect(digest.body.content).toMatch(new RegExp(`^🔔 <@&${ROLE}> \\(Petra Lindqvist\\)\\n📰 \\*\\*News digest\\*\\*`));
    expect(digest.body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    const sent = fake.messages.find((message) => message.content.startsWith('🔔'))!;
    expect(sent.pings).toEqual([`role:${ROLE}`]);
    expect(JSON.stringify(digest.body.embeds)).toContain('Choir festival');
    // Every other message the bot sent pinged nobody.
    expect(fake.messages.filter((message) => message !== sent).every((message) => message.pings.length === 0)).toBe(true);
  });

  it('on Slack: the post mentions the user group; article text stays escaped', async () => {
    const harness = await platforms.slack([dredging, hostile]);
    const command = (text: string, id: string) =>
      postSigned(harness.eventsUrl, slashCommandBody({ command: '/newsdesk', text, user_id: 'U0ADMIN', response_url: harness.fake.responseUrl(id) }));
    harness.fake.userGroups.push({ id: 'S0EDITORS', handle: 'editors', name: 'Editors' });
    // A group that is not the workspace's is refused, whether typed as a handle or as Slack's escaped mention.
    await command('alert add "Owen Marsh" role:@nosuchdesk', 'unknown');
    const unknown = await harness.fake.waitForResponse((post) => post.id === 'unknown');
    expect(JSON.stringify(unknown.body)).toContain('no user group “@nosuchdesk” in this workspace');
    await command('alert add "Owen Marsh" role:<!subteam^S0GONE|@gone>', 'gone');
    expect(JSON.stringify((await harness.fake.waitForResponse((post) => post.id === 'gone')).body)).toContain('no user group');
    await command('alert add "Owen Marsh" role:<!channel>', 'channel');
    expect(JSON.stringify((await harness.fake.waitForResponse((post) => post.id === 'channel')).body)).toContain('role: give a user group');
    // The handle as typed (commands that Slack does not escape) and the escaped mention both name the group.
    await command('alert add "Owen Marsh" role:@editors', 'add');
    await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Alert set'));
    await command('alert add "Owen Marsh" role:<!subteam^S0EDITORS|@editors>', 'again');
    expect(JSON.stringify((await harness.fake.waitForResponse((post) => post.id === 'again')).body)).toContain('That alert is already set here.');
    await command('alert list', 'list');
    const listed = await harness.fake.waitForResponse((post) => post.id === 'list');
    expect(JSON.stringify(listed.body.blocks)).toContain('Owen Marsh → user group S0EDITORS');
    await command('digest now', 'now');
    const digest = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('📰 News digest'));
    const blocks = JSON.stringify(digest.args.blocks);
    expect(blocks).toContain('🔔 <!subteam^S0EDITORS> (Owen Marsh)');
    expect(blocks.match(/<!subteam\^/g)).toHaveLength(1);
    expect(blocks).not.toMatch(/<!channel>|<!here>/);
  });

  it('in the terminal chat, and role ids are checked per platform', async () => {
    const test = testServices({}, { clock: new ManualClock(NOW) });
    cleanups.push(test.cleanup);
    await seedChannel(test.services, CONSOLE_CHANNEL, [dredging]);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const chat = startConsoleChat(test.services, commands, { input: new PassThrough(), output });
    cleanups.push(async () => chat.close());
    await chat.handleLine('/alert add "Anna Marsh" role:@desk');
    await chat.handleLine('/alert add Marsh role:@desk');
    await chat.handleLine('/alert add Marsh');
    expect(printed).toContain('! /alert add needs role.');
    await chat.handleLine('/digest now');
    expect(printed).toContain('🔔 @desk (Owen Marsh)\n📰 Digest: 1 story');
    await chat.handleLine('/alert remove 1');
    expect(printed).toContain('Alert for “Anna Marsh” removed.');

    const refused = (channel: Parameters<typeof parseRole>[0], value: string) => {
      try {
        parseRole(channel, value);
        return false;
      } catch (error) {
        return isUserError(error);
      }
    };
    const guild = { platform: 'discord' as const, tenantId: '1200000000000000001', channelId: '1300000000000000001' };
    const workspace = { platform: 'slack' as const, tenantId: 'T0NEWS', channelId: 'C0NEWS' };
    expect(parseRole(guild, ROLE)).toBe(ROLE);
    expect(parseRole(guild, `<@&${ROLE}>`)).toBe(ROLE);
    expect(refused(guild, guild.tenantId)).toBe(true);
    expect(refused(guild, '@everyone')).toBe(true);
    expect(refused(guild, '<@112233445566778899>')).toBe(true);
    expect(parseRole(workspace, '<!subteam^S0EDITORS|@editors>')).toBe('S0EDITORS');
    expect(refused(workspace, '<!channel>')).toBe(true);
    // Without leave to list the groups, Slack's escaped mention (or an id) is taken, a bare handle is not.
    const unlisted = { channel: workspace, userGroups: async () => undefined };
    expect(await resolveRole(unlisted, '<!subteam^S0EDITORS|@editors>')).toBe('S0EDITORS');
    await expect(resolveRole(unlisted, '@editors')).rejects.toThrow('give its id');
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from '../../src/adapters/console/chat.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { isUserError } from '../../src/core/errors.ts';
import { parseRole } from '../../src/features/alerts.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { testServices } from '../helpers.ts';
import { dredging, ferryOutlets, type OutletItem } from './fixtures.ts';
import { featurePlatforms, seedChannel } from './support.ts';

const SUBCOMMAND = 1;
const STRING = 3;
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
  it('on Discord: the digest pings the alerted role (allowed_mentions roles) and nothing in article text pings', async () => {
    const bot = await platforms.discord([dredging, ferryOutlets[0]!, hostile]);
    const { fake } = bot;

    const denied = fake.interact('alert', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'name', type: STRING, value: 'Lindqvist' }, { name: 'role', type: STRING, value: `<@&${ROLE}>` }] }]);
    const refusal = await fake.waitFor((request) => request.path === `/interactions/${denied.id}/${denied.token}/callback`);
    expect(JSON.stringify(refusal.body)).toContain('Manage Channels');
    const add = fake.interact('alert', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'name', type: STRING, value: 'Lindqvist' }, { name: 'role', type: STRING, value: `<@&${ROLE}>` }] }], { permissions: MANAGER });
    const added = await fake.waitFor((request) => request.method === 'PATCH' && request.path.includes(add.token));
    expect(added.body.embeds[0].description).toContain('names “Lindqvist” will ping');
    const bad = fake.interact('alert', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'name', type: STRING, value: 'Marsh' }, { name: 'role', type: STRING, value: 'editors' }] }], { permissions: MANAGER });
    const badAnswer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${bad.token}`);
    expect(badAnswer.body.embeds[0].description).toContain('role: pick a role');

    const now = fake.interact('digest', [{ name: 'now', type: SUBCOMMAND, options: [] }], { permissions: MANAGER });
    const digest = await fake.waitFor((request) => request.method === 'PATCH' && request.path.includes(now.token));
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
    const command = (text: string, id: string) => postSigned(harness.eventsUrl, slashCommandBody({ command: '/newsdesk', text, user_id: 'U0ADMIN', response_url: harness.fake.responseUrl(id) }));
    await command('alert add "Owen Marsh" role:<!subteam^S0EDITORS|@editors>', 'add');
    await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Alert set'));
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

    const refused = (platform: 'discord' | 'slack', value: string) => {
      try {
        parseRole(platform, value);
        return false;
      } catch (error) {
        return isUserError(error);
      }
    };
    expect(parseRole('discord', `<@&${ROLE}>`)).toBe(ROLE);
    expect(refused('discord', '@everyone')).toBe(true);
    expect(refused('discord', '<@112233445566778899>')).toBe(true);
    expect(parseRole('slack', '<!subteam^S0EDITORS|@editors>')).toBe('S0EDITORS');
    expect(refused('slack', '<!channel>')).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { serveDemoFeed } from '../demo-feed-server.ts';
import { visibleText } from '../discord/discord-limits.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { startBot, type Bot } from '../discord/harness.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import { startFeedServer, type FeedServer } from './support.ts';

// /feeds add, filter and list through the real discord.js and Bolt against the fake platforms.

const STRING = 3;
const SUBCOMMAND = 1;
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;

let bot: Bot | undefined;
let slack: SlackHarness | undefined;
let feeds: FeedServer | undefined;
let demo: Awaited<ReturnType<typeof serveDemoFeed>> | undefined;
afterEach(async () => {
  await bot?.close();
  await slack?.stop();
  await feeds?.close();
  await demo?.close();
  bot = slack = feeds = demo = undefined;
});

describe('/feeds on Discord', () => {
  it('answers a feed with a 1 MB title in one short reply', async () => {
    feeds = await startFeedServer();
    const title = `Harbour ${'news '.repeat(210_000)}`;
    feeds.routes.set('/huge.xml', {
      body: `<rss version="2.0"><channel><title>${title}</title><item><title>One</title><description>Body.</description></item></channel></rss>`,
    });
    bot = await startBot({ env: { FETCH_ALLOW_HOSTS: '127.0.0.1' } });
    const { fake } = bot;
    const added = fake.interact('feeds', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'url', type: STRING, value: `${feeds.url}/huge.xml` }] }], {
      permissions: MANAGER,
    });
    const edit = await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${added.token}/messages/@original`), 15_000);
    const text = visibleText(edit.body);
    expect(text).toContain('Now following “Harbour news news');
    expect(text.length).toBeLessThan(400);
    // One answer: nothing else was posted for this interaction.
    expect(fake.requests.filter((request) => request.path.includes(added.token) && request.method !== 'GET')).toHaveLength(2);
  });

  it('sets a filter and shows it in /feeds list', async () => {
    demo = await serveDemoFeed();
    bot = await startBot({ env: { FETCH_ALLOW_HOSTS: demo.host }, clock: new ManualClock('2026-11-25T16:00:00Z') });
    const { fake } = bot;
    const add = fake.interact('feeds', [{ name: 'add', type: SUBCOMMAND, options: [{ name: 'url', type: STRING, value: `http://${demo.host}/feed.xml` }] }], {
      permissions: MANAGER,
    });
    await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${add.token}/messages/@original`), 15_000);
    const set = fake.interact(
      'feeds',
      [
        {
          name: 'filter',
          type: SUBCOMMAND,
          options: [
            { name: 'feed', type: STRING, value: '1' },
            { name: 'include', type: STRING, value: 'ferry "flood barrier"' },
            { name: 'exclude', type: STRING, value: 'topic:sport' },
          ],
        },
      ],
      { permissions: MANAGER },
    );
    const answer = await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${set.token}/messages/@original`), 15_000);
    expect(visibleText(answer.body)).toContain('include: ferry, "flood barrier" · exclude: topic:sport');
    const list = fake.interact('feeds', [{ name: 'list', type: SUBCOMMAND, options: [] }]);
    const shown = await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${list.token}/messages/@original`), 15_000);
    expect(visibleText(shown.body)).toContain('filter: include: ferry, "flood barrier" · exclude: topic:sport');
  });
});

describe('/feeds filter on Slack', () => {
  it('keeps filtered stories out of the channel’s digest, and clears the filter', async () => {
    demo = await serveDemoFeed();
    slack = await startHarness(commands, { env: { FETCH_ALLOW_HOSTS: demo.host }, clock: new ManualClock('2026-11-25T16:00:00Z') });
    const harness = slack;
    harness.fake.users.set('U0ADMIN', { is_admin: true });
    const command = (text: string, id: string) =>
      postSigned(harness.eventsUrl, slashCommandBody({ command: '/newsdesk', text, user_id: 'U0ADMIN', response_url: harness.fake.responseUrl(id) }));

    await command(`feeds add http://${demo.host}/feed.xml`, 'add');
    await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Now following'));
    // Before its first digest, the channel would get the chess story and the Lisbon ferry story.
    await command('feeds filter 1 include:ferry "flood barrier" exclude:chess', 'filter');
    const set = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('only as this filter allows'));
    expect(String(set.args.text)).toContain('include: ferry, "flood barrier" · exclude: chess');

    await command('digest now', 'now');
    const digest = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('📰 News digest'));
    const blocks = JSON.stringify(digest.args.blocks);
    expect(blocks).toContain('Lisbon ferry crash');
    expect(blocks).not.toContain('Varga');

    await command('feeds list', 'list');
    const list = await harness.fake.waitForResponse((post) => post.id === 'list');
    expect(JSON.stringify(list.body.blocks)).toContain('Filter: include: ferry, \\"flood barrier\\" · exclude: chess');

    await command('feeds filter 1', 'clear');
    await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('reaches this channel’s digests again'));
    await command('feeds list', 'list2');
    const cleared = await harness.fake.waitForResponse((post) => post.id === 'list2');
    expect(JSON.stringify(cleared.body.blocks)).not.toContain('Filter:');
  });
});

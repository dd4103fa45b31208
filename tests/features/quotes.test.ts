import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from '../../src/adapters/console/chat.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { testServices } from '../helpers.ts';
import { dredging, ferryOutlets } from './fixtures.ts';
import { featurePlatforms, seedChannel } from './support.ts';

const STRING = 3;
const INTEGER = 4;
const NOW = '2026-11-24T12:00:00Z';
const ALL = [dredging, ...ferryOutlets];

const platforms = featurePlatforms(NOW);
const cleanups = platforms.cleanups;

describe('/quotes who: — what one person said across the channel’s stories', () => {
  it('on Discord: lists the person’s quotes newest first, each once with every outlet that carried it, matched by surname', async () => {
    const bot = await platforms.discord(ALL);
    const { fake } = bot;

    const asked = fake.interact('quotes', [{ name: 'who', type: STRING, value: 'Lindqvist' }]);
    const edit = await fake.editOf(asked);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('Quotes by Petra Lindqvist');
    const description: string = embed.description;
    const order = ['radar records', 'safe and accounted for', 'scraping the bottom'].map((words) => description.indexOf(words));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Three outlets carried the same words: listed once, linking all three.
    expect(description.match(/safe and accounted for/g)).toHaveLength(1);
    const safeEntry = description.split('\n\n').find((entry) => entry.includes('safe and accounted for'))!;
    for (const outlet of ['coastal-times.example', 'island-radio.example', 'western-daily.example']) expect(safeEntry).toContain(outlet);
    expect(description).not.toContain('money well spent');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    // "days:1" leaves out the story from two days ago; a title before the name is the same person.
    const recent = fake.interact('quotes', [
      { name: 'who', type: STRING, value: 'Ms Petra Lindqvist' },
      { name: 'days', type: INTEGER, value: 1 },
    ]);
    const recentEdit = await fake.editOf(recent);
    expect(recentEdit.body.embeds[0].description).toContain('radar records');
    expect(recentEdit.body.embeds[0].description).not.toContain('scraping the bottom');
    expect(recentEdit.body.embeds[0].footer.text).toContain('the last day');
  });

  it('on Slack: the same list as Block Kit, and a first name alone matches nobody', async () => {
    const harness = await platforms.slack(ALL);
    await postSigned(harness.eventsUrl, slashCommandBody({ command: '/quotes', text: 'who:"Owen Marsh"', response_url: harness.fake.responseUrl('marsh') }));
    const posted = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('Quotes by'));
    expect(String(posted.args.text)).toBe('Quotes by Owen Marsh');
    const blocks = JSON.stringify(posted.args.blocks);
    expect(blocks).toContain('This is money well spent');
    expect(blocks).toContain('<https://dunmore-post.example/2026/11/22/dredging|Dunmore harbour dredging to start in March after council vote (Dunmore Post)>');
    expect(blocks).not.toContain('radar');

    await postSigned(harness.eventsUrl, slashCommandBody({ command: '/quotes', text: 'who:Petra', response_url: harness.fake.responseUrl('petra') }));
    const none = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text) === 'Quotes by Petra');
    expect(JSON.stringify(none.args.blocks)).toContain('I found no quotes by Petra');
  });

  it('in the terminal chat, and bad input gets a short answer', async () => {
    const test = testServices({}, { clock: new ManualClock(NOW) });
    cleanups.push(test.cleanup);
    await seedChannel(test.services, CONSOLE_CHANNEL, ALL);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const chat = startConsoleChat(test.services, commands, { input: new PassThrough(), output });
    cleanups.push(async () => chat.close());
    await chat.handleLine('/quotes who:"Petra Lindqvist" days:7');
    expect(printed).toContain('Quotes by Petra Lindqvist');
    expect(printed).toMatch(/24 Nov 2026: “We will look at the radar records/);
    await chat.handleLine('/quotes days:3');
    expect(printed).toContain('! days: goes with who:');
    await chat.handleLine('/quotes who:Lindqvist days:30');
    expect(printed).toContain('! days must be at most 7');
  });
});

import { describe, expect, it } from 'vitest';
import { CONSOLE_CHANNEL } from '../../src/adapters/console/chat.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { formatValue, sortKey } from '../../src/core/time-label.ts';
import type { TimelineEntry } from '../../src/core/types.ts';
import { mainClauseDates } from '../../src/features/story-timeline.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { eventually } from '../discord/harness.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { dredging, ferryOutlets } from './fixtures.ts';
import { consoleChats } from '../console/support.ts';
import { featurePlatforms, seedChannel } from './support.ts';

const STRING = 3;
const SUBCOMMAND = 1;
const NOW = '2026-11-24T12:00:00Z';
const ALL = [dredging, ...ferryOutlets];
const OUTLETS = ['coastal-times', 'dunmore-post', 'island-radio', 'harbour-wire', 'western-daily'];

const platforms = featurePlatforms(NOW);
const chat = consoleChats();

describe('/timeline of a story — every article’s dated events merged', () => {
  it('on Discord, by words of the title: the collision once with all five outlets, then the later events in time order', async () => {
    const bot = await platforms.discord(ALL);
    const { fake } = bot;
    const asked = fake.interact('timeline', [{ name: 'input', type: STRING, value: 'merrow star collision' }]);
    const edit = await fake.editOf(asked);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe(`Timeline: ${ferryOutlets[0]!.title}`);
    const entries: string[] = embed.description.split('\n\n');
    const collision = entries.filter((entry) => entry.includes('The collision happened at 7.40am'));
    expect(collision).toHaveLength(1);
    expect(collision[0]).toMatch(/^\*\*Tue 24 Nov 2026, 07:40\*\*/);
    for (const outlet of OUTLETS) expect(collision[0]).toContain(outlet);
    const at = (words: string) => entries.findIndex((entry) => entry.includes(words));
    expect(at('Maritime Safety Board opened an investigation')).toBeGreaterThan(at('The collision happened'));
    expect(at('will reopen on Wednesday at 6am')).toBe(entries.length - 1);
    expect(entries[at('will reopen on Wednesday')]).toMatch(/^\*\*Wed 25 Nov 2026, 06:00\*\*/);
    expect(entries[at('will reopen on Wednesday')]).toContain('harbour-wire.example');
    expect(entries[at('will reopen on Wednesday')]).not.toContain('coastal-times.example');
    expect(embed.footer.text).toBe('From 5 articles by 5 outlets; times as the articles give them.');
  });

  it('on Discord, inside a digest thread: the story numbered there, and a question when the thread holds several', async () => {
    const bot = await platforms.discord(ALL);
    const { fake } = bot;
    fake.interact('digest', [{ name: 'now', type: SUBCOMMAND, options: [] }], { permissions: MEMBER_PERMISSIONS | MANAGE_CHANNELS });
    const created = await fake.waitFor((request) => /\/threads$/.test(request.path));
    const threadId = created.path.split('/')[4]!;
    await eventually(() => bot!.running.client.channels.cache.has(threadId), 'the digest thread in the cache');
    const digest = fake.messages.find((message) => message.id === threadId)!;
    const number = digest.embeds.findIndex((embed: { title?: string }) => embed.title?.includes('Merrow Star')) + 1;
    expect(number).toBeGreaterThan(0);

    const inThread = fake.interact('timeline', [], { channelId: threadId });
    const refused = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${inThread.token}`);
    expect(refused.body.embeds[0].description).toContain('This thread has 2 stories: name one, e.g. /timeline 2.');

    const numbered = fake.interact('timeline', [{ name: 'input', type: STRING, value: String(number) }], { channelId: threadId });
    const edit = await fake.editOf(numbered);
    expect(edit.body.embeds[0].title).toBe(`Timeline: ${ferryOutlets[0]!.title}`);
  });

  it('on Slack, by digest number', async () => {
    const harness = await platforms.slack(ALL);
    await postSigned(
      harness.eventsUrl,
      slashCommandBody({ command: '/newsdesk', text: 'digest now', user_id: 'U0ADMIN', response_url: harness.fake.responseUrl('now') }),
    );
    const digest = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('📰 News digest'));
    const number = /(\d)\. \*<[^|]+\|[^>]*Merrow Star/.exec(JSON.stringify(digest.args.blocks))?.[1];
    expect(number).toBeDefined();
    await postSigned(harness.eventsUrl, slashCommandBody({ command: '/timeline', text: number!, response_url: harness.fake.responseUrl('timeline') }));
    const posted = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('Timeline:'));
    const blocks = JSON.stringify(posted.args.blocks);
    expect(blocks.match(/The collision happened at 7.40am/g)).toHaveLength(1);
    expect(blocks).toContain('*Wed 25 Nov 2026, 06:00*');
    expect(blocks).toContain('<https://harbour-wire.example/dunmore/merrow-star|Harbour Wire>');
  });

  it('in the terminal chat: a story of one article shows its own timeline; unknown words get a short answer', async () => {
    const { session, printed, services } = chat({ clock: new ManualClock(NOW) });
    await seedChannel(services, CONSOLE_CHANNEL, ALL);
    await session.handleLine('/timeline ferry collides with cargo ship');
    expect(printed()).toContain('Tue 24 Nov 2026, 07:40: The collision happened at 7.40am');
    expect(printed()).toContain('(From 5 articles by 5 outlets');
    await session.handleLine('/timeline harbour dredging');
    expect(printed()).toMatch(/March 2027 +March: The work will start in March/);
    expect(printed()).not.toContain('P8W');
    await session.handleLine('/timeline volcanic ash cloud');
    expect(printed()).toContain('! I found no recent story matching “volcanic ash cloud”');
  });

  it('in the terminal chat: each timeline line names people in full, though the article used the surname', async () => {
    const { session, printed } = chat({ clock: new ManualClock(NOW) });
    const article = [
      'Aiko Morita, the engineer who designed the Tessel bridge, opened it to traffic on 23 November 2026.',
      'The bridge links the two halves of the town across the river Tessel.',
      'On 24 November 2026, Morita said that tolls would start in January 2027.',
    ].join(' ');
    await session.handleLine(`/timeline ${article}`);
    expect(printed()).toMatch(/Tue 24 Nov 2026 +24 November 2026: On 24 November 2026, Aiko Morita said that tolls/);
    expect(printed()).not.toMatch(/, Morita said/);
  });

  it('sorts and shows TimeML values as dates people read', () => {
    const values = ['2026-11-25T06:00', '2026-11-24TAF', '2026-W48', '2026-11-24T07:40', '2026-11', '2026-11-24TMO', '2027-Q1'];
    expect([...values].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([
      '2026-11',
      '2026-W48',
      '2026-11-24TMO',
      '2026-11-24T07:40',
      '2026-11-24TAF',
      '2026-11-25T06:00',
      '2027-Q1',
    ]);
    expect(formatValue('2026-11-24TAF')).toBe('Tue 24 Nov 2026, afternoon');
    expect(formatValue('2026-11-24T02:43Z')).toBe('Tue 24 Nov 2026, 02:43 UTC');
    expect(formatValue('2027-03')).toBe('March 2027');
  });
});

describe('a sentence of a story timeline dated twice', () => {
  const entry = (text: string, expression: string, value: string): TimelineEntry => {
    const start = text.indexOf(expression);
    return { text: expression, start, end: start + expression.length, type: 'DATE', value, event: text };
  };

  it('keeps the date of its own event, not the one inside a relative clause', () => {
    const text = 'The driver of the bus that crashed on Sunday has told police the brakes failed, officers said on Monday.';
    const entries = [entry(text, 'Sunday', '2026-11-22'), entry(text, 'Monday', '2026-11-23')];
    expect(mainClauseDates(text, entries).map((e) => e.value)).toEqual(['2026-11-23']);
  });

  it('keeps both dates when the second is reported, not described ("said on Tuesday that … on Friday")', () => {
    const text = 'The operator said on Tuesday that the line would reopen on Friday.';
    const entries = [entry(text, 'Tuesday', '2026-11-24'), entry(text, 'Friday', '2026-11-27')];
    expect(mainClauseDates(text, entries)).toHaveLength(2);
  });

  it('keeps the date of its own event, not the one inside a describing phrase between commas', () => {
    const text = 'The singer, a star of the 1950s, died on Tuesday at his home in Miami.';
    const entries = [entry(text, 'the 1950s', '195'), entry(text, 'Tuesday', '2026-11-24')];
    expect(mainClauseDates(text, entries).map((e) => e.value)).toEqual(['2026-11-24']);
    // An opening phrase with its own date is not a describing one.
    const opening = 'In a statement on Wednesday, the family said he died on Tuesday.';
    expect(mainClauseDates(opening, [entry(opening, 'Wednesday', '2026-11-25'), entry(opening, 'Tuesday', '2026-11-24')])).toHaveLength(2);
  });

  it('does not list a sentence under the date a figure is compared with', () => {
    const text = 'The firm reported a loss three weeks ago, narrower than a year earlier.';
    const entries = [entry(text, 'three weeks ago', '2026-W45'), entry(text, 'a year earlier', '2025')];
    expect(mainClauseDates(text, entries).map((e) => e.value)).toEqual(['2026-W45']);
  });

  it("does not list a sentence under the period a figure covers when it has the event's own date", () => {
    const text = 'The firm reported a third-quarter loss on Tuesday, its first in a decade.';
    const entries = [entry(text, 'a third-quarter', '2026-Q3'), entry(text, 'Tuesday', '2026-11-24')];
    expect(mainClauseDates(text, entries).map((e) => e.value)).toEqual(['2026-11-24']);
  });

  it('keeps a date inside a describing phrase when the sentence has only a duration besides', () => {
    const text = 'The singer, a star of the 1950s, sang for three hours at the hall.';
    const entries = [entry(text, 'the 1950s', '195'), { ...entry(text, 'three hours', 'PT3H'), type: 'DURATION' as const }];
    expect(mainClauseDates(text, entries).map((e) => e.value)).toEqual(['195', 'PT3H']);
  });

  it('keeps a date inside a relative clause when the sentence has no other', () => {
    const text = 'Crews inspected the bridge that closed on Sunday.';
    expect(mainClauseDates(text, [entry(text, 'Sunday', '2026-11-22')])).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { fitEmbed, packEmbeds, splitText, truncateAtWord } from '../../src/adapters/discord/limits.ts';
import { renderMessage } from '../../src/adapters/discord/render.ts';
import type { FeedStatusView, OutgoingMessage } from '../../src/core/messages.ts';
import { articleRef } from '../../src/core/messages.ts';
import { limitViolations, visibleText } from './discord-limits.ts';
import { fakeAnalysis, harbourArticle, longProse, orchardArticle, storyOf } from './fixtures.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function expectLegal(payloads: ReturnType<typeof renderMessage>): void {
  expect(payloads.length).toBeGreaterThan(0);
  for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
}

describe('splitText', () => {
  it('splits long prose into chunks within the limit without losing or cutting a word', () => {
    const text = longProse(400);
    const chunks = splitText(text, 4096);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(4096);
    expect(chunks.flatMap(words)).toEqual(words(text));
  });

  it('prefers paragraph, then sentence boundaries', () => {
    const text = `${'First paragraph sentence one. '.repeat(20).trim()}\n\n${'Second paragraph here. '.repeat(20).trim()}`;
    const chunks = splitText(text, 700);
    expect(chunks[0]!.endsWith('one.')).toBe(true);
    expect(chunks[1]!.startsWith('Second')).toBe(true);
    const sentences = splitText('Alpha beta gamma. '.repeat(30), 100);
    for (const chunk of sentences) expect(chunk.endsWith('.')).toBe(true);
  });

  it('cuts a single word longer than the limit only where it must, never inside an emoji', () => {
    const url = `https://example.org/${'a'.repeat(2500)}`;
    const chunks = splitText(`see ${url}`, 1024);
    expect(chunks[0]).toBe('see');
    expect(chunks.join('')).toBe(`see${url}`);
    const emoji = '😀'.repeat(600);
    const parts = splitText(emoji, 1001);
    for (const part of parts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(parts.join('')).toBe(emoji);
  });

  it('truncates titles at a word boundary with an ellipsis', () => {
    const title = truncateAtWord(longProse(20), 256);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(longProse(20).replace(/\s+/g, ' ').startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).not.toMatch(/\s$/);
  });
});

describe('fitEmbed and packEmbeds', () => {
  it('splits an oversized embed into legal embeds and messages, keeping every word', () => {
    const description = longProse(600, 'memo');
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `Field ${i + 1}`, value: longProse(i % 5 === 0 ? 40 : 2, `f${i}`) }));
    const embeds = fitEmbed({ title: 'A very long report', description, fields, footer: 'footer text', color: 1 });
    const payloads = packEmbeds([embeds], 'header');
    expectLegal(payloads);
    expect(payloads[0]!.content).toBe('header');
    const all = payloads.flatMap((payload) => payload.embeds);
    expect(all[0]!.title).toBe('A very long report');
    expect(all.at(-1)!.footer?.text).toBe('footer text');
    expect(all.flatMap((embed) => words(embed.description ?? ''))).toEqual(words(description));
    const values = all.flatMap((embed) => embed.fields ?? []).map((field) => field.value);
    expect(values.flatMap(words)).toEqual(fields.flatMap((field) => words(field.value)));
  });

  it('keeps a group in one message when it fits there', () => {
    const small = (n: number) => fitEmbed({ title: `Story ${n}`, description: longProse(12, `s${n}`) });
    const payloads = packEmbeds([small(1), small(2), small(3), small(4), small(5), small(6), small(7)]);
    expectLegal(payloads);
    const titles = payloads.map((payload) => payload.embeds.map((embed) => embed.title));
    expect(titles.flat()).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4', 'Story 5', 'Story 6', 'Story 7']);
  });
});

describe('renderMessage', () => {
  const analysis = fakeAnalysis(harbourArticle, {
    summary: [{ text: 'The town of Port Elwin opened its new harbour bridge on Friday.' }, { text: 'The bridge cost 42 million euros.' }],
    tags: { people: ['Ilse Varga'], organizations: [], places: ['Port Elwin'], topics: ['infrastructure'] },
    quotes: [
      { text: 'This bridge joins the two halves of our town for the first time in a century,', start: 1, end: 80, speaker: 'Ilse Varga' },
      { text: 'Cars cross from Monday.', start: 100, end: 123, speaker: 'Ilse Varga' },
      { text: 'We will miss the crossing', start: 300, end: 325, speaker: null },
    ],
    timeline: [{ text: 'March 2022', start: 0, end: 1, type: 'DATE', value: '2022-03', event: 'Work began in March 2022.' }],
  });

  it('renders a summary as a linked embed with tags and the engine', () => {
    const [payload] = renderMessage({ kind: 'analysis', view: 'summary', article: articleRef(harbourArticle), analysis });
    const embed = payload!.embeds[0]!;
    expect(embed.title).toBe(harbourArticle.title);
    expect(embed.url).toBe(harbourArticle.url);
    expect(embed.author?.name).toBe('Elwin Herald');
    expect(embed.description).toContain('• The bridge cost 42 million euros.');
    expect(embed.fields?.map((field) => field.name)).toEqual(['People', 'Places', 'Topics']);
    expect(embed.footer?.text).toBe('Summary · embedded engine v1');
    expect(embed.timestamp).toBe('2026-03-14T09:30:00.000Z');
  });

  it('renders quotes with their speakers and a timeline with its dates as a reader says them', () => {
    const quotes = renderMessage({ kind: 'analysis', view: 'quotes', article: articleRef(harbourArticle), analysis })[0]!.embeds[0]!;
    expect(quotes.title).toBe(`Quotes: ${harbourArticle.title}`);
    // Words the attribution interrupts ("…in a century," Varga said. "Cars cross …") are one quote.
    expect(quotes.description).toContain(
      '> “This bridge joins the two halves of our town for the first time in a century. Cars cross from Monday.”\n— **Ilse Varga**',
    );
    expect(quotes.description).toContain('— *unattributed*');
    const timeline = renderMessage({ kind: 'analysis', view: 'timeline', article: articleRef(harbourArticle), analysis })[0]!.embeds[0]!;
    expect(timeline.description).toBe('**March 2022** · “March 2022”\nWork began in March 2022.');
  });

  it('escapes markdown that comes from an article', () => {
    const article = { ...harbourArticle, title: 'Mayor says **no** to _more_ `ferries`' };
    const embed = renderMessage({ kind: 'analysis', view: 'summary', article: articleRef(article), analysis })[0]!.embeds[0]!;
    expect(embed.title).toBe('Mayor says \\*\\*no\\*\\* to \\_more\\_ \\`ferries\\`');
  });

  it('quotes the cited sentence of an answer, and says so when there is none', () => {
    const citation = { text: 'The bridge cost 42 million euros.', start: 10, end: 43 };
    const answered: OutgoingMessage = {
      kind: 'answer',
      question: 'How much did the bridge cost?',
      answer: { articleId: harbourArticle.id, citation, text: citation.text, engine: { name: 'embedded', version: '1' } },
      article: articleRef(harbourArticle),
    };
    const embed = renderMessage(answered)[0]!.embeds[0]!;
    expect(embed.title).toBe('Q: How much did the bridge cost?');
    expect(embed.description).toBe('> The bridge cost 42 million euros.');
    expect(embed.fields?.[0]?.value).toBe(`[${harbourArticle.title}](${harbourArticle.url})`);
    const llm = renderMessage({
      ...answered,
      answer: { articleId: 'x', citation, text: '42 million euros.', engine: { name: 'llm', version: '1', model: 'small-model' } },
    } as OutgoingMessage);
    expect(llm[0]!.embeds[0]!.description).toBe('42 million euros.\n\n**From the article:**\n> The bridge cost 42 million euros.');
    expect(llm[0]!.embeds[0]!.footer?.text).toBe('by small-model');
    const none = renderMessage({ kind: 'answer', question: 'Who won?', answer: null })[0]!.embeds[0]!;
    expect(none.description).toMatch(/don't answer that/);
  });

  it('splits a long digest over several legal messages, every story once and in order', () => {
    const stories = Array.from({ length: 30 }, (_, i) => {
      const article = { ...orchardArticle, id: `a${i}`, title: `Story number ${i + 1} about the valley` };
      return storyOf(
        article,
        fakeAnalysis(article, {
          summary: [{ text: longProse(10, `story${i}`) }],
          tags: { people: ['Anja Lind'], organizations: ['Growers association'], places: ['Vell'], topics: ['farming'] },
        }),
        1 + (i % 4),
      );
    });
    const payloads = renderMessage({ kind: 'digest', digest: { channelId: 'c', createdAt: '2026-09-03T08:00:00Z', stories } });
    expectLegal(payloads);
    expect(payloads.length).toBeGreaterThan(2);
    expect(payloads[0]!.content).toBe('📰 **News digest**: 30 new stories');
    expect(payloads[1]!.content).toBe('📰 **News digest**, continued (2)');
    const titles = payloads.flatMap((payload) => payload.embeds.map((embed) => embed.title)).filter(Boolean);
    expect(titles).toEqual(stories.map((story, i) => `${i + 1}. ${story.title}`));
    expect(visibleText(payloads[0]!)).toContain(
      'Covered by 2 outlets: [Outlet 1](https://outlet1.example.com/a1) · [Outlet 2](https://outlet2.example.com/a1)',
    );
  });

  it('labels a digest part and says when there is nothing new', () => {
    const part = renderMessage({ kind: 'digest', digest: { channelId: 'c', createdAt: 'x', stories: [storyOf(harbourArticle, analysis)] }, part: 2, parts: 3 });
    expect(part[0]!.content).toBe('📰 **News digest** (part 2 of 3): 1 new story');
    const empty = renderMessage({ kind: 'digest', digest: { channelId: 'c', createdAt: 'x', stories: [] } });
    expect(empty[0]!.embeds[0]!.description).toBe('No new stories since the last digest.');
  });

  it('shows feed health and splits more than 25 feeds over embeds', () => {
    const feeds: FeedStatusView[] = Array.from({ length: 40 }, (_, i) => ({
      id: `f${i}`,
      title: `Feed ${i + 1}`,
      url: `https://feeds.example.org/${i}.xml`,
      lastSuccessAt: '2026-03-14T09:00:00Z',
      consecutiveFailures: i === 3 ? 2 : 0,
      lastError: i === 3 ? 'HTTP 503' : undefined,
    }));
    const payloads = renderMessage({ kind: 'feeds', feeds });
    expectLegal(payloads);
    const fields = payloads.flatMap((payload) => payload.embeds.flatMap((embed) => embed.fields ?? []));
    expect(fields).toHaveLength(40);
    expect(fields[3]!.name).toBe('⚠️ Feed 4');
    expect(fields[3]!.value).toContain('failing 2× in a row: HTTP 503');
    expect(fields[0]!.value).toBe('https://feeds.example.org/0.xml\nlast read <t:1773478800:R>');
    expect(renderMessage({ kind: 'feeds', feeds: [] })[0]!.embeds[0]!.description).toMatch(/No feeds/);
  });

  it('lists help entries and marks the ones that need Manage Channels', () => {
    const payloads = renderMessage({
      kind: 'help',
      entries: [
        { usage: '/summary [input]', description: 'Summarise', manage: false },
        { usage: '/feeds add <url>', description: 'Follow a feed', manage: true },
      ],
    });
    expect(payloads[0]!.embeds[0]!.fields?.map((field) => field.name)).toEqual(['/summary [input]', '🔒 /feeds add <url>']);
  });

  it('renders a very long text message over several embeds', () => {
    const text = longProse(120, 'notice');
    const payloads = renderMessage({ kind: 'text', text, tone: 'warning' });
    expectLegal(payloads);
    const all = payloads.flatMap((payload) => payload.embeds);
    expect(all.length).toBeGreaterThan(1);
    expect(all.flatMap((embed) => words(embed.description ?? ''))).toEqual(words(text));
  });

  it('never posts more than 5 messages for one reply, and says where it cut', () => {
    const text = longProse(3000, 'notice');
    const payloads = renderMessage({ kind: 'text', text });
    expectLegal(payloads);
    expect(payloads).toHaveLength(5);
    expect(payloads[4]!.content).toMatch(/Cut here: the rest was too long to post \(\d+ more messages\)/);
  });

  it('cuts a 1 MB feed title to one field name in /feeds list, and a notice quoting it to 5 messages', () => {
    const huge = 'Elwin '.repeat(175_000);
    const feeds: FeedStatusView[] = [{ id: 'f', title: huge, url: 'https://feeds.example.org/x.xml', consecutiveFailures: 1, lastError: huge }];
    const listed = renderMessage({ kind: 'feeds', feeds });
    expectLegal(listed);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.embeds[0]!.fields![0]!.name).toMatch(/^✅ Elwin.*Elwin…$|^⚠️ Elwin.*Elwin…$/);
    const added = renderMessage({ kind: 'text', text: `Added the feed ${huge} to this channel.`, tone: 'success' });
    expectLegal(added);
    expect(added.length).toBeLessThanOrEqual(5);
  });

  it('renders a digest story with a 400 KB title and summary in one message', () => {
    const title = 'Harbour '.repeat(50_000);
    const story = storyOf(
      { ...harbourArticle, title },
      fakeAnalysis(harbourArticle, {
        summary: [{ text: longProse(2000), start: 0, end: 1 }],
        tags: { people: Array.from({ length: 500 }, (_, i) => `Person ${i}`), organizations: [], places: [], topics: [] },
      }),
    );
    const payloads = renderMessage({ kind: 'digest', digest: { channelId: 'c', createdAt: 'x', stories: [{ ...story, title }] } });
    expectLegal(payloads);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]!.embeds[0]!.title!.endsWith('Harbour…')).toBe(true);
  });

  it('escapes masked links and autolinks from article text so they show as plain text', () => {
    const article = { ...harbourArticle, title: 'Read the [Official statement](http://evil.example) now' };
    const analysis = fakeAnalysis(harbourArticle, {
      summary: [{ text: 'See [Official statement](http://evil.example) and <http://evil.example/x> or \\[x](http://evil.example).', start: 0, end: 1 }],
    });
    const embed = renderMessage({ kind: 'analysis', view: 'summary', article: articleRef(article), analysis })[0]!.embeds[0]!;
    expect(embed.title).toBe('Read the \\[Official statement\\](http://evil.example) now');
    expect(embed.description).toBe('• See \\[Official statement\\](http://evil.example) and \\<http://evil.example/x> or \\\\\\[x\\](http://evil.example).');
    // No unescaped "[" is left anywhere: every one is preceded by an odd number of backslashes.
    for (const text of [embed.title!, embed.description!]) {
      for (const match of text.matchAll(/(\\*)[[<]/g)) expect(match[1]!.length % 2).toBe(1);
    }
  });

  it('strips terminal escapes and bidi overrides from titles and text', () => {
    const article = { ...harbourArticle, title: 'Bridge \u001b[2J\u001b]0;pwned\u0007opens \u202Edaeh\u202C' };
    const analysis = fakeAnalysis(harbourArticle, { summary: [{ text: 'Traffic \u001b[31mflows\u001b[0m again.', start: 0, end: 1 }] });
    const embed = renderMessage({ kind: 'analysis', view: 'summary', article: articleRef(article), analysis })[0]!.embeds[0]!;
    expect(embed.title).toBe('Bridge opens daeh');
    expect(embed.description).toBe('• Traffic flows again.');
  });
});

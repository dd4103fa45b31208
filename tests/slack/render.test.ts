import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/adapters/slack/render.ts';
import { escapeText, link, plainFromMrkdwn, splitMrkdwn } from '../../src/adapters/slack/mrkdwn.ts';
import type { OutgoingMessage } from '../../src/core/messages.ts';
import { ARTICLE, HOSTILE, allText, analysis, digest, expectNoStrayMarkup, expectWithinSlackLimits, story, textsOf } from './fixtures.ts';

describe('slack mrkdwn escaping', () => {
  it('turns channel pings, user mentions, links and & < > into plain text', () => {
    const escaped = escapeText(HOSTILE);
    expect(escaped).toContain('&lt;!channel&gt;');
    expect(escaped).toContain('&lt;!here&gt;');
    expect(escaped).toContain('&lt;@U0BOSS&gt;');
    expect(escaped).toContain(' &amp; ');
    expect(escaped).not.toMatch(/<|>/);
    expectNoStrayMarkup(escaped);
  });

  it('leaves no formatting characters that Slack would pair into bold, italics, strikes or code', () => {
    const escaped = escapeText('*bold* _italic_ ~strike~ `code`');
    expect(escaped).not.toMatch(/[*_~`]/);
    // The words themselves stay readable.
    expect(escaped).toMatch(/bold.*italic.*strike.*code/);
  });

  it('keeps a line that starts with ">" from becoming a quote', () => {
    expect(escapeText('> not a quote').startsWith('&gt;')).toBe(false);
  });

  it('builds links with escaped labels and refuses non-http targets', () => {
    expect(link('https://a.example/x?a=1&b=2', 'A <b>')).toBe('<https://a.example/x?a=1&amp;b=2|A &lt;b&gt;>');
    expect(link('https://a.example/p|q', 'x')).toBe('<https://a.example/p%7Cq|x>');
    expect(link('javascript:alert(1)', 'click')).toBe('click');
  });

  it('splits long text without cutting an entity or a link', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i} &amp; <https://x.example/${i}|link ${i}>`).join(' ');
    const pieces = splitMrkdwn(text, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&(?!amp;)|&amp(?!;)/);
      expect((piece.match(/</g) ?? []).length).toBe((piece.match(/>/g) ?? []).length);
    }
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text);
  });

  it('reads a follow-up question typed in Slack back as plain words', () => {
    expect(plainFromMrkdwn('<@U0BOT> when did &lt;it&gt; happen at <https://x.example|the port> &amp; <#C1|news>?')).toBe(
      'when did <it> happen at the port & #news?',
    );
  });
});

describe('slack rendering of every neutral message', () => {
  const cases: [string, OutgoingMessage][] = [
    ['text', { kind: 'text', tone: 'warning', text: `Could not read ${HOSTILE}` }],
    ['summary', { kind: 'analysis', view: 'summary', article: { ...ARTICLE, title: HOSTILE }, analysis: analysis({ summary: [{ text: HOSTILE }] }) }],
    [
      'quotes',
      { kind: 'analysis', view: 'quotes', article: ARTICLE, analysis: analysis({ quotes: [{ text: HOSTILE, start: 0, end: 1, speaker: '<@U0BOSS>' }] }) },
    ],
    ['timeline', { kind: 'analysis', view: 'timeline', article: ARTICLE, analysis: analysis() }],
    [
      'answer',
      {
        kind: 'answer',
        question: HOSTILE,
        answer: { articleId: 'a1', citation: { text: HOSTILE, start: 0, end: 5 }, text: HOSTILE, engine: { name: 'embedded', version: '1' } },
        article: ARTICLE,
      },
    ],
    ['no answer', { kind: 'answer', question: 'Who won?', answer: null }],
    ['digest', { kind: 'digest', digest: digest([story(1), { ...story(2), title: HOSTILE }]) }],
    ['empty digest', { kind: 'digest', digest: digest([]) }],
    [
      'feeds',
      {
        kind: 'feeds',
        feeds: [
          {
            id: 'f1',
            title: 'Island Gazette',
            url: 'https://news.example.com/rss',
            lastSuccessAt: '2026-02-03T08:00:00Z',
            nextPollAt: '2026-02-03T08:15:00Z',
            consecutiveFailures: 0,
          },
          {
            id: 'f2',
            title: HOSTILE,
            url: 'https://broken.example.org/feed',
            lastError: 'HTTP 503 <!channel>',
            lastErrorAt: '2026-02-03T08:05:00Z',
            consecutiveFailures: 3,
          },
        ],
      },
    ],
    ['no feeds', { kind: 'feeds', feeds: [] }],
    [
      'help',
      {
        kind: 'help',
        entries: [
          { usage: '/summary [input] [sentences:…]', description: 'Summarise', manage: false },
          { usage: '/feeds add <url>', description: 'Follow a feed', manage: true },
        ],
      },
    ],
  ];

  it.each(cases)('renders %s within Slack limits with nothing unescaped', (_name, message) => {
    const rendered = renderMessage(message);
    expectWithinSlackLimits(rendered);
    expect(allText(rendered)).not.toContain('<!channel>');
    expect(allText(rendered)).not.toContain('<@U0BOSS>');
  });

  it('shows a summary with its title, source link, sentences and tags', () => {
    const [message] = renderMessage({ kind: 'analysis', view: 'summary', article: ARTICLE, analysis: analysis() });
    const text = allText([message!]);
    expect(message!.blocks[0]).toMatchObject({ type: 'header', text: { text: ARTICLE.title } });
    expect(text).toContain('<https://news.example.com/ferry-gozo?ref=rss&amp;utm=1|Island Gazette>');
    expect(text).toContain('• The ferry between Malta and Gozo sailed again on Tuesday');
    expect(text).toContain('*People* Maria Borg');
    expect(text).toContain('*Places* Gozo, Malta');
  });

  it('shows quotes with their speakers and timeline entries with their dates as a reader says them', () => {
    const quotes = allText(renderMessage({ kind: 'analysis', view: 'quotes', article: ARTICLE, analysis: analysis() }));
    expect(quotes).toContain('“We are back on schedule”\n— *Maria Borg*');
    const timeline = allText(renderMessage({ kind: 'analysis', view: 'timeline', article: ARTICLE, analysis: analysis() }));
    expect(timeline).toContain('*Tue 3 Feb 2026* “Tuesday”');
  });

  it('cites the article an answer comes from', () => {
    const text = allText(renderMessage(cases[4]![1]));
    expect(text).toContain('From <https://news.example.com/ferry-gozo?ref=rss&amp;utm=1|Ferry service to Gozo resumes after storm>');
  });

  it('lists a digest’s stories with their outlets and tags', () => {
    const text = allText(renderMessage({ kind: 'digest', digest: digest([story(1)]) }));
    expect(text).toContain('1. *<https://news.example.com/story-1|Council approves waterfront plan 1>*');
    expect(text).toContain('Covered by 2 outlets: <https://news.example.com|Island Gazette>, <https://harbour.example.org|Harbour Times>');
    expect(text).toContain('*Organisations* Gozo Channel Line');
  });

  it('numbers a later part’s stories on from the earlier parts', () => {
    const text = allText(renderMessage({ kind: 'digest', digest: digest([story(1), story(2)]), part: 2, parts: 2, firstNumber: 11 }));
    expect(text).toContain('11. *<https://news.example.com/story-1|');
    expect(text).toContain('12. *<https://news.example.com/story-2|');
    expect(text).toContain('(part 2 of 2)');
  });

  it('splits a long digest over several messages, every story once and in order', () => {
    const stories = Array.from({ length: 70 }, (_, i) => story(i + 1, 4));
    const rendered = renderMessage({ kind: 'digest', digest: digest(stories) }, { thread: true });
    expect(rendered.length).toBeGreaterThan(2);
    expectWithinSlackLimits(rendered);
    const titles = rendered
      .flatMap((message) => message.blocks.flatMap(textsOf))
      .flatMap((text) => [...text.matchAll(/waterfront plan (\d+)>/g)].map((m) => Number(m[1])));
    expect(titles).toEqual(stories.map((_, i) => i + 1));
    expect(allText(rendered.slice(1, 2))).toContain('News digest, continued (2/');
    // The thread hint closes the last message only.
    expect(allText(rendered.slice(-1))).toContain('Reply in this thread');
    expect(allText(rendered.slice(0, -1))).not.toContain('Reply in this thread');
  });

  it('cuts a summary longer than a section into several sections', () => {
    const long = Array.from({ length: 360 }, (_, i) => `clause${i}`).join(' ');
    const rendered = renderMessage({ kind: 'analysis', view: 'summary', article: ARTICLE, analysis: analysis({ summary: [{ text: long }] }) });
    expectWithinSlackLimits(rendered);
    const sections = rendered.flatMap((message) => message.blocks).filter((block) => block.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    expect(allText(rendered)).toContain('clause359');
  });

  it('truncates a very long title to the header limit', () => {
    const [message] = renderMessage({ kind: 'analysis', view: 'summary', article: { ...ARTICLE, title: 'T'.repeat(400) }, analysis: analysis() });
    const header = message!.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.type === 'header' && header.text.text.endsWith('…')).toBe(true);
  });

  it('names commands the way Slack types them in help and hints', () => {
    const invocation = (name: string) => (name === 'feeds' ? '/newsdesk feeds' : `/${name}`);
    const help = allText(renderMessage(cases[10]![1], { invocation }));
    expect(help).toContain('`/newsdesk feeds add &lt;url&gt;`');
    expect(help).toContain('`/summary [input] [sentences:…]`');
    const hint = allText(renderMessage({ kind: 'text', text: 'Run /feeds add first, see https://x.example/feeds' }, { invocation }));
    expect(hint).toContain('Run /newsdesk feeds add first');
    expect(hint).toContain('https://x.example/feeds');
  });
});

describe('slack rendering of hostile sizes and text', () => {
  const huge = 'Elwin '.repeat(175_000);

  it('never posts more than 5 messages for one reply, and says where it cut', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of a very long notice.`).join('\n');
    const rendered = renderMessage({ kind: 'text', text });
    expectWithinSlackLimits(rendered);
    expect(rendered).toHaveLength(5);
    expect(allText(rendered.slice(4))).toMatch(/Cut here: the rest was too long to post \(\d+ more messages\)/);
  });

  it('lists a feed with a 1 MB title in one message, its name cut', () => {
    const rendered = renderMessage({
      kind: 'feeds',
      feeds: [{ id: 'f', title: huge, url: 'https://feeds.example.org/x.xml', consecutiveFailures: 2, lastError: huge }],
    });
    expectWithinSlackLimits(rendered);
    expect(rendered).toHaveLength(1);
    expect(allText(rendered).length).toBeLessThan(6_000);
    const notice = renderMessage({ kind: 'text', text: `Added the feed ${huge}.`, tone: 'success' });
    expect(notice.length).toBeLessThanOrEqual(5);
  });

  it('renders a digest story with a 400 KB title in one message', () => {
    const big = { ...story(1), title: 'Harbour '.repeat(50_000) };
    const rendered = renderMessage({ kind: 'digest', digest: digest([big]) });
    expectWithinSlackLimits(rendered);
    expect(rendered).toHaveLength(1);
    expect(allText(rendered)).toContain('Harbour…');
  });

  it('cannot form a <url|label> link or a ping from article text', () => {
    const text = 'Read <http://evil.example|Official statement> and <!channel> [x](http://evil.example)';
    const escaped = escapeText(text);
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toContain('&lt;http://evil.example|Official statement&gt;');
    expect(link('https://ok.example', 'a>b|<http://evil.example|c>')).toBe('<https://ok.example|a&gt;b|&lt;http://evil.example|c&gt;>');
  });

  it('strips terminal escapes and bidi overrides from titles and text', () => {
    expect(escapeText('Bridge \u001b[2J\u001b]0;pwned\u0007opens \u202Edaeh\u202C')).toBe('Bridge opens daeh');
    const [message] = renderMessage({ kind: 'analysis', view: 'summary', article: { ...ARTICLE, title: 'A\u001b[31mB\u2066C' }, analysis: analysis() });
    const header = message!.blocks[0]!;
    expect(header.type === 'header' && header.text.text).toBe('ABC');
  });
});

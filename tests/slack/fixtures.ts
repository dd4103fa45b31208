import type { ArticleRef } from '../../src/core/messages.ts';
import type { Analysis, Digest, Story } from '../../src/core/types.ts';
import type { SlackBlock, SlackMessage } from '../../src/adapters/slack/blocks.ts';
import { expect } from 'vitest';

// Neutral data written for these tests (fiction), and the checks every rendered Slack message must pass.

/** Text that would ping the whole channel or break formatting if it reached Slack unescaped. */
export const HOSTILE = 'Alert <!channel> and <!here> and <@U0BOSS> & <https://evil.example|click> *all* _of_ ~us~ `now` > 5';

export const ARTICLE: ArticleRef = {
  id: 'a1',
  title: 'Ferry service to Gozo resumes after storm',
  url: 'https://news.example.com/ferry-gozo?ref=rss&utm=1',
  siteName: 'Island Gazette',
  publishedAt: '2026-02-03T07:45:00Z',
};

export function analysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    articleId: 'a1',
    contentHash: 'hash-a1',
    engine: { name: 'embedded', version: '1' },
    summary: [
      { text: 'The ferry between Malta and Gozo sailed again on Tuesday after two days of storms.', start: 0, end: 82 },
      { text: 'The operator said the first crossing left Ċirkewwa at 6am.', start: 83, end: 142 },
    ],
    tags: { people: ['Maria Borg'], organizations: ['Gozo Channel Line'], places: ['Gozo', 'Malta'], topics: ['transport'] },
    quotes: [{ text: 'We are back on schedule', start: 150, end: 173, speaker: 'Maria Borg' }],
    timeline: [{ text: 'Tuesday', start: 40, end: 47, type: 'DATE', value: '2026-02-03', event: 'The ferry sailed again on Tuesday.' }],
    ...overrides,
  };
}

export function story(index: number, summaryLength = 1): Story {
  const sentence = `Story ${index} reports that the council approved plan number ${index} for the waterfront after a long debate.`;
  return {
    id: `s${index}`,
    title: `Council approves waterfront plan ${index}`,
    articles: [{ id: `art${index}`, text: sentence, url: `https://news.example.com/story-${index}`, title: `Council approves waterfront plan ${index}` }],
    analysis: analysis({ articleId: `art${index}`, summary: Array.from({ length: summaryLength }, () => ({ text: sentence })) }),
    sources: [
      { name: 'Island Gazette', url: 'https://news.example.com' },
      { name: 'Harbour Times', url: 'https://harbour.example.org' },
    ],
    firstSeenAt: '2026-02-03T08:00:00Z',
  };
}

export function digest(stories: Story[]): Digest {
  return { channelId: 'C0NEWS', createdAt: '2026-02-03T09:00:00Z', stories };
}

export function textsOf(block: SlackBlock): string[] {
  switch (block.type) {
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)];
    case 'context':
      return block.elements.map((element) => ('text' in element ? element.text : ''));
    case 'header':
      return [block.text.text];
    default:
      return [];
  }
}

export function allText(messages: SlackMessage[]): string {
  return messages.flatMap((message) => [message.text, ...message.blocks.flatMap(textsOf)]).join('\n');
}

/** Slack's limits and our safety rules, checked on every rendered message. */
export function expectWithinSlackLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.length).toBeGreaterThan(0);
    let total = 0;
    for (const block of message.blocks) {
      const texts = textsOf(block);
      total += texts.reduce((sum, text) => sum + text.length, 0);
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
        expect(block.text?.type === 'mrkdwn' ? block.text.verbatim : true).toBe(true);
      }
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const text of texts) expect(text.length).toBeGreaterThan(0);
    }
    expect(total).toBeLessThan(12_000);
    // Header text is plain_text, which Slack never parses; everything else is mrkdwn.
    const mrkdwn = message.blocks.filter((block) => block.type !== 'header').flatMap(textsOf);
    for (const text of [message.text, ...mrkdwn]) expectNoStrayMarkup(text);
    for (const block of message.blocks) if (block.type === 'header') expect(block.text.type).toBe('plain_text');
  }
}

/** The only angle brackets left are our own links, dates and quote marks; no mention or ping survives. */
export function expectNoStrayMarkup(text: string): void {
  const withoutOwn = text
    .replace(/<https?:\/\/[^|>\s]+\|[^<>]*>/g, '')
    .replace(/<!date\^\d+\^[^|>]+\|[^<>]*>/g, '')
    .replace(/^> /gm, '');
  expect(withoutOwn).not.toMatch(/[<>]/);
  expect(withoutOwn).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

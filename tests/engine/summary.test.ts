import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/sentences.ts';
import { candidateSentences, sentenceFeatures, summarize } from '../../src/engine/summary.ts';
import { readFileSync } from 'node:fs';
import { parseFeed } from '../../src/ingest/feeds.ts';

// Fiction written for these tests.
const ARTICLE = `By Tomas Ekdahl, Staff Reporter

Published: 09:14 GMT, 3 March 2026 | Updated: 11:02 GMT, 3 March 2026

The regional water board approved a plan on Monday to build a desalination plant that will supply drinking water to 40,000 homes in the drought-hit Serra valley.

The plant, to be built on the coast near the fishing town of Porto Alba, will cost about 180 million euros and should open in 2029, the board said.

Board chair Marta Quintela said the valley's reservoirs had fallen to a fifth of their capacity after three dry winters.

"We cannot keep trucking water into villages every summer," she said.

Farmers' groups welcomed the decision but asked for a share of the water for irrigation.

Environmental campaigners warned that the brine released by the plant could harm sea grass beds near Porto Alba.

The board said it would publish an environmental study before construction begins.

Scroll down for video.

Click here to sign up for our newsletter.`;

describe('summarize', () => {
  it('returns the requested number of sentences in article order with exact offsets', () => {
    for (const n of [1, 2, 3, 4]) {
      const summary = summarize(ARTICLE, { sentences: n });
      expect(summary).toHaveLength(n);
      for (let i = 0; i < summary.length; i++) {
        const s = summary[i]!;
        expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
        if (i > 0) expect(s.start).toBeGreaterThan(summary[i - 1]!.start);
      }
    }
    expect(summarize(ARTICLE)).toHaveLength(3);
  });

  it('prefers the informative sentences over the byline, the dates line and page furniture', () => {
    const summary = summarize(ARTICLE).map((s) => s.text);
    expect(summary.join(' ')).not.toMatch(/By Tomas|Published:|Scroll down|Click here/);
    expect(summary).toContain(
      'The regional water board approved a plan on Monday to build a desalination plant that will supply drinking water to 40,000 homes in the drought-hit Serra valley.',
    );
  });

  it('ranks the same sentences whether or not the text has capitals', () => {
    const plain = ARTICLE.replace(/By Tomas[^\n]*\n\n/, '').replace(/Published:[^\n]*\n\n/, '');
    const lower = plain.toLowerCase();
    const index = (text: string) => {
      const starts = splitSentences(text).map((s) => s.start);
      return summarize(text).map((s) => starts.indexOf(s.start));
    };
    expect(splitSentences(lower)).toHaveLength(splitSentences(plain).length);
    expect(index(lower)).toEqual(index(plain));
  });

  it('handles empty and short texts', () => {
    expect(summarize('')).toEqual([]);
    expect(summarize('   ')).toEqual([]);
    expect(summarize(ARTICLE, { sentences: 0 })).toEqual([]);
    const two = 'The ferry left at noon. It reached the island an hour later.';
    expect(summarize(two)).toEqual(splitSentences(two));
    expect(summarize('A single line without a stop')).toEqual([{ text: 'A single line without a stop', start: 0, end: 28 }]);
  });

  it('uses the title to pick the sentences that go with the lead', () => {
    const text =
      'The council met on Tuesday evening. Members discussed the annual budget for parks. ' +
      'A new library will open in the old post office next year. Residents asked about parking fees. ' +
      'The meeting ended at nine.';
    const withTitle = summarize(text, { sentences: 2, title: 'New library to open in old post office' });
    expect(withTitle.map((s) => s.text)).toEqual(['The council met on Tuesday evening.', 'A new library will open in the old post office next year.']);
  });
});

describe('summary sentences and quotations', () => {
  it('never starts a summary sentence in the middle of a quotation', () => {
    const text = [
      'BRUSSELS — Regulators fined the streaming service Kivo 85 million euros on Tuesday for making it too hard for customers to cancel their subscriptions.',
      '"Signing up took one click. Leaving Kivo took ten minutes of screens, offers and warnings before any cancel button appeared," Consumer Commissioner Marta Kowal told reporters in Brussels.',
      'Kivo said it would appeal against the fine.',
      'The company has 60 days to offer one-step cancellation in every member state.',
    ].join('\n\n');
    const picked = summarize(text, { sentences: 3 });
    expect(picked).toHaveLength(3);
    for (const sentence of picked) expect(sentence.text.startsWith('Leaving')).toBe(false);
  });

  it('never picks a paragraph that reopens the quote of the paragraph before: its speaker is not in it', () => {
    const text = [
      'Ministers will close 162 advisory bodies by the end of next year to save money, the Treasury said on Monday.',
      'Treasury minister Alma Reyes said: "These bodies cost far more than they return to the people who pay for them.',
      '"We will axe 162 of them, and the savings of 900 million pounds will pay for two new hospitals in the north."',
      'Unions said about 4,000 jobs would go in the cuts.',
      'The opposition called the plan a gimmick.',
    ].join('\n\n');
    const picked = summarize(text, { sentences: 3, title: 'Ministers to close 162 advisory bodies' });
    expect(picked).toHaveLength(3);
    expect(picked[0]!.text.startsWith('Ministers will close')).toBe(true);
    for (const sentence of picked) expect(sentence.text.startsWith('"We will axe')).toBe(false);
  });
});

describe('summaries of wire stories', () => {
  it('keeps a datelined lead ("TOKYO (Agency) — …") even when other sentences score higher', () => {
    const items = parseFeed(readFileSync('demo/feed.xml', 'utf8'), 'application/rss+xml').items;
    const launch = items.find((item) => item.title?.startsWith('Japan launches'))!;
    const picked = summarize(launch.text, { title: launch.title });
    expect(picked).toHaveLength(3);
    expect(picked[0]!.text.startsWith('TOKYO (Newsdesk Wire) —')).toBe(true);
  });
});

describe('sentence cue features', () => {
  // FEATURE_NAMES: 30 caption, 31 boilerplate, 32 question, 33 attribution.
  const cue = (text: string, index: number) => {
    const spans = [{ text, start: 0, end: text.length }];
    return sentenceFeatures(spans).features[0]![index]!;
  };

  it('finds the cue words in any case, and only as whole words', () => {
    expect(cue('The mayor SAID the bridge would reopen.', 33)).toBe(1);
    expect(cue('According to the mayor, the bridge reopens in May.', 33)).toBe(1);
    expect(cue('The mayor saidthat the bridge would reopen.', 33)).toBe(0);
    expect(cue('The mayor spoke about the bridge.', 33)).toBe(0);
    expect(cue('Send us an E-mail with your photos.', 31)).toBe(1);
    expect(cue('Sign up for our Newsletter today.', 31)).toBe(1);
    expect(cue('The reporters waited outside.', 31)).toBe(0);
    expect(cue('Harbour Master : the tide is late.', 30)).toBe(1);
    expect(cue('Will the bridge reopen? "', 32)).toBe(1);
    expect(cue('The bridge will reopen.', 32)).toBe(0);
  });
});

describe('page furniture', () => {
  const spansOf = (lines: string[]) => {
    let at = 0;
    return lines.map((text) => {
      const span = { text, start: at, end: at + text.length };
      at += text.length + 1;
      return span;
    });
  };

  it('drops bylines, stamps and prompts in any case, after white space, and keeps the news', () => {
    const spans = spansOf([
      '  By Odile Fenwarth',
      'UPDATED: 10:42 a.m.',
      '\tScroll down for the video.',
      'PHOTO: Fenwarth/Wire',
      'Related: More on the bridge',
      'The Calder Bay bridge reopened on Sunday after two years of repairs.',
      'Élodie Marsh, who runs the ferry, said traffic would ease.',
      'Advertisement',
      'Published in the harbour weekly, the plan drew few objections.',
      'Planners expect the first buses on Monday.',
    ]);
    expect(candidateSentences(spans, 1).map((s) => s.text)).toEqual([
      'The Calder Bay bridge reopened on Sunday after two years of repairs.',
      'Élodie Marsh, who runs the ferry, said traffic would ease.',
      'Planners expect the first buses on Monday.',
    ]);
  });
});

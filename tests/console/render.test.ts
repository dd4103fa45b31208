import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.ts';
import type { Analysis } from '../../src/core/types.ts';

const analysis: Analysis = {
  articleId: 'a',
  contentHash: 'h',
  summary: [{ text: 'Traffic \u001b[31mflows\u001b[0m again\u0007 over the \u202Eegdirb\u202C.', start: 0, end: 1 }],
  tags: { people: ['Ines \u001b]8;;http://evil.example\u001b\\Varga'], organizations: [], places: [], topics: [] },
  quotes: [],
  timeline: [],
  engine: { name: 'embedded', version: '1' },
} as unknown as Analysis;

describe('console rendering', () => {
  it('strips ESC sequences, control characters and bidi overrides from everything it prints', () => {
    const out = renderText({ kind: 'analysis', view: 'summary', article: { id: 'a', title: 'Bridge\u001b[2J opens\u2067' }, analysis });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('Bridge opens');
    expect(out).toContain('• Traffic flows again over the egdirb.');
    expect(out).toContain('People: Ines Varga');
  });

  it('cuts a 1 MB feed title and error to one short line each', () => {
    const huge = 'Elwin '.repeat(175_000);
    const out = renderText({
      kind: 'feeds',
      feeds: [{ id: 'f', title: huge, url: 'https://feeds.example.org/x.xml', consecutiveFailures: 1, lastError: huge }],
    });
    expect(out.length).toBeLessThan(1_000);
    expect(out.split('\n')[0]).toMatch(/^• Elwin.*Elwin…$/);
  });
});

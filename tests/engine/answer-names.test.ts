import { describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '../../src/engine/index.ts';
import type { Article } from '../../src/core/types.ts';

// An article written for this test: the full name comes early, the answer's sentence uses the surname.
const ARTICLE: Article = {
  id: 'bridge',
  url: 'https://example.test/bridge',
  title: 'Harlow footbridge reopens after repairs',
  text: [
    'HARLOW — The town footbridge over the river reopened on Friday after four months of repairs, the council said.',
    'Engineer Priya Castellane led the repairs for the council.',
    'The bridge had been closed in July after inspectors found rust in two of its supports.',
    'Castellane, who has worked on the town’s bridges since 2011, said the new supports should last fifty years.',
  ].join(' '),
};

describe('embedded answers name people in full', () => {
  it('shows the full name when the cited sentence gives only the surname, and keeps the citation verbatim', async () => {
    const answer = await new EmbeddedEngine().answer('How long should the new supports last?', [ARTICLE]);
    expect(answer?.text).toMatch(/^Castellane, who has worked/);
    expect(answer?.citation.text).toBe(answer?.text);
    expect(answer?.shown).toMatch(/^Priya Castellane, who has worked on the town’s bridges since 2011/);
  });

  it('adds nothing when the sentence already names everyone in full', async () => {
    const answer = await new EmbeddedEngine().answer('Who led the repairs?', [ARTICLE]);
    expect(answer?.text).toContain('Priya Castellane');
    expect(answer?.shown).toBeUndefined();
  });
});

describe('the dateline credit', () => {
  it('is not tagged as a person', async () => {
    const { analyzeArticle } = await import('../../src/engine/index.ts');
    const analysis = analyzeArticle({
      id: 'credit',
      text: 'HARLOW (Fenmoor Wire) — The town footbridge reopened on Friday, engineer Priya Castellane said. Castellane said the supports would last fifty years.',
    });
    expect(analysis.tags.people).toEqual(['Priya Castellane']);
    expect(analysis.tags.places).toContain('Harlow');
  });
});

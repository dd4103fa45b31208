import { describe, expect, it } from 'vitest';
import { tagLine } from '../../src/adapters/console/render.ts';
import { SHOWN_TAGS, topTags } from '../../src/core/top-tags.ts';

const many = (prefix: string) => Array.from({ length: 12 }, (_, k) => `${prefix} ${k + 1}`);

describe('top tags', () => {
  it('keeps the first few of each kind, in order', () => {
    const shown = topTags({ people: many('Person'), organizations: ['Orvane Group'], places: [], topics: many('topic') });
    expect(shown.people).toEqual(many('Person').slice(0, SHOWN_TAGS));
    expect(shown.organizations).toEqual(['Orvane Group']);
    expect(shown.topics).toHaveLength(SHOWN_TAGS);
  });

  it('is what a rendered tag line shows', () => {
    const line = tagLine({ people: many('Person'), organizations: [], places: [], topics: [] });
    expect(line).toContain(`Person ${SHOWN_TAGS}`);
    expect(line).not.toContain(`Person ${SHOWN_TAGS + 1}`);
  });
});

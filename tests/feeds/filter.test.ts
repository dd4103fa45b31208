import { describe, expect, it } from 'vitest';
import { feeds } from '../../commands/feeds.ts';
import { UserError } from '../../src/core/errors.ts';
import { parseCommandText } from '../../src/core/parse-text.ts';
import type { Tags } from '../../src/core/types.ts';
import { describeFilter, parseFilter, parseTerms, passes, type FeedFilter } from '../../src/feeds/filter.ts';

const NO_TAGS: Tags = { people: [], organizations: [], places: [], topics: [] };
const story = {
  title: 'Ferry Café reopens on the quay',
  text: 'The café at Pellow Quay reopened on Monday, owner Zoë Marten said. The north quay works are done.',
};

function filter(include: string, exclude = ''): FeedFilter {
  const parsed = parseFilter(include, exclude);
  if (!parsed) throw new Error('empty filter');
  return parsed;
}

describe('feed filter terms', () => {
  it('reads words, quoted phrases (straight or curly) and tag terms, normalised, without duplicates', () => {
    const terms = parseTerms('Tide, "North Quay" “spring tide” topic:Sport person:"Zoë Marten" org:Harbour_Board place:Pellow tide 10:30', 'include');
    expect(terms.map((term) => [term.kind, term.value])).toEqual([
      ['text', 'tide'],
      ['text', 'north quay'],
      ['text', 'spring tide'],
      ['topic', 'sport'],
      ['person', 'zoe marten'],
      ['org', 'harbour board'],
      ['place', 'pellow'],
      ['text', '10 30'],
    ]);
    expect(describeFilter(filter('tide "north quay"', 'topic:sport'))).toBe('include: tide, "north quay" · exclude: topic:sport');
    expect(parseFilter('', '  ')).toBeUndefined();
  });

  it('refuses lists that are too long with a short answer, and treats regex syntax as plain words', () => {
    expect(() => parseTerms('x'.repeat(501), 'include')).toThrow(UserError);
    expect(() => parseTerms(Array.from({ length: 21 }, (_, index) => `w${index}`).join(' '), 'exclude')).toThrow('at most 20 terms');
    expect(() => parseTerms('a'.repeat(81), 'include')).toThrow(/too long for a filter term/);
    expect(parseTerms('(a+)+$ .*', 'include').map((term) => term.value)).toEqual(['a']);
  });
});

describe('matching a story', () => {
  const tags = async () => NO_TAGS;

  it('matches whole words and phrases, ignoring case and accents', async () => {
    expect(await passes(filter('cafe'), story, tags)).toBe(true);
    expect(await passes(filter('"NORTH QUAY"'), story, tags)).toBe(true);
    expect(await passes(filter('zoe'), story, tags)).toBe(true);
    expect(await passes(filter('qua'), story, tags)).toBe(false); // part of a word is not the word
    expect(await passes(filter('"quay north"'), story, tags)).toBe(false);
  });

  it('lets any include term in, and any exclude term keep a story out whatever it includes', async () => {
    expect(await passes(filter('lighthouse ferry'), story, tags)).toBe(true);
    expect(await passes(filter('ferry', 'monday'), story, tags)).toBe(false);
    expect(await passes({ include: [], exclude: parseTerms('storm', 'exclude') }, story, tags)).toBe(true);
  });

  it('matches tag terms only against the engine’s tags of that kind, and words against tags too', async () => {
    const engineTags = async (): Promise<Tags> => ({
      people: ['Zoë Marten'],
      organizations: ['Pellow Harbour Board'],
      places: ['Pellow'],
      topics: ['business'],
    });
    expect(await passes(filter('person:marten'), story, engineTags)).toBe(true);
    expect(await passes(filter('person:pellow'), story, engineTags)).toBe(false);
    expect(await passes(filter('org:"harbour board"'), story, engineTags)).toBe(true);
    expect(await passes(filter('topic:sport'), story, engineTags)).toBe(false);
    expect(await passes(filter('topic:business'), story, engineTags)).toBe(true);
    expect(await passes(filter('ferry', 'place:pellow'), story, engineTags)).toBe(false);
    // Words and phrases are read in the title and text only: the tags are drawn from that text.
    expect(await passes(filter('board'), story, engineTags)).toBe(false);
  });

  it('lets a word match the story’s topic though the text never says it, without asking the engine', async () => {
    const report = {
      title: 'Pellow Rovers win the derby',
      text: 'Pellow Rovers beat Marten Town 3-1 in the league on Saturday. The coach praised his players after the match, and two late goals sealed it for the home side in front of a full stand.',
    };
    const noEngine = async (): Promise<Tags> => {
      throw new Error('the engine was asked');
    };
    expect(await passes(filter('sport'), report, noEngine)).toBe(true);
    expect(await passes(filter('ferry', 'sport'), { ...report, text: `${report.text} The ferry ran late.` }, noEngine)).toBe(false);
    expect(await passes(filter('sport'), story, noEngine)).toBe(false);
  });

  it('asks the engine for tags only for tag terms, once per story', async () => {
    let asked = 0;
    const counting = async () => {
      asked++;
      return NO_TAGS;
    };
    await passes(filter('lighthouse', 'storm'), story, counting);
    expect(asked).toBe(0);
    await passes(filter('topic:sport person:marten', 'place:pellow'), story, counting);
    expect(asked).toBe(1);
  });
});

describe('/feeds filter typed as text (Slack, the terminal chat)', () => {
  it('gives include and exclude every word up to the next option, quotes kept', () => {
    const parsed = parseCommandText(feeds, 'filter 2 include:tide "north quay" person:"Zoë Marten" exclude:topic:sport storm');
    expect(parsed).toEqual({ subcommand: 'filter', options: { feed: '2', include: 'tide "north quay" person:"Zoë Marten"', exclude: 'topic:sport storm' } });
    expect(parseCommandText(feeds, 'filter harbour news').options).toEqual({ feed: 'harbour news' });
  });
});

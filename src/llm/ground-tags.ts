import type { Tags } from '../core/types.ts';
import { mentions, type ArticleIndex } from './grounding.ts';

const MAX_ENTITIES = 8;
const MAX_TOPICS = 5;

function clean(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/['’]s$/u, '')
    .replace(/^[\s"'“”‘’(#]+|[\s"'“”‘’.,;:!?)]+$/gu, '');
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (value === '' || value.length > 80 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "Putin" next to "Vladimir Putin" is one person: a name whose words all end a longer kept name is
 * folded into it (the longer, fuller form stays, where it was first listed).
 */
function foldShortNames(names: string[]): string[] {
  return names.filter((name) => {
    const lower = ` ${name.toLowerCase()}`;
    return !names.some((other) => other !== name && other.length > name.length && ` ${other.toLowerCase()}`.endsWith(lower));
  });
}

/** The model's tags, cleaned, de-duplicated and limited to names the article actually contains. */
export function normaliseTags(article: ArticleIndex, tags: Tags): Tags {
  const entities = (list: string[]) =>
    dedupe(list.map(clean))
      .filter((name) => mentions(article, name))
      .slice(0, MAX_ENTITIES);
  return {
    people: foldShortNames(entities(tags.people)),
    organizations: entities(tags.organizations),
    places: entities(tags.places),
    topics: dedupe(tags.topics.map((topic) => clean(topic).toLowerCase())).slice(0, MAX_TOPICS),
  };
}

import { UserError } from '../core/errors.ts';
import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Article, Tags } from '../core/types.ts';
import type { StoryMember } from '../stories/story-store.ts';
import { topicLabels } from '../engine/entities/topics.ts';
import type { FeedFilter, FilterTerm, Subscription, TermKind } from './types.ts';

export type { FeedFilter, FilterTerm, TermKind } from './types.ts';

// Per-channel filters on a feed: which of its stories reach the channel's digests. Terms are words,
// quoted phrases, or tag terms (topic:, person:, org:, place:) matched case- and accent-insensitively
// as whole words. No regular expression ever comes from a user: matching is plain substring search
// on normalised text, so no filter can make the process hang.

/** Enough for any honest filter; keeps one story's check cheap. */
export const MAX_FILTER_TERMS = 20;
export const MAX_TERM_CHARS = 80;
export const MAX_FILTER_INPUT_CHARS = 500;

const KINDS: Record<string, TermKind> = {
  topic: 'topic',
  person: 'person',
  people: 'person',
  org: 'org',
  organization: 'org',
  organisation: 'org',
  place: 'place',
};

/** Lower case, accents and other combining marks removed, punctuation as spaces, white space folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Terms from what a user typed: `tide "north quay" topic:sport person:"Ada Morrow"`. */
export function parseTerms(input: string, label: 'include' | 'exclude'): FilterTerm[] {
  if (input.length > MAX_FILTER_INPUT_CHARS) throw new UserError(`The ${label} list is too long: keep it under ${MAX_FILTER_INPUT_CHARS} characters.`);
  const terms: FilterTerm[] = [];
  // A kind prefix (optional), then a quoted phrase or one word; commas separate like spaces.
  const pattern = /(?:([a-z]+):)?(?:["“”]([^"“”]*)["“”]?|([^\s,"“”]+))/giu;
  for (const match of input.matchAll(pattern)) {
    const [, prefix, quoted, word] = match;
    let kind: TermKind = 'text';
    let raw = quoted ?? word ?? '';
    if (prefix) {
      const known = KINDS[prefix.toLowerCase()];
      if (known) kind = known;
      else raw = `${prefix}:${raw}`; // "10:30" or "re:" are words, not kinds
    }
    const value = normalise(raw);
    if (value === '') continue;
    if (value.length > MAX_TERM_CHARS) throw new UserError(`“${raw.slice(0, 40)}…” is too long for a filter term (at most ${MAX_TERM_CHARS} characters).`);
    const shown =
      kind === 'text' ? (quoted !== undefined ? `"${raw.trim()}"` : raw) : `${prefix!.toLowerCase()}:${quoted !== undefined ? `"${raw.trim()}"` : raw}`;
    if (!terms.some((term) => term.kind === kind && term.value === value)) terms.push({ kind, value, shown });
  }
  if (terms.length > MAX_FILTER_TERMS) throw new UserError(`A filter takes at most ${MAX_FILTER_TERMS} terms in each list.`);
  return terms;
}

export function parseFilter(include: string, exclude: string): FeedFilter | undefined {
  const filter = { include: parseTerms(include, 'include'), exclude: parseTerms(exclude, 'exclude') };
  return filter.include.length === 0 && filter.exclude.length === 0 ? undefined : filter;
}

/** One line for /feeds list: `include: tide, "north quay" · exclude: topic:sport`. */
export function describeFilter(filter: FeedFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const parts: string[] = [];
  if (filter.include.length > 0) parts.push(`include: ${filter.include.map((term) => term.shown).join(', ')}`);
  if (filter.exclude.length > 0) parts.push(`exclude: ${filter.exclude.map((term) => term.shown).join(', ')}`);
  return parts.join(' · ');
}

/** A story's text as a filter reads it: normalised, padded with spaces so " word " finds whole words. */
export interface FilterSubject {
  text: string;
  tags?: Tags;
}

function contains(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

function tagValues(tags: Tags, kind: TermKind): string[] {
  switch (kind) {
    case 'topic':
      return tags.topics;
    case 'person':
      return tags.people;
    case 'org':
      return tags.organizations;
    default:
      return tags.places;
  }
}

/**
 * Whether one term is found. A word or phrase is looked for in the title and text (which hold the
 * feed's summary and every name the engine's tags are drawn from) and among the story's topics; a tag term in the engine's tags of
 * its kind, where a term matches a tag that contains it as whole words ("person:okoro" matches
 * "Vera Okoro"). Only tag terms ever need the engine.
 */
async function found(term: FilterTerm, text: string, tags: () => Promise<Tags | undefined>, topics: () => string[]): Promise<boolean> {
  // A word may also be one of the story's topics ("sport" for a match report that never says it):
  // topics are read from the words alone, so no analysis is needed for them.
  if (term.kind === 'text') return contains(text, term.value) || topics().some((topic) => normalise(topic) === term.value);
  const all = await tags();
  if (!all) return false;
  return tagValues(all, term.kind).some((tag) => contains(normalise(tag), term.value));
}

/** Whether a story passes: no exclude term found, and (when there are include terms) one of them found. */
export async function passes(filter: FeedFilter, subject: { title?: string; text: string }, tags: () => Promise<Tags | undefined>): Promise<boolean> {
  const text = normalise(`${subject.title ?? ''} ${subject.text}`);
  let cached: Promise<Tags | undefined> | undefined;
  const lazyTags = () => (cached ??= tags());
  let labels: string[] | undefined;
  const topics = () => (labels ??= topicLabels(`${subject.title ?? ''}\n${subject.text}`));
  for (const term of filter.exclude) if (await found(term, text, lazyTags, topics)) return false;
  if (filter.include.length === 0) return true;
  for (const term of filter.include) if (await found(term, text, lazyTags, topics)) return true;
  return false;
}

/**
 * The members of a story the channel may see given its feed filters: a member counts when one of the
 * channel's feeds that brought it has no filter, or its article passes that feed's filter. The
 * engine's tags are computed only for tag terms (and are cached for the digest anyway).
 */
export async function membersPassingFilters(
  services: Services,
  channel: ChannelRef,
  members: StoryMember[],
  subs: Subscription[],
  sentences?: number,
): Promise<StoryMember[]> {
  const filters = new Map(subs.map((sub) => [sub.feedId, sub.filter]));
  if (![...filters.values()].some(Boolean)) return members;
  const kept: StoryMember[] = [];
  for (const member of members) {
    const feedFilters = member.feedIds.filter((id) => filters.has(id)).map((id) => filters.get(id));
    if (feedFilters.some((filter) => filter === undefined)) {
      kept.push(member);
      continue;
    }
    const article = await services.library.get(member.articleId);
    if (!article) continue;
    const tags = () => articleTags(services, channel, article, sentences);
    for (const filter of feedFilters) {
      if (filter && (await passes(filter, article, tags))) {
        kept.push(member);
        break;
      }
    }
  }
  return kept;
}

async function articleTags(services: Services, channel: ChannelRef, article: Article, sentences: number | undefined): Promise<Tags | undefined> {
  try {
    // The digest's own options, so the analysis is the one the digest then shows (one computation, cached).
    return (await services.analysis.analyze(article, { tenant: channel.tenantId, ...(sentences ? { sentences } : {}) })).tags;
  } catch (error) {
    // Without tags the filter still reads the title and text; a failing engine must not empty digests.
    services.logger.warn({ err: error, article: article.id }, 'tags for a feed filter could not be computed');
    return undefined;
  }
}

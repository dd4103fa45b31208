import { parseHTML } from './lazy-dom.ts';
import { UserError } from '../core/errors.ts';
import { fetchFeed, parseFeed, type FeedFetch } from './feeds.ts';
import { assertOk } from './http-status.ts';
import { httpUrl } from './links.ts';
import { isFeed, isPage, PAGE_AND_FEED_TYPES } from './media-types.ts';
import type { ConditionalRequest, SafeFetch } from './safe-fetch.ts';

const ADVERTISED_TYPES = /^application\/(?:rss|atom|feed|rdf)\+(?:xml|json)$|^application\/json$/i;
/** A page may list a dead or broken feed first; this many advertised feeds are tried, in page order. */
const MAX_CANDIDATES = 3;

/** Feed URLs a page advertises with <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">, in page order. */
export function discoverFeeds(html: string, baseUrl: string): string[] {
  const head = /<\/head\s*>/i.exec(html);
  // The links live in <head>; parsing only that keeps discovery cheap on big pages.
  const { document } = parseHTML(head ? html.slice(0, head.index) + '</head></html>' : html);
  const found: string[] = [];
  for (const link of [...document.querySelectorAll('link[href]')]) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !ADVERTISED_TYPES.test(type)) continue;
    // Plain application/json alternates are usually APIs (WordPress's /wp-json/), not feeds.
    if (/^application\/json$/i.test(type) && !/feed/i.test(link.getAttribute('title') ?? link.getAttribute('href') ?? '')) continue;
    const url = httpUrl(link.getAttribute('href'), baseUrl);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

export interface ResolvedFeed extends FeedFetch {
  /** The feed's own URL (the one to store and poll), which differs from the input when it was a page. */
  feedUrl: string;
}

/**
 * The feed behind a URL: the URL itself when it is a feed (by type or by content: feeds are often
 * served as text/html or text/plain), else the first readable feed its page advertises. Anything
 * that is neither a page nor a feed is parsed as a feed, so the error says what is wrong with it.
 */
export async function resolveFeed(fetcher: SafeFetch, url: string, conditional?: ConditionalRequest): Promise<ResolvedFeed> {
  const first = assertOk(await fetcher(url, { accept: PAGE_AND_FEED_TYPES, conditional }));
  if (first.notModified) return { feedUrl: first.url, feed: null, result: first };
  if (isFeed(first.mediaType, first.body) || !isPage(first.mediaType, first.body)) {
    return { feedUrl: first.url, feed: parseFeed(first.body, first.contentType, first.url), result: first };
  }
  const candidates = discoverFeeds(first.body, first.url);
  if (candidates.length === 0) {
    throw new UserError(
      'I couldn’t find a feed at that address: the page does not advertise a feed (no <link rel="alternate"> to RSS, Atom or JSON Feed). Give me the feed’s own address.',
    );
  }
  let lastError: unknown;
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    try {
      const { feed, result } = await fetchFeed(fetcher, candidate);
      return { feedUrl: result.url, feed, result };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof UserError ? lastError : new UserError('The feed that page advertises could not be read.', { cause: lastError });
}

import { parseHTML } from 'linkedom';
import { UserError } from '../core/errors.ts';
import { parseFeed, type FeedFetch } from './feeds.ts';
import { assertOk } from './http-status.ts';
import { FEED_TYPES, isFeed, PAGE_AND_FEED_TYPES } from './media-types.ts';
import type { ConditionalRequest, SafeFetch } from './safe-fetch.ts';

const ADVERTISED_TYPES = /^application\/(?:rss|atom|feed|rdf)\+(?:xml|json)$|^application\/json$/i;

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
    if (/^application\/json$/i.test(type) && !/feed/i.test(link.getAttribute('title') ?? link.getAttribute('href') ?? '')) continue;
    try {
      const url = new URL(link.getAttribute('href') ?? '', baseUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // An unusable href: skip it, another link may do.
    }
  }
  return found;
}

export interface ResolvedFeed extends FeedFetch {
  /** The feed's own URL (the one to store and poll), which differs from the input when it was a page. */
  feedUrl: string;
}

/** The feed behind a URL: the URL itself when it is a feed, else the first feed its page advertises. */
export async function resolveFeed(fetcher: SafeFetch, url: string, conditional?: ConditionalRequest): Promise<ResolvedFeed> {
  const first = assertOk(await fetcher(url, { accept: PAGE_AND_FEED_TYPES, conditional }));
  if (first.notModified) return { feedUrl: first.url, feed: null, result: first };
  if (isFeed(first.mediaType, first.body) || /^(?:application|text)\/xml$/.test(first.mediaType)) {
    return { feedUrl: first.url, feed: parseFeed(first.body, first.contentType, first.url), result: first };
  }
  const candidates = discoverFeeds(first.body, first.url);
  if (candidates.length === 0) {
    throw new UserError('I couldn’t find a feed at that address: it is a web page that doesn’t link to an RSS, Atom or JSON feed.');
  }
  const feedUrl = candidates[0]!;
  const result = assertOk(await fetcher(feedUrl, { accept: FEED_TYPES }));
  return { feedUrl: result.url, feed: parseFeed(result.body, result.contentType, result.url), result };
}

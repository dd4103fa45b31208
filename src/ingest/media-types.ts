// What a response is: the media types the fetcher accepts, and the sniffing that tells a feed from a
// page. Feeds are often served with a wrong or generic type (text/html, text/plain, application/xml),
// so the first bytes of the body count as much as the Content-Type.

/** Every feed format, and the generic types feeds are often served with. */
export const FEED_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/x-rss+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
  'text/plain',
];

export const PAGE_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];

/** Web pages and every feed format: what the bot reads unless a caller narrows it. */
export const PAGE_AND_FEED_TYPES: readonly string[] = [...PAGE_TYPES, ...FEED_TYPES];

const FEED_MEDIA = /(?:rss|atom|rdf|feed)\+(?:xml|json)/;
/** An XML document whose root is a feed, after an optional prolog and comments. */
export const FEED_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<\?xml-stylesheet[^>]*>\s*)?<(?:rss|feed|rdf:RDF)[\s>]/;
/** An HTML document, whatever type it was served with. */
export const HTML_START = /^\uFEFF?\s*(?:<!doctype html|<html[\s>])/i;

/** A JSON Feed names its version URL in its first lines. */
export function isJsonFeed(body: string): boolean {
  return /^\uFEFF?\s*\{/.test(body) && /jsonfeed\.org\/version/.test(body.slice(0, 1000));
}

/** True when the response is a feed by its media type or by its first bytes. */
export function isFeed(mediaType: string, body: string): boolean {
  return FEED_MEDIA.test(mediaType) || FEED_START.test(body) || isJsonFeed(body);
}

/** True when the response is a web page by its media type or by its first bytes. */
export function isPage(mediaType: string, body: string): boolean {
  return PAGE_TYPES.includes(mediaType) || HTML_START.test(body.slice(0, 500));
}

import { decodeBody } from './decode.ts';
import { anyLink, bodyText, linkOf, rawItemFields, titleText, toItem } from './feed-fields.ts';
import { assertOk } from './http-status.ts';
import { parseJsonFeed } from './json-feed.ts';
import { MAX_ELEMENT_CHARS } from './limits.ts';
import { FEED_TYPES, HTML_START } from './media-types.ts';
import type { ConditionalRequest, FetchResult, SafeFetch } from './safe-fetch.ts';
import { child, children, readXmlTree, textOf, type XmlNode } from './xml-tree.ts';
import { feedTitle, unreadable, type FeedFormat, type ParsedFeed } from './feed-types.ts';
import { UserError } from '../core/errors.ts';

export { feedTitle, unreadable, UNTITLED_FEED, type FeedFormat, type FeedItem, type ParsedFeed } from './feed-types.ts';

/**
 * Parses RSS 2.0 / 0.9x, RSS 1.0, Atom 1.0 / 0.3 or JSON Feed into plain-text items. Broken XML is read
 * as far as it goes (as browsers and feed readers do); input that is no feed at all is a UserError
 * that says why, and nothing else ever escapes (a parser bug becomes "could not be read" too).
 */
export function parseFeed(body: string, contentType = '', baseUrl?: string): ParsedFeed {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw unreadable('it is empty');
  try {
    if (/json/i.test(contentType) || start.startsWith('{')) return parseJsonFeed(start, baseUrl);
    if (HTML_START.test(start)) throw unreadable('it is a web page, not a feed');
    return parseXmlFeed(start, baseUrl);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(`the parser failed on it (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})`, error);
  }
}

/** Parses a feed from its bytes: the encoding is found as RFC 7303 says (BOM, then the charset header, then the XML declaration). */
export function parseFeedBytes(bytes: Uint8Array, contentType = '', baseUrl?: string): ParsedFeed {
  return parseFeed(decodeBody(bytes, contentType), contentType, baseUrl);
}

interface XmlFeed {
  format: Exclude<FeedFormat, 'json'>;
  /** The element holding the feed's title, link and description. */
  meta: XmlNode;
  entries: XmlNode[];
}

/** The feed inside a document: RSS <rss><channel> (or items straight under <rss>), Atom <feed>, RSS 1.0 <rdf:RDF>. */
function findFeed(document: XmlNode): XmlFeed | undefined {
  const top = document.children.find((item): item is XmlNode => typeof item !== 'string');
  if (!top) return undefined;
  if (top.name === 'rss' || top.name === 'channel') {
    const channel = child(top, 'channel') ?? top;
    const entries = channel === top ? children(top, 'item') : [...children(channel, 'item'), ...children(top, 'item')];
    return { format: 'rss', meta: channel, entries };
  }
  if (top.name === 'feed') return { format: 'atom', meta: top, entries: children(top, 'entry') };
  if (top.name === 'rdf:rdf') {
    const channel = child(top, 'channel') ?? top;
    const entries = [...children(top, 'item'), ...(channel === top ? [] : children(channel, 'item'))];
    return { format: 'rdf', meta: channel, entries };
  }
  return undefined;
}

function parseXmlFeed(xml: string, baseUrl?: string): ParsedFeed {
  const document = readXmlTree(xml, { baseUrl, maxTextPerElement: MAX_ELEMENT_CHARS });
  const found = findFeed(document);
  if (!found) {
    const top = document.children.find((item): item is XmlNode => typeof item !== 'string');
    if (top?.name === 'html' || top?.name === 'xhtml:html') throw unreadable('it is a web page, not a feed');
    throw unreadable(top ? `it is XML (<${top.name.slice(0, 40)}>), but not RSS or Atom` : 'it is not XML, RSS, Atom or JSON Feed');
  }
  const { format, meta, entries } = found;
  const link = linkOf(meta) ?? anyLink(meta) ?? atomIdLink(format, meta);
  const description = bodyText(child(meta, 'description', 'subtitle', 'tagline', 'dc:description', 'itunes:summary', 'itunes:subtitle'));
  return {
    format,
    title: feedTitle(titleText(child(meta, 'title', 'dc:title')), link ?? baseUrl),
    link,
    description: description || undefined,
    items: entries.map((entry) => toItem(rawItemFields(entry), baseUrl ?? link)),
  };
}

/** An Atom feed's <id> is often its site's URL. */
function atomIdLink(format: FeedFormat, meta: XmlNode): string | undefined {
  const id = format === 'atom' ? textOf(child(meta, 'id')).trim() : '';
  return /^https?:\/\//i.test(id) ? id : undefined;
}

export interface FeedFetch {
  /** null when the server answered 304 Not Modified. */
  feed: ParsedFeed | null;
  /** The fetch itself: final url, etag, lastModified, retryAfterMs for the next poll. */
  result: FetchResult;
}

/** Fetches and parses a feed, politely: pass the etag / lastModified of the last fetch. */
export async function fetchFeed(fetcher: SafeFetch, url: string, conditional?: ConditionalRequest): Promise<FeedFetch> {
  const result = assertOk(await fetcher(url, { accept: FEED_TYPES, conditional }));
  if (result.notModified) return { feed: null, result };
  return { feed: parseFeed(result.body, result.contentType, result.url), result };
}

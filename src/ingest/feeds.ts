import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../core/errors.ts';
import { attr, isRecord, linkOf, list, rawItemFields, text, type RawItemFields } from './feed-fields.ts';
import { htmlToText, inlineText, normalizeText } from './html-text.ts';
import { isoDate } from './dates.ts';
import { assertOk } from './http-status.ts';
import { httpUrl, siteHost } from './links.ts';
import { FEED_TYPES, HTML_START } from './media-types.ts';
import type { ConditionalRequest, FetchResult, SafeFetch } from './safe-fetch.ts';

/** The title of a feed that has neither a title nor a link to name it by. */
export const UNTITLED_FEED = 'Untitled feed';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  guid?: string;
  url?: string;
  title?: string;
  /** Plain text from the fullest of content / description / summary: paragraphs split by a blank line. */
  text: string;
  /** ISO 8601. */
  publishedAt?: string;
  author?: string;
  imageUrl?: string;
  /** The outlet named by an RSS <source> or Atom <source>, when the feed aggregates several. */
  sourceName?: string;
  categories: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** The site the feed belongs to. */
  link?: string;
  description?: string;
  items: FeedItem[];
}

// fast-xml-parser straight into plain objects: attributes as "@_name", text as "#text" beside them,
// repeated elements as arrays (see feed-fields.ts). One parser serves every call; it keeps no state.
const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep GUIDs such as "00123" or 20-digit ids exactly as written.
  parseTagValue: false,
  parseAttributeValue: false,
  // No "billion laughs": a DOCTYPE's entities may expand only so far.
  processEntities: { maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
});

function unreadable(reason: string, cause?: unknown): UserError {
  return new UserError(`That feed could not be read: ${reason}.`, { cause });
}

/** Parses RSS 2.0, RSS 1.0, Atom or JSON Feed into plain-text items. Unreadable input is a UserError. */
export function parseFeed(body: string, contentType = '', baseUrl?: string): ParsedFeed {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw unreadable('it is empty');
  if (/json/i.test(contentType) || start.startsWith('{')) return parseJsonFeed(start, baseUrl);
  if (HTML_START.test(start)) throw unreadable('it is a web page, not a feed');
  return parseXmlFeed(start, baseUrl);
}

type XmlElement = Record<string, unknown>;

function has(value: unknown, key: string): value is XmlElement {
  return isRecord(value) && Object.hasOwn(value, key);
}

interface XmlFeed {
  format: Exclude<FeedFormat, 'json'>;
  /** The element holding the feed's title, link and description. */
  meta: XmlElement;
  entries: unknown[];
}

/** The feed inside a parsed document: RSS 2.0 <rss><channel>, Atom <feed>, RSS 1.0 <rdf:RDF> with items beside its channel. */
function findFeed(document: unknown): XmlFeed | undefined {
  if (!isRecord(document)) return undefined;
  const { rss, feed } = document;
  const rdf = document['rdf:RDF'];
  if (has(rss, 'channel')) {
    const channel = isRecord(rss.channel) ? rss.channel : {};
    return { format: 'rss', meta: channel, entries: list(channel.item) };
  }
  if (has(feed, 'entry')) return { format: 'atom', meta: feed, entries: list(feed.entry) };
  if (has(rdf, 'channel')) return { format: 'rdf', meta: isRecord(rdf.channel) ? rdf.channel : {}, entries: list(rdf.item) };
  if ('feed' in document) return { format: 'atom', meta: isRecord(feed) ? feed : {}, entries: [] };
  return undefined;
}

function parseXmlFeed(xml: string, baseUrl?: string): ParsedFeed {
  let document: unknown;
  try {
    // The parser silently accepts a cut-off feed, a stray </tag> or a bare &; the validator refuses them.
    if (XMLValidator.validate(xml) !== true) throw unreadable('the XML is broken');
    document = XML.parse(xml);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(error instanceof Error ? error.message : String(error), error);
  }
  const found = findFeed(document);
  if (!found) throw unreadable('it is XML, but not RSS or Atom');
  const { format, meta, entries } = found;
  const link = httpUrl(linkOf(meta) || anyLink(meta.link) || atomIdLink(format, meta), baseUrl);
  const description = text(format === 'atom' ? meta.subtitle : meta.description);
  const base = baseUrl ?? link;
  return {
    format,
    title: feedTitle(text(meta.title), link ?? baseUrl),
    link,
    description: description ? htmlToText(description) : undefined,
    items: entries.map((entry) => toItem(rawItemFields(entry), base)),
  };
}

/** A feed-level <link> that is not an alternate page link (only a rel="self", say): better than none. */
function anyLink(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return text(first) || attr(first, 'href') || attr(first, 'url');
}

/** An Atom feed's <id> is often its site's URL. */
function atomIdLink(format: FeedFormat, meta: XmlElement): string {
  const id = format === 'atom' ? text(meta.id) : '';
  return /^https?:\/\//i.test(id) ? id : '';
}

function feedTitle(title: string, url: string | undefined): string {
  return inlineText(title) || siteHost(url) || UNTITLED_FEED;
}

function parseJsonFeed(json: string, baseUrl?: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw unreadable('the JSON is broken', error);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { items?: unknown }).items)) {
    throw unreadable('it is JSON, but not a JSON Feed');
  }
  const record = data as Record<string, unknown>;
  const link = httpUrl(text(record.home_page_url), baseUrl);
  const base = baseUrl ?? link;
  const items = list(record.items).map((value): FeedItem => {
    const item = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const html = text(item.content_html);
    const full = html ? htmlToText(html) : normalizeText(text(item.content_text));
    const summary = htmlToText(text(item.summary));
    const authors = [...list(item.authors), ...list(item.author)];
    const author = authors.map((entry) => (typeof entry === 'object' && entry !== null ? text((entry as { name?: unknown }).name) : '')).find(Boolean);
    return toItem(
      {
        guid: text(item.id) || undefined,
        link: text(item.url) || text(item.external_url) || undefined,
        title: inlineText(text(item.title)) || undefined,
        text: full.length >= summary.length ? full : summary,
        published: text(item.date_published) || text(item.date_modified) || undefined,
        author,
        image: text(item.image) || text(item.banner_image) || /<img\s[^>]*src\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] || undefined,
        categories: list(item.tags).map(text).filter(Boolean),
      },
      base,
    );
  });
  return {
    format: 'json',
    title: feedTitle(text(record.title), link ?? baseUrl),
    link,
    description: text(record.description) || undefined,
    items,
  };
}

function toItem(raw: RawItemFields, base: string | undefined): FeedItem {
  const item: FeedItem = { text: raw.text, categories: raw.categories };
  if (raw.guid) item.guid = raw.guid;
  const url = httpUrl(raw.link ?? '', base);
  if (url) item.url = url;
  if (raw.title) item.title = raw.title;
  const published = isoDate(raw.published);
  if (published) item.publishedAt = published;
  if (raw.author) item.author = raw.author;
  const image = httpUrl(raw.image ?? '', url ?? base);
  if (image) item.imageUrl = image;
  if (raw.sourceName) item.sourceName = raw.sourceName;
  return item;
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

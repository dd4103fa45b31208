import { extractFromJson, extractFromXml, type FeedData } from '@extractus/feed-extractor';
import { XMLParser } from 'fast-xml-parser';
import { UserError } from '../core/errors.ts';
import { linkOf, list, rawItemFields, text, type RawItemFields } from './feed-fields.ts';
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

const XML_OPTIONS = {
  // Keep GUIDs such as "00123" or 20-digit ids exactly as written.
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: { maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
};

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

function parseXmlFeed(xml: string, baseUrl?: string): ParsedFeed {
  const raws: RawItemFields[] = [];
  let feedLink = '';
  let data: FeedData;
  try {
    data = extractFromXml(xml, {
      descriptionMaxLen: 0,
      xmlParserOptions: XML_OPTIONS,
      getExtraFeedFields: (feed) => {
        feedLink = linkOf(feed);
        return {};
      },
      getExtraEntryFields: (entry) => {
        raws.push(rawItemFields(entry));
        return {};
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Unrecognized feed format/i.test(message)) return emptyAtomFeed(xml, baseUrl);
    throw unreadable(/well-formed/i.test(message) ? 'the XML is broken' : message, error);
  }
  const format: FeedFormat = /<rdf:RDF[\s>]/.test(xml.slice(0, 2000)) ? 'rdf' : /<rss[\s>]/.test(xml.slice(0, 2000)) ? 'rss' : 'atom';
  const link = httpUrl(feedLink || data.link || '', baseUrl);
  const base = baseUrl ?? link;
  return {
    format,
    title: inlineText(data.title ?? '') || siteHost(link ?? baseUrl) || UNTITLED_FEED,
    link,
    description: data.description ? htmlToText(data.description) : undefined,
    items: raws.map((raw) => toItem(raw, base)),
  };
}

/** feed-extractor calls an Atom document without <entry> unrecognised; it is simply an empty feed. */
function emptyAtomFeed(xml: string, baseUrl?: string): ParsedFeed {
  const parsed: unknown = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', ...XML_OPTIONS }).parse(xml);
  const feed = typeof parsed === 'object' && parsed !== null && 'feed' in parsed ? (parsed as { feed: unknown }).feed : undefined;
  if (feed === undefined) throw unreadable('it is XML, but not RSS or Atom');
  const record = typeof feed === 'object' && feed !== null ? (feed as Record<string, unknown>) : {};
  const link = httpUrl(linkOf(record), baseUrl);
  return { format: 'atom', title: inlineText(text(record.title)) || siteHost(link ?? baseUrl) || UNTITLED_FEED, link, items: [] };
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
  const parsed = extractFromJson(record, { descriptionMaxLen: 0 });
  const link = httpUrl(text(record.home_page_url) || parsed.link || '', baseUrl);
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
    title: inlineText(text(record.title)) || siteHost(link ?? baseUrl) || UNTITLED_FEED,
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

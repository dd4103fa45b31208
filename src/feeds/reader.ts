import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { parseHTML } from 'linkedom';
import { UserError } from '../core/errors.ts';
import type { ChannelRef } from '../core/platform.ts';
import { parseFeed, type ParsedFeed } from '../ingest/feeds.ts';
import { assertOk } from '../ingest/http-status.ts';
import { FEED_TYPES, PAGE_AND_FEED_TYPES } from '../ingest/media-types.ts';
import type { ConditionalRequest, SafeFetch } from '../ingest/safe-fetch.ts';
import type { FeedRecord } from './types.ts';

export type FeedRead =
  | { status: 'not-modified'; etag?: string; lastModified?: string }
  | { status: 'ok'; feed: ParsedFeed; etag?: string; lastModified?: string };

export interface DiscoveredFeed {
  location: string;
  kind: FeedRecord['kind'];
  feed: ParsedFeed;
  etag?: string;
  lastModified?: string;
}

const FEED_LINK_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/json']);

/**
 * Reads feeds: over the network only through the safe fetcher (conditional GET), and from local files
 * only for the terminal chat and the CLI, which are the machine's own users. A Discord or Slack
 * channel can never name a file: `discover` refuses anything but an http(s) link for them.
 */
export class FeedReader {
  constructor(
    private readonly fetcher: SafeFetch,
    private readonly baseDir: string = process.cwd(),
  ) {}

  /** Finds the feed behind what a user typed (a feed URL, a page advertising one, or a local path), and reads it once. */
  async discover(input: string, channel: ChannelRef): Promise<DiscoveredFeed> {
    const value = input.trim().replace(/^<(.*)>$/, '$1');
    if (/^https?:\/\//i.test(value)) return this.discoverUrl(value);
    if (channel.platform !== 'console') {
      throw new UserError('A feed must be an http or https link, such as https://example.com/feed.xml.');
    }
    const path = this.localPath(value);
    const read = await this.readFile(path, undefined);
    if (read.status !== 'ok') throw new UserError(`I could not read ${value}.`);
    return { location: path, kind: 'file', feed: read.feed, etag: read.etag };
  }

  /** One poll of a known feed, with the validators of the last one. */
  async read(feed: Pick<FeedRecord, 'location' | 'kind'>, conditional?: ConditionalRequest): Promise<FeedRead> {
    if (feed.kind === 'file') return this.readFile(feed.location, conditional);
    const result = assertOk(await this.fetcher(feed.location, { accept: FEED_TYPES, conditional }));
    if (result.notModified) return { status: 'not-modified', etag: result.etag, lastModified: result.lastModified };
    return { status: 'ok', feed: parseFeed(result.body, result.contentType, result.url), etag: result.etag, lastModified: result.lastModified };
  }

  private async discoverUrl(url: string): Promise<DiscoveredFeed> {
    const result = assertOk(await this.fetcher(url, { accept: PAGE_AND_FEED_TYPES }));
    const looksLikePage = result.mediaType === 'text/html' || result.mediaType === 'application/xhtml+xml' || /^\s*(<!doctype html|<html[\s>])/i.test(result.body.slice(0, 500));
    if (!looksLikePage) {
      return { location: result.url, kind: 'url', feed: parseFeed(result.body, result.contentType, result.url), etag: result.etag, lastModified: result.lastModified };
    }
    const advertised = advertisedFeeds(result.body, result.url);
    if (advertised.length === 0) {
      throw new UserError('That page does not advertise a feed (no <link rel="alternate"> to RSS, Atom or JSON Feed). Give me the feed’s own address.');
    }
    let lastError: unknown;
    for (const candidate of advertised.slice(0, 3)) {
      try {
        const feedResult = assertOk(await this.fetcher(candidate, { accept: FEED_TYPES }));
        const feed = parseFeed(feedResult.body, feedResult.contentType, feedResult.url);
        return { location: feedResult.url, kind: 'url', feed, etag: feedResult.etag, lastModified: feedResult.lastModified };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError instanceof UserError ? lastError : new UserError('The feed that page advertises could not be read.', { cause: lastError });
  }

  private localPath(value: string): string {
    const bare = value.startsWith('file://') ? new URL(value).pathname : value;
    return isAbsolute(bare) ? bare : resolvePath(this.baseDir, bare);
  }

  private async readFile(path: string, conditional: ConditionalRequest | undefined): Promise<FeedRead> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UserError(`There is no feed file at ${path}.`, { cause: error });
    }
    // A file's modification time and size stand in for an ETag, so an unchanged demo feed is a "304".
    const etag = `"file-${info.mtimeMs}-${info.size}"`;
    if (conditional?.etag === etag) return { status: 'not-modified', etag };
    return { status: 'ok', feed: parseFeed(await readFile(path, 'utf8'), '', undefined), etag };
  }
}

/** Feed URLs a page advertises with <link rel="alternate" type="application/rss+xml" href="…">, in page order. */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html);
  const urls: string[] = [];
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().trim();
    if (!rel.includes('alternate') || !FEED_LINK_TYPES.has(type)) continue;
    try {
      const url = new URL(link.getAttribute('href') ?? '', pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !urls.includes(url.href)) urls.push(url.href);
    } catch {
      // An unreadable href is skipped; the page may advertise another feed.
    }
  }
  return urls;
}

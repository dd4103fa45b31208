import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { UserError } from '../core/errors.ts';
import { linkScheme } from '../core/link-scheme.ts';
import type { ChannelRef } from '../core/platform.ts';
import { resolveFeed } from '../ingest/discover.ts';
import { fetchFeed, parseFeedBytes, type ParsedFeed } from '../ingest/feeds.ts';
import { decodeBody } from '../ingest/decode.ts';
import { assertOk } from '../ingest/http-status.ts';
import { MAX_OPML_CHARS } from '../ingest/opml.ts';
import type { ConditionalRequest, SafeFetch } from '../ingest/safe-fetch.ts';
import { checkLocalFileSize } from '../local-file.ts';

/** What OPML files are served as: their own type, XML, plain text, or a download's generic type. */
const OPML_TYPES = ['text/x-opml', 'application/xml', 'text/xml', 'text/plain', 'application/octet-stream', 'application/x-opml', 'text/x-opml+xml'];
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
    // "ftp://…", "feed://…": a link of another kind, not a file name.
    const scheme = linkScheme(value);
    if (scheme && scheme.toLowerCase() !== 'file') throw new UserError(`I can only follow http and https links, not ${scheme}:// ones.`);
    if (channel.platform !== 'console') {
      throw new UserError('A feed must be an http or https link, such as https://example.com/feed.xml.');
    }
    const path = this.localPath(value);
    const read = await this.readFile(path, undefined);
    if (read.status !== 'ok') throw new UserError(`I could not read ${value}.`);
    return { location: path, kind: 'file', feed: read.feed, etag: read.etag };
  }

  /**
   * The text of an OPML file: a link (read through the safe fetcher, like any feed), or, for the
   * terminal chat only, a local path. Discord attachments arrive here as their CDN link.
   */
  async readOpml(input: string, channel: ChannelRef): Promise<string> {
    const value = input.trim().replace(/^<(.*)>$/, '$1');
    if (/^https?:\/\//i.test(value)) {
      const result = assertOk(await this.fetcher(value, { accept: OPML_TYPES }));
      if (result.notModified) throw new UserError('The site answered “not modified” to a first request; try again later.');
      return result.body;
    }
    if (channel.platform !== 'console') throw new UserError('Give the OPML file as an http or https link (or, on Discord, as an attachment).');
    const path = this.localPath(value);
    await checkLocalFileSize(path, MAX_OPML_CHARS);
    try {
      return decodeBody(await readFile(path));
    } catch (error) {
      throw new UserError(`There is no OPML file at ${path}.`, { cause: error });
    }
  }

  /** One poll of a known feed, with the validators of the last one. */
  async read(feed: Pick<FeedRecord, 'location' | 'kind'>, conditional?: ConditionalRequest): Promise<FeedRead> {
    if (feed.kind === 'file') return this.readFile(feed.location, conditional);
    const { feed: parsed, result } = await fetchFeed(this.fetcher, feed.location, conditional);
    if (!parsed) return { status: 'not-modified', etag: result.etag, lastModified: result.lastModified };
    return { status: 'ok', feed: parsed, etag: result.etag, lastModified: result.lastModified };
  }

  private async discoverUrl(url: string): Promise<DiscoveredFeed> {
    const { feedUrl, feed, result } = await resolveFeed(this.fetcher, url);
    // Only a server that ignores HTTP answers 304 to a request without validators.
    if (!feed) throw new UserError('The site answered “not modified” to a first request; try again later.');
    return { location: feedUrl, kind: 'url', feed, etag: result.etag, lastModified: result.lastModified };
  }

  private localPath(value: string): string {
    const bare = value.startsWith('file://') ? new URL(value).pathname : value;
    return isAbsolute(bare) ? bare : resolvePath(this.baseDir, bare);
  }

  private async readFile(path: string, conditional: ConditionalRequest | undefined): Promise<FeedRead> {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UserError(`There is no feed file at ${path}.`, { cause: error });
    }
    // A file's modification time and size stand in for an ETag, so an unchanged demo feed is a "304".
    const etag = `"file-${info.mtimeMs}-${info.size}"`;
    if (conditional?.etag === etag) return { status: 'not-modified', etag };
    // Bytes, not text: the file's own BOM or XML declaration names its encoding.
    return { status: 'ok', feed: parseFeedBytes(await readFile(path), '', undefined), etag };
  }
}

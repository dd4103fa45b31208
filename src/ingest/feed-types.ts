import { UserError } from '../core/errors.ts';
import { siteHost } from './links.ts';

// The shapes every feed format is read into, shared by the RSS/Atom reader and the JSON Feed reader.

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
  /** The publisher's zone, minutes east of UTC, when its date stated one other than UTC. */
  publishedOffset?: number;
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

/** A feed that cannot be read, with why. */
export function unreadable(reason: string, cause?: unknown): UserError {
  return new UserError(`That feed could not be read: ${reason}.`, { cause });
}

export function feedTitle(title: string, url: string | undefined): string {
  return title || siteHost(url) || UNTITLED_FEED;
}

import type { ChannelRef } from '../core/platform.ts';

/** A feed, shared by every channel subscribed to it, so it is polled once whatever the number of channels. */
export interface FeedRecord {
  id: string;
  /** An http(s) URL, or an absolute file path for feeds only the terminal chat and the CLI may read. */
  location: string;
  kind: 'url' | 'file';
  title: string;
  siteUrl?: string;
  addedAt: string;
}

/** What the poller knows about a feed: conditional-GET validators, health and the next poll. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  nextPollAt: string;
  /** Successful polls with content; 0 means the next one is the first (which must not flood channels). */
  contentPolls: number;
  itemCount?: number;
  /** A "this feed is failing" notice went out and no recovery notice yet. */
  failingNoticeSent: boolean;
}

export interface Subscription {
  feedId: string;
  addedAt: string;
  /** Which of the feed's stories reach this channel's digests (/feeds filter); none means all. */
  filter?: FeedFilter;
}

export interface Subscriber {
  channel: ChannelRef;
  addedAt: string;
}

// Per-channel feed filters (src/feeds/filter.ts parses and applies them).
export type TermKind = 'text' | 'topic' | 'person' | 'org' | 'place';

export interface FilterTerm {
  kind: TermKind;
  /** Normalised: lower case, accents removed, white space folded. */
  value: string;
  /** As the user wrote it, for /feeds list. */
  shown: string;
}

export interface FeedFilter {
  include: FilterTerm[];
  exclude: FilterTerm[];
}

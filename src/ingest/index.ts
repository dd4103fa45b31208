// The ingestion API: one safe fetcher, feeds, article pages, discovery, ids.
export { classifyAddress, isAllowedHost, parseAllowHosts, type AddressRefusal } from './address-guard.ts';
export { extractArticle, fetchArticle, type ExtractedArticle } from './article.ts';
export { canonicalUrl } from './canonical-url.ts';
export { discoverFeeds, resolveFeed, type ResolvedFeed } from './discover.ts';
export { fetchFeed, parseFeed, type FeedFetch, type FeedFormat, type FeedItem, type ParsedFeed } from './feeds.ts';
export { contentHash, idFromGuid, idFromUrl } from './hash.ts';
export { htmlToText } from './html-text.ts';
export { HttpStatusError, assertOk } from './http-status.ts';
export { FEED_TYPES, PAGE_AND_FEED_TYPES, PAGE_TYPES, isFeed, isPage } from './media-types.ts';
export { articleFromHtml, createIngest, fetcherFromConfig } from './port.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_REDIRECTS,
  createFetcher,
  safeFetch,
  type ConditionalRequest,
  type FetchOptions,
  type FetchResult,
  type FetcherConfig,
  type ResolvedAddress,
  type Resolver,
  type SafeFetch,
} from './safe-fetch.ts';
export { MAX_PASTED_CHARS, articleFromFeedItem, articleFromPage, articleFromText, outletName, type PastedTextOptions } from './to-article.ts';

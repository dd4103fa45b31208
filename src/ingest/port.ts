import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import type { IngestPort } from '../core/ingest-port.ts';
import type { Article } from '../core/types.ts';
import { parseAllowHosts } from './address-guard.ts';
import { extractArticle, fetchArticle } from './article.ts';
import { createFetcher, type FetcherConfig, type SafeFetch } from './safe-fetch.ts';
import { articleFromPage, articleFromText } from './to-article.ts';

/** The fetcher the app uses, configured from FETCH_ALLOW_HOSTS (limits keep their defaults). */
export function fetcherFromConfig(config: Pick<Config, 'FETCH_ALLOW_HOSTS'>, extra: Omit<FetcherConfig, 'allowHosts'> = {}): SafeFetch {
  return createFetcher({ ...extra, allowHosts: parseAllowHosts(config.FETCH_ALLOW_HOSTS) });
}

/** The core's view of ingestion: fetch an article page, or take pasted text. */
export function createIngest(config: Pick<Config, 'FETCH_ALLOW_HOSTS'>, fetcher: SafeFetch = fetcherFromConfig(config)): IngestPort {
  return {
    fetchArticle: async (url) => articleFromPage(await fetchArticle(fetcher, url)),
    articleFromText: (text, title) => articleFromText(text, { title }),
  };
}

/** An article from HTML already in hand (a saved page); `url` is where it came from, any scheme. */
export function articleFromHtml(html: string, url: string): Article {
  const page = extractArticle(html, url);
  if (page.text === '') throw new UserError('I couldn’t find any article text in that page.');
  return articleFromPage(page);
}

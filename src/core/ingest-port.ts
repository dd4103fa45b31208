import type { Article } from './types.ts';

/** How commands read articles: src/ingest implements it (a leaf here, so ingest never needs the services' type). */
export interface IngestPort {
  /** Fetch a web page (or a feed item's page) and extract its article. */
  fetchArticle(url: string): Promise<Article>;
  /** An article from text a user pasted. */
  articleFromText(text: string, title?: string): Article;
}

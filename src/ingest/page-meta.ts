import { publicationDate } from './dates.ts';
import { httpUrl } from './links.ts';

// Metadata a news page states about itself: Open Graph / article: metas, JSON-LD, <link rel=canonical>,
// <time datetime>. Read before Readability runs, since Readability rewrites the document.

/** The few DOM operations used here, as linkedom provides them. */
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
  title?: string;
}

export interface PageMeta {
  title?: string;
  author?: string;
  /** ISO 8601. */
  publishedAt?: string;
  /** The publisher's zone, minutes east of UTC, when the date stated one other than UTC. */
  publishedOffset?: number;
  /** og:site_name or the JSON-LD publisher. */
  siteName?: string;
  imageUrl?: string;
  /** What the page says its own address is (<link rel=canonical>, og:url). */
  canonicalUrl?: string;
  description?: string;
}

const ARTICLE_TYPES = /article|posting|report|newsarticle/i;

function metaMap(document: MetaDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let index = 0; index < metas.length; index++) {
    const meta = metas[index];
    const key = (meta?.getAttribute('property') ?? meta?.getAttribute('name') ?? meta?.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = meta?.getAttribute('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function first(map: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = map.get(key);
    if (value) return value;
  }
  return undefined;
}

type Json = Record<string, unknown>;

/** Every JSON-LD object on the page, flattened out of arrays and @graph. */
function jsonLdObjects(document: MetaDocument): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || out.length > 200) return;
    if (Array.isArray(value)) value.forEach((entry) => visit(entry, depth + 1));
    else if (typeof value === 'object' && value !== null) {
      out.push(value as Json);
      if ('@graph' in value) visit((value as Json)['@graph'], depth + 1);
    }
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let index = 0; index < scripts.length; index++) {
    try {
      visit(JSON.parse(scripts[index]?.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  return out;
}

function jsonText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return jsonText(value[0]);
  if (typeof value === 'object' && value !== null) {
    const record = value as Json;
    return jsonText(record.name) ?? jsonText(record.url) ?? jsonText(record['@id']);
  }
  return undefined;
}

const isUrl = (value: string | undefined) => value !== undefined && /^https?:\/\//i.test(value);

export function readPageMeta(document: MetaDocument, pageUrl: string): PageMeta {
  const meta = metaMap(document);
  const objects = jsonLdObjects(document);
  const article = objects.find((object) => ARTICLE_TYPES.test(String(object['@type'] ?? ''))) ?? objects.find((o) => 'datePublished' in o);

  const timeElement = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const published = [
    first(meta, ['article:published_time', 'og:published_time']),
    jsonText(article?.datePublished),
    first(meta, ['datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date']),
    timeElement?.getAttribute('datetime') ?? undefined,
  ]
    .map(publicationDate)
    .find((date) => date !== undefined);

  const metaAuthor = first(meta, ['author', 'article:author', 'parsely-author', 'dc.creator']);
  const author = jsonText(article?.author) ?? (isUrl(metaAuthor) ? undefined : metaAuthor);

  const canonicalLink = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const imageValue = first(meta, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']) ?? jsonText(article?.image);

  return {
    title: first(meta, ['og:title', 'twitter:title']) ?? jsonText(article?.headline),
    author: author && !isUrl(author) ? author : undefined,
    publishedAt: published?.publishedAt,
    publishedOffset: published?.publishedOffset,
    siteName: first(meta, ['og:site_name', 'application-name']) ?? jsonText(article?.publisher),
    imageUrl: httpUrl(imageValue, pageUrl),
    canonicalUrl: httpUrl(canonicalLink, pageUrl) ?? httpUrl(first(meta, ['og:url']), pageUrl),
    description: first(meta, ['og:description', 'description', 'twitter:description']),
  };
}

import { safeTitle } from '../core/text-safety.ts';
import { toItem } from './feed-fields.ts';
import { feedTitle, unreadable, type FeedItem, type ParsedFeed } from './feed-types.ts';
import { htmlToText, normalizeText } from './html-text.ts';
import { MAX_ARTICLE_CHARS, MAX_ITEM_TITLE_CHARS, MAX_TITLE_MARKUP_CHARS } from './limits.ts';
import { httpUrl } from './links.ts';

// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/), with the same caps as XML feeds.

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function capped(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

export function parseJsonFeed(json: string, baseUrl?: string): ParsedFeed {
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
    const html = capped(text(item.content_html), MAX_ARTICLE_CHARS * 2);
    const full = html ? htmlToText(html) : normalizeText(capped(text(item.content_text), MAX_ARTICLE_CHARS));
    const summary = htmlToText(capped(text(item.summary), MAX_ARTICLE_CHARS));
    const authors = [...list(item.authors), ...list(item.author)];
    const author = authors.map((entry) => (typeof entry === 'object' && entry !== null ? text((entry as { name?: unknown }).name) : '')).find(Boolean);
    return toItem(
      {
        guid: text(item.id) || undefined,
        link: text(item.url) || text(item.external_url) || undefined,
        title: safeTitle(htmlToText(capped(text(item.title), MAX_TITLE_MARKUP_CHARS)), MAX_ITEM_TITLE_CHARS) || undefined,
        text: capped(full.length >= summary.length ? full : summary, MAX_ARTICLE_CHARS),
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
    title: feedTitle(safeTitle(capped(text(record.title), MAX_TITLE_MARKUP_CHARS), MAX_ITEM_TITLE_CHARS), link ?? baseUrl),
    link,
    description: text(record.description) || undefined,
    items,
  };
}

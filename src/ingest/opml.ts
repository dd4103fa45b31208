import { UserError } from '../core/errors.ts';
import { httpUrl } from './links.ts';
import { tokenizeXml } from './xml-tokens.ts';

// OPML, the subscription lists feed readers import and export (https://opml.org/spec2.opml). Read
// with the same forgiving tokenizer as feeds, except that a document type declaration is refused
// outright: OPML never needs one, and its entities are how "billion laughs" files blow up.

export interface OpmlFeed {
  /** The feed's own address (xmlUrl). */
  url: string;
  title?: string;
  /** The site (htmlUrl), when given. */
  siteUrl?: string;
}

export interface OpmlDocument {
  title?: string;
  feeds: OpmlFeed[];
  /** Outlines with an xmlUrl that is not an http(s) link, with the link as written (cut). */
  invalid: string[];
}

/** Outlines read from one file: far more than any channel may follow, few enough to answer quickly. */
export const MAX_OPML_OUTLINES = 1_000;
export const MAX_OPML_CHARS = 2_000_000;

function unreadable(reason: string): UserError {
  return new UserError(`That OPML file could not be read: ${reason}.`);
}

export function parseOpml(text: string): OpmlDocument {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw unreadable('it is empty');
  if (body.length > MAX_OPML_CHARS) throw unreadable(`it is larger than ${MAX_OPML_CHARS / 1_000_000} MB`);
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw unreadable('it declares a DTD or entities, which OPML never needs (refused for safety)');
  const feeds: OpmlFeed[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let root: string | undefined;
  let inTitle = false;
  let title = '';
  let outlines = 0;
  tokenizeXml(body, {
    open(name, attrs) {
      const lower = name.toLowerCase();
      root ??= lower;
      if (lower === 'title') inTitle = true;
      if (lower !== 'outline' || !attrs || ++outlines > MAX_OPML_OUTLINES) return;
      const byName: Record<string, string> = {};
      for (const key in attrs) byName[key.toLowerCase()] = attrs[key]!.trim();
      const xmlUrl = byName.xmlurl;
      if (!xmlUrl) return;
      const url = httpUrl(xmlUrl);
      if (!url) {
        invalid.push(xmlUrl.slice(0, 200));
        return;
      }
      if (seen.has(url)) return;
      seen.add(url);
      const feedTitle = (byName.title || byName.text || '').slice(0, 300) || undefined;
      feeds.push({ url, ...(feedTitle ? { title: feedTitle } : {}), ...(httpUrl(byName.htmlurl) ? { siteUrl: httpUrl(byName.htmlurl) } : {}) });
    },
    close(name) {
      if (name.toLowerCase() === 'title') inTitle = false;
    },
    text(value) {
      if (inTitle && title.length < 300) title += value;
    },
  });
  if (root !== 'opml') throw unreadable(root ? `it is XML (<${root.slice(0, 40)}>), not OPML` : 'it is not XML');
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { ...(cleanTitle ? { title: cleanTitle } : {}), feeds, invalid };
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/** An OPML 2.0 document listing the feeds, as feed readers import it. */
export function writeOpml(title: string, feeds: OpmlFeed[], createdAt: Date): string {
  const outlines = feeds.map((feed) => {
    const name = escapeXml(feed.title ?? feed.url);
    const site = feed.siteUrl ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : '';
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(feed.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${createdAt.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

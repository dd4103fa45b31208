import { htmlToText, inlineText, normalizeText } from './html-text.ts';

// Reading one raw entry as fast-xml-parser hands it over (attributes as "@_name", text as "#text" when
// the element has attributes, arrays for repeated elements). RSS 2.0, RSS 1.0 (RDF) and Atom use
// different element names for the same things; each field below tries them in order of reliability.

export type Raw = unknown;

export interface RawItemFields {
  guid?: string;
  link?: string;
  title?: string;
  text: string;
  published?: string;
  author?: string;
  image?: string;
  sourceName?: string;
  sourceUrl?: string;
  categories: string[];
}

export function isRecord(value: Raw): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: Raw): Raw[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element: a plain string, or "#text" when it has attributes. */
export function text(value: Raw): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isRecord(value) && '#text' in value) return text(value['#text']);
  return '';
}

export function attr(value: Raw, name: string): string {
  const first = Array.isArray(value) ? value[0] : value;
  return isRecord(first) ? text(first[`@_${name}`]) : '';
}

/** All text under an element, for Atom type="xhtml" content that arrives as nested objects. */
function deepText(value: Raw): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(deepText).join('\n\n');
  if (!isRecord(value)) return '';
  return Object.entries(value)
    .filter(([key]) => !key.startsWith('@_'))
    .map(([, child]) => deepText(child))
    .filter((part) => part.trim() !== '')
    .join('\n\n');
}

function contentText(value: Raw): string {
  if (value === undefined) return '';
  const first = Array.isArray(value) ? value[0] : value;
  if (attr(first, 'type') === 'xhtml') return normalizeText(deepText(first));
  return htmlToText(text(first));
}

/** The Atom link to the entry's page: rel="alternate" (or no rel), HTML preferred. */
function atomLink(links: Raw[]): string {
  const pages = links.filter((link) => ['', 'alternate'].includes(attr(link, 'rel')));
  const html = pages.find((link) => ['', 'text/html', 'application/xhtml+xml'].includes(attr(link, 'type')));
  return attr(html ?? pages[0], 'href');
}

export function linkOf(raw: Record<string, unknown>): string {
  const links = list(raw.link);
  const plain = links.map(text).find((value) => value !== '');
  if (plain) return plain;
  const atom = atomLink(links) || atomLink(list(raw['atom:link']));
  if (atom) return atom;
  // RSS: a GUID is the item's permalink unless isPermaLink="false".
  const guid = text(raw.guid);
  if (guid && attr(raw.guid, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid)) return guid;
  return '';
}

/** "jane@example.com (Jane Doe)" -> "Jane Doe"; an Atom <author><name> -> its name. */
function authorOf(raw: Record<string, unknown>): string {
  const creator = text(raw['dc:creator']);
  if (creator) return creator;
  for (const author of list(raw.author)) {
    if (isRecord(author) && 'name' in author) return text(author.name);
    const value = text(author);
    const named = /\(([^)]+)\)\s*$/.exec(value);
    if (named?.[1]) return named[1].trim();
    if (value && !value.includes('@')) return value;
  }
  return '';
}

function isImage(type: string, url: string): boolean {
  return type.startsWith('image/') || (type === '' && /\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)/i.test(url));
}

function imageOf(raw: Record<string, unknown>, html: string): string {
  for (const enclosure of [...list(raw.enclosure), ...list(raw.link).filter((link) => attr(link, 'rel') === 'enclosure')]) {
    const url = attr(enclosure, 'url') || attr(enclosure, 'href');
    if (url && isImage(attr(enclosure, 'type'), url)) return url;
  }
  const group = isRecord(raw['media:group']) ? raw['media:group'] : {};
  for (const media of [...list(raw['media:content']), ...list(group['media:content'])]) {
    const url = attr(media, 'url');
    if (url && (attr(media, 'medium') === 'image' || isImage(attr(media, 'type'), url))) return url;
  }
  const thumbnail = attr(raw['media:thumbnail'], 'url') || attr(group['media:thumbnail'], 'url');
  if (thumbnail) return thumbnail;
  const itunes = attr(raw['itunes:image'], 'href');
  if (itunes) return itunes;
  // Last resort: the first picture in the item's own HTML.
  return /<img\s[^>]*src\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] ?? '';
}

/** Every field newsdesk needs from one RSS 2.0, RSS 1.0 or Atom entry. */
export function rawItemFields(value: Raw): RawItemFields {
  const raw = isRecord(value) ? value : {};
  const fullHtml = text(raw['content:encoded']) || text(raw.content);
  const full = raw['content:encoded'] !== undefined ? htmlToText(text(raw['content:encoded'])) : contentText(raw.content);
  const short = contentText(raw.description ?? raw.summary);
  const source = raw.source;
  return {
    guid: text(raw.guid) || text(raw.id) || attr(raw, 'rdf:about') || undefined,
    link: linkOf(raw) || undefined,
    title: inlineText(text(raw.title)) || undefined,
    text: full.length >= short.length ? full : short,
    published:
      text(raw.pubDate) || text(raw.published) || text(raw['dc:date']) || text(raw.issued) || text(raw.updated) || text(raw.modified) || undefined,
    author: authorOf(raw) || undefined,
    image: imageOf(raw, fullHtml || text(raw.description)) || undefined,
    sourceName: (isRecord(source) && 'title' in source ? text(source.title) : text(source)) || undefined,
    sourceUrl: attr(source, 'url') || undefined,
    categories: list(raw.category)
      .map((category) => text(category) || attr(category, 'term'))
      .filter((category) => category !== ''),
  };
}

import { safeTitle } from '../core/text-safety.ts';
import { publicationDate } from './dates.ts';
import type { FeedItem } from './feed-types.ts';
import { httpUrl } from './links.ts';
import { htmlToText, normalizeText } from './html-text.ts';
import { MAX_ARTICLE_CHARS, MAX_ITEM_TITLE_CHARS, MAX_TITLE_MARKUP_CHARS } from './limits.ts';
import { child, children, innerHtml, resolveLink, textOf, type XmlNode } from './xml-tree.ts';

// Reading one entry of the tree xml-tree.ts builds. RSS 2.0, RSS 1.0 (RDF), Atom 1.0 / 0.3, Dublin
// Core, Media RSS and iTunes name the same things differently; each field below tries them in order of
// reliability. Every text is cut to its cap before it is turned from HTML into text.

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

/** Text that reads as HTML: a tag or an entity left after XML decoding ("&lt;b&gt;", "&amp;eacute;"). */
const LOOKS_LIKE_HTML = /<[a-z/!]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

function hasElements(node: XmlNode): boolean {
  return node.children.some((item) => typeof item !== 'string');
}

/** The markup or text an Atom text construct (or an RSS element) holds, and whether it is HTML. */
function construct(node: XmlNode, maxChars: number): { value: string; html: boolean } | undefined {
  const type = (node.attrs.type ?? '').trim().toLowerCase();
  const mode = (node.attrs.mode ?? '').trim().toLowerCase();
  // Escaped HTML is text: an element inside it (an XHTML <div> wrapped round it) is not markup to keep.
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { value: decodeIf(mode, textOf(node)).slice(0, maxChars), html: true };
  if (type === 'xhtml' || type === 'application/xhtml+xml' || hasElements(node)) return { value: innerHtml(node).slice(0, maxChars), html: true };
  if (type === 'text' || type === 'text/plain') return { value: decodeIf(mode, textOf(node)).slice(0, maxChars), html: false };
  let value = textOf(node);
  // Atom: content of any other media type is base64. Only text is worth reading.
  const other = type !== '' && !type.startsWith('text/') && !type.endsWith('+xml') && !type.endsWith('/xml');
  if (mode === 'base64' || other) {
    const decoded = decodeBase64(value);
    if (decoded === undefined) return undefined;
    value = decoded;
  }
  value = value.slice(0, maxChars);
  return { value, html: LOOKS_LIKE_HTML.test(value) };
}

function decodeIf(mode: string, value: string): string {
  return mode === 'base64' ? (decodeBase64(value) ?? '') : value;
}

/** Base64 that decodes to UTF-8 text; undefined for binary (an image, a PDF). */
function decodeBase64(value: string): string | undefined {
  const bytes = Buffer.from(value.replace(/\s+/g, ''), 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A one-line title from a title element of any kind, capped at 300 characters. */
export function titleText(node: XmlNode | undefined): string {
  if (!node) return '';
  const read = construct(node, MAX_TITLE_MARKUP_CHARS);
  if (!read) return '';
  const text = read.html ? htmlToText(read.value) : read.value;
  return safeTitle(text, MAX_ITEM_TITLE_CHARS);
}

/** Body text from a content element of any kind, capped at the article limit. */
export function bodyText(node: XmlNode | undefined): string {
  if (!node) return '';
  const read = construct(node, MAX_ARTICLE_CHARS * 2);
  if (!read) return '';
  const text = read.html ? htmlToText(read.value) : normalizeText(read.value);
  return text.length > MAX_ARTICLE_CHARS ? text.slice(0, MAX_ARTICLE_CHARS) : text;
}

/** Characters of text under an element, without building the string. */
function size(node: XmlNode): number {
  let total = 0;
  const stack: XmlNode[] = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    total += item.textLength;
    for (const next of item.children) if (typeof next !== 'string') stack.push(next);
  }
  return total;
}

const BODY_ELEMENTS = [
  'content:encoded',
  'content',
  'xhtml:body',
  'body',
  'fullitem',
  'description',
  'summary',
  'dc:description',
  'itunes:summary',
  'media:description',
  'dcterms:abstract',
];

/** The fullest body of an entry: the longest of its content, description and summary elements (only that one is converted). */
function fullestBody(raw: XmlNode): { text: string; html: string } {
  const group = child(raw, 'media:group');
  const candidates: XmlNode[] = [];
  for (const name of BODY_ELEMENTS) {
    const found = child(raw, name) ?? (name === 'media:description' ? child(group, name) : undefined);
    if (found) candidates.push(found);
  }
  // Longest first; on a tie the order above (full content before a summary) stands.
  const ranked = candidates.map((node, index) => ({ node, index, size: size(node) })).sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { node } of ranked) {
    const text = bodyText(node);
    if (text !== '') return { text, html: construct(node, 20_000)?.value ?? '' };
  }
  return { text: '', html: '' };
}

const PAGE_TYPES = new Set(['', 'text/html', 'application/xhtml+xml']);

/** The link to the entry's page: an RSS <link>, else the Atom alternate link (HTML first), else a permalink GUID. */
export function linkOf(raw: XmlNode): string | undefined {
  const links = children(raw, 'link');
  for (const link of links) {
    const value = textOf(link).trim();
    const rel = (link.attrs.rel ?? '').trim().toLowerCase();
    if (value !== '' && link.attrs.href === undefined && (rel === '' || rel === 'alternate')) return resolveLink(link, value);
  }
  const pages = links.filter((link) => link.attrs.href !== undefined && ['', 'alternate'].includes((link.attrs.rel ?? '').trim().toLowerCase()));
  const page = pages.find((link) => PAGE_TYPES.has((link.attrs.type ?? '').trim().toLowerCase())) ?? pages[0];
  if (page) return resolveLink(page, page.attrs.href!);
  const guid = child(raw, 'guid');
  const value = guid ? textOf(guid).trim() : '';
  if (guid && (guid.attrs.ispermalink ?? 'true').trim().toLowerCase() !== 'false' && /^https?:\/\//i.test(value)) return resolveLink(guid, value);
  return undefined;
}

/** A feed-level link that is not an alternate page link (only a rel="self", say): better than none. */
export function anyLink(raw: XmlNode): string | undefined {
  const first = children(raw, 'link')[0];
  if (!first) return undefined;
  return resolveLink(first, first.attrs.href ?? first.attrs.url ?? textOf(first));
}

/** "jane@example.com (Jane Doe)" -> "Jane Doe"; an Atom <author><name> -> its name. */
function authorOf(raw: XmlNode): string {
  for (const author of [...children(raw, 'dc:creator'), ...children(raw, 'author'), ...children(raw, 'itunes:author'), ...children(raw, 'dc:author')]) {
    const name = child(author, 'name');
    if (name) return textOf(name).trim();
    const value = textOf(author).trim();
    // RSS writes "jane@example.com (Jane Doe)"; some feeds write "Jane Doe (jane@example.com)".
    const named = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(value);
    if (named?.[2] && !named[2].includes('@')) return named[2].trim();
    if (named?.[1] && !named[1].includes('@')) return named[1].trim();
    if (value && !value.includes('@')) return value;
  }
  return '';
}

function isImage(type: string, url: string): boolean {
  return type.startsWith('image/') || (type === '' && /\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)/i.test(url));
}

function imageOf(raw: XmlNode, html: string): string | undefined {
  const enclosures = [...children(raw, 'enclosure'), ...children(raw, 'link').filter((link) => link.attrs.rel === 'enclosure')];
  for (const enclosure of enclosures) {
    const url = enclosure.attrs.url ?? enclosure.attrs.href;
    if (url && isImage(enclosure.attrs.type ?? '', url)) return resolveLink(enclosure, url);
  }
  const group = child(raw, 'media:group');
  for (const media of [...children(raw, 'media:content'), ...children(group, 'media:content')]) {
    const url = media.attrs.url;
    if (url && (media.attrs.medium === 'image' || isImage(media.attrs.type ?? '', url))) return resolveLink(media, url);
  }
  const thumbnail = child(raw, 'media:thumbnail') ?? child(group, 'media:thumbnail');
  if (thumbnail?.attrs.url) return resolveLink(thumbnail, thumbnail.attrs.url);
  const itunes = child(raw, 'itunes:image');
  if (itunes?.attrs.href) return resolveLink(itunes, itunes.attrs.href);
  // Last resort: the first picture in the item's own HTML.
  const src = /<img\s[^>]*src\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
  return src ? resolveLink(raw, src) : undefined;
}

/** Publication first, then creation, then modification: the first one that is there. */
const DATE_ELEMENTS = [
  'pubdate',
  'published',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'issued',
  'created',
  'dcterms:date',
  'updated',
  'dcterms:modified',
  'modified',
  'lastbuilddate',
];

function dateOf(raw: XmlNode): string | undefined {
  for (const name of DATE_ELEMENTS) {
    const value = textOf(child(raw, name)).trim();
    if (value) return value;
  }
  return undefined;
}

/** Every field newsdesk needs from one RSS 2.0, RSS 1.0 or Atom entry. */
export function rawItemFields(raw: XmlNode): RawItemFields {
  const body = fullestBody(raw);
  const source = child(raw, 'source');
  const guid = textOf(child(raw, 'guid') ?? child(raw, 'id')).trim() || raw.attrs['rdf:about']?.trim();
  const titleNode = child(raw, 'title', 'dc:title', 'media:title') ?? child(child(raw, 'media:group'), 'media:title');
  const categories = [...children(raw, 'category'), ...children(raw, 'dc:subject'), ...children(raw, 'media:category'), ...children(raw, 'itunes:category')]
    .map((category) => textOf(category).trim() || (category.attrs.term ?? category.attrs.text ?? '').trim())
    .filter((category) => category !== '');
  return {
    guid: guid || undefined,
    link: linkOf(raw) ?? (raw.attrs['rdf:about'] && /^https?:/i.test(raw.attrs['rdf:about']) ? raw.attrs['rdf:about'] : undefined),
    title: titleText(titleNode) || undefined,
    text: body.text,
    published: dateOf(raw),
    author: authorOf(raw) || undefined,
    image: imageOf(raw, body.html),
    sourceName: (source ? titleText(child(source, 'title')) || titleText(source) : '') || undefined,
    sourceUrl: source?.attrs.url,
    categories,
  };
}

/** The item as newsdesk keeps it: links made absolute against `base` (the feed's URL or site), the date as ISO 8601. */
export function toItem(raw: RawItemFields, base: string | undefined): FeedItem {
  const item: FeedItem = { text: raw.text, categories: raw.categories };
  if (raw.guid) item.guid = raw.guid;
  const url = httpUrl(raw.link ?? '', base);
  if (url) item.url = url;
  if (raw.title) item.title = raw.title;
  const published = publicationDate(raw.published);
  if (published) Object.assign(item, published);
  if (raw.author) item.author = raw.author;
  const image = httpUrl(raw.image ?? '', url ?? base);
  if (image) item.imageUrl = image;
  if (raw.sourceName) item.sourceName = raw.sourceName;
  return item;
}

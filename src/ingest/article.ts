import { Readability } from '@mozilla/readability';
import { parseHTML } from './lazy-dom.ts';
import { UserError } from '../core/errors.ts';
import { assertOk } from './http-status.ts';
import { nodeToText, normalizeText, type TextNode } from './html-text.ts';
import { siteHost } from './links.ts';
import { readPageMeta, type MetaDocument, type PageMeta } from './page-meta.ts';
import { isFeed, PAGE_AND_FEED_TYPES } from './media-types.ts';
import type { SafeFetch } from './safe-fetch.ts';

/** A page's article: its metadata (see PageMeta; siteName falls back to the host without www) and text. */
export interface ExtractedArticle extends PageMeta {
  /** The URL the page was read from (after redirects). */
  url: string;
  /** Readable text: paragraphs separated by one blank line. */
  text: string;
}

// Readability on linkedom costs about half a millisecond per element and grows steeply with nesting
// depth (400 levels: 15 s), so larger or deeper documents go straight to the body-text fallback.
const MAX_ELEMENTS = 6_000;
const MAX_DEPTH = 80;
// Below this many characters Readability has probably picked a caption or a teaser, not the article.
const MIN_ARTICLE_CHARS = 250;
const CHROME =
  'nav, header, footer, aside, form, script, style, noscript, template, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .cookie-banner, .cookie, .newsletter, .related, .share, .social';

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

// linkedom's parser slows down steeply with nesting depth (20,000 levels: 3 s), so markup nested
// deeper than any real page is read by the tag-stripping fallback instead.
const MAX_MARKUP_DEPTH = 1_000;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The deepest element nesting the markup asks for, stopping once past the limit. */
export function markupDepth(html: string, limit = MAX_MARKUP_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = match[2]!.toLowerCase();
    if (VOID_TAGS.has(name) || match[3] === '/') continue;
    depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max && (max = depth) > limit) break;
  }
  return max;
}

/** Text of markup too deep to parse: blocks become paragraphs, other tags vanish, entities are decoded. */
function strippedText(html: string): string {
  const text = html
    .replace(/<(script|style|noscript|template)[\s>][\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(?:p|div|br|li|h[1-6]|article|section|blockquote|tr)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/</g, '&lt;');
  return normalizeText(parseHTML(`<!DOCTYPE html><html><body><pre>${text}</pre></body></html>`).document.body?.textContent ?? '');
}

function parse(html: string): LinkedomDocument {
  // linkedom builds no <html>/<body> around a bare fragment (or an empty string), and then its getters throw.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  return parseHTML(page).document;
}

/** True when the document is small and shallow enough for Readability. */
function withinReadabilityLimits(root: TextNode): boolean {
  let elements = 0;
  const stack: { node: TextNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.nodeType !== 1) continue;
    elements++;
    if (elements > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

interface Readable {
  /** False when the document was too large for Readability, so it is still untouched. */
  ran: boolean;
  text: string;
  title?: string;
  byline?: string;
}

function readable(document: LinkedomDocument): Readable {
  if (!document.documentElement || !withinReadabilityLimits(document.documentElement as unknown as TextNode)) return { ran: false, text: '' };
  try {
    const reader = new Readability(document as never, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node: unknown) => nodeToText(node as TextNode),
    });
    const result = reader.parse();
    if (!result?.content) return { ran: true, text: '' };
    return { ran: true, text: result.content, title: result.title ?? undefined, byline: result.byline ?? undefined };
  } catch {
    // Markup Readability cannot score: the caller falls back to the body.
    return { ran: true, text: '' };
  }
}

/** The page's body text without navigation, headers, footers and other chrome. */
function bodyText(document: LinkedomDocument): string {
  for (const element of [...document.querySelectorAll(CHROME)]) element.remove();
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  return root ? nodeToText(root as unknown as TextNode) : '';
}

function cleanByline(byline: string | undefined): string | undefined {
  const value = byline
    ?.replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
  return value && value.length <= 120 ? value : undefined;
}

/** Drops a first paragraph that only repeats the headline, so summaries start with the story. */
function withoutLeadingTitle(text: string, titles: (string | undefined)[]): string {
  const breakAt = text.indexOf('\n\n');
  if (breakAt < 0) return text;
  const first = text.slice(0, breakAt).trim().toLowerCase();
  const isTitle = titles.some((title) => title !== undefined && title.trim().toLowerCase() === first);
  return isTitle ? text.slice(breakAt + 2) : text;
}

/** Extracts the readable article and its metadata from a page. Never throws on bad markup. */
export function extractArticle(html: string, url: string): ExtractedArticle {
  if (markupDepth(html) > MAX_MARKUP_DEPTH) {
    return { url, text: strippedText(html), siteName: siteHost(url) };
  }
  const document = parse(html);
  const meta = readPageMeta(document as unknown as MetaDocument, url);
  const documentTitle = document.title?.trim() || document.querySelector('h1')?.textContent?.trim() || undefined;
  const result = readable(document);
  let text = result.text;
  if (text.length < MIN_ARTICLE_CHARS) {
    // Readability rewrites the document it reads, so the fallback needs a fresh copy when it ran.
    const fallback = bodyText(result.ran ? parse(html) : document);
    if (fallback !== '') text = fallback;
  }
  const title = meta.title || result.title || documentTitle || undefined;
  text = withoutLeadingTitle(normalizeText(text), [title, documentTitle, result.title]);
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title,
    text,
    author: meta.author ?? cleanByline(result.byline),
    publishedAt: meta.publishedAt,
    publishedOffset: meta.publishedOffset,
    siteName: meta.siteName ?? siteHost(url),
    imageUrl: meta.imageUrl,
    description: meta.description,
  };
}

/** Fetches a page through the safe fetcher and extracts its article. */
export async function fetchArticle(fetcher: SafeFetch, url: string): Promise<ExtractedArticle> {
  const result = assertOk(await fetcher(url, { accept: PAGE_AND_FEED_TYPES }));
  if (isFeed(result.mediaType, result.body)) {
    throw new UserError('That link is a feed, not an article: add it as a feed, or give me the link of one article.');
  }
  if (result.mediaType === 'application/json') throw new UserError('That link isn’t a web page (application/json).');
  const article =
    result.mediaType === 'text/plain'
      ? { url: result.url, text: normalizeText(result.body), siteName: siteHost(result.url) }
      : extractArticle(result.body, result.url);
  if (article.text === '') throw new UserError('I couldn’t find any article text on that page.');
  return article;
}

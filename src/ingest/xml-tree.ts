import { httpUrl } from './links.ts';
import { tokenizeXml } from './xml-tokens.ts';

// A forgiving XML reader for feeds: xml-tokens.ts (a tokenizer that never throws: a cut-off feed, a
// stray </tag>, a bare "&" or a missing final ">" still give a tree) building a small tree.
// Element names are lower-cased and their namespace prefix replaced by the one newsdesk reads them by,
// whatever prefix the feed chose ("<a:title xmlns:a='http://purl.org/dc/elements/1.1/'>" is "dc:title").
// A DOCTYPE is skipped as a declaration, so its entities are never defined, let alone expanded.

export interface XmlNode {
  /** Canonical prefix + ":" + lower-cased local name; Atom, RSS 1.0 and RSS 0.9 elements have no prefix. */
  name: string;
  /** Attributes by lower-cased name as written ("href", "xml:base", "rdf:about"). */
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
  /** The element's base URL: its xml:base (and its ancestors') over the document's own URL. */
  base?: string;
  /** Characters of text kept under this element; text past the cap is dropped as it arrives. */
  textLength: number;
}

const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': '',
  'http://purl.org/atom/ns#': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
};

/** Deeper elements are flattened into their ancestor: nobody writes news 200 levels deep, and walks stay short. */
const MAX_DEPTH = 200;

export interface XmlTreeOptions {
  /** The document's own URL, the base for relative links when no xml:base says otherwise. */
  baseUrl?: string;
  /** Characters of text kept per element (the rest is never copied). */
  maxTextPerElement: number;
}

/** Shared by every element without attributes (most of a feed's), so they cost no object of their own. */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

interface Open {
  node: XmlNode;
  /** The name as written, lower-cased, to match its closing tag. */
  raw: string;
  /** Namespace declarations made on this element. */
  prefixes: Record<string, string> | undefined;
}

/** Reads XML into a tree; the returned root is a synthetic element holding the document's top elements. */
export function readXmlTree(xml: string, options: XmlTreeOptions): XmlNode {
  const root: XmlNode = { name: '#document', attrs: NO_ATTRS, children: [], base: options.baseUrl, textLength: 0 };
  const stack: Open[] = [{ node: root, raw: '#document', prefixes: { xml: 'xml' } }];
  const max = options.maxTextPerElement;

  function lookup(prefix: string): string | undefined {
    for (let index = stack.length - 1; index >= 0; index--) {
      const found = stack[index]!.prefixes?.[prefix];
      if (found !== undefined) return found;
    }
    return undefined;
  }

  tokenizeXml(xml, {
    open(rawName, rawAttrs) {
      const raw = rawName.toLowerCase();
      const parent = stack[stack.length - 1]!.node;
      if (stack.length > MAX_DEPTH) {
        // Deeper elements add their text to the deepest kept one.
        stack.push({ node: parent, raw, prefixes: undefined });
        return;
      }
      let prefixes: Record<string, string> | undefined;
      let attrs = NO_ATTRS;
      if (rawAttrs) {
        attrs = {};
        for (const key in rawAttrs) {
          const value = rawAttrs[key]!;
          const lower = key.toLowerCase();
          attrs[lower] = value;
          if (lower === 'xmlns') (prefixes ??= {})[''] = value.trim().toLowerCase();
          else if (lower.startsWith('xmlns:')) (prefixes ??= {})[lower.slice(6)] = value.trim().toLowerCase();
        }
      }
      const entry: Open = { node: root, raw, prefixes };
      stack.push(entry);
      const name = canonicalName(raw, lookup);
      const xmlBase = attrs['xml:base'];
      const base = xmlBase !== undefined ? resolveBase(xmlBase, parent.base) : parent.base;
      const node: XmlNode = { name, attrs, children: [], base, textLength: 0 };
      entry.node = node;
      parent.children.push(node);
    },
    close(rawName) {
      const raw = rawName.toLowerCase();
      // A closing tag closes its element and any left open inside it; a stray one is ignored.
      for (let index = stack.length - 1; index > 0; index--) {
        if (stack[index]!.raw === raw) {
          stack.length = index;
          return;
        }
      }
    },
    text(text) {
      const node = stack[stack.length - 1]!.node;
      if (node.textLength >= max) return;
      const kept = node.textLength + text.length > max ? text.slice(0, max - node.textLength) : text;
      node.textLength += kept.length;
      const last = node.children.length - 1;
      // Text cut by comments or CDATA sections joins into one string per run.
      if (last >= 0 && typeof node.children[last] === 'string') node.children[last] += kept;
      else node.children.push(kept);
    },
  });
  return root;
}

function canonicalName(name: string, lookup: (prefix: string) => string | undefined): string {
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const uri = lookup(prefix);
  if (uri === undefined) return name;
  const known = NAMESPACES[uri];
  if (known === undefined) return name;
  return known === '' ? local : `${known}:${local}`;
}

function resolveBase(value: string, parent: string | undefined): string | undefined {
  try {
    return new URL(value.trim(), parent).href;
  } catch {
    return parent;
  }
}

/** The first child element with one of these names, in the order the names are given. */
export function child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  if (!node) return undefined;
  for (const name of names) {
    for (const item of node.children) if (typeof item !== 'string' && item.name === name) return item;
  }
  return undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node) return [];
  const out: XmlNode[] = [];
  for (const item of node.children) if (typeof item !== 'string' && item.name === name) out.push(item);
  return out;
}

/** All text under an element, in document order, markup dropped. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.children.length === 1 && typeof node.children[0] === 'string') return node.children[0];
  let out = '';
  const stack: (XmlNode | string)[] = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') out += item;
    else for (let index = item.children.length - 1; index >= 0; index--) stack.push(item.children[index]!);
  }
  return out;
}

const VOID = new Set(['br', 'hr', 'img', 'area', 'base', 'col', 'embed', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;'));
}

/** An element's content written back as HTML (Atom type="xhtml", xhtml:body), prefixes dropped, in order. */
export function innerHtml(node: XmlNode): string {
  let out = '';
  const stack: (XmlNode | string | { close: string })[] = [];
  for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += escapeHtml(item);
      continue;
    }
    if ('close' in item) {
      out += `</${item.close}>`;
      continue;
    }
    const local = item.name.slice(item.name.indexOf(':') + 1);
    let attrs = '';
    for (const key in item.attrs) if (key === 'href' || key === 'src' || key === 'alt') attrs += ` ${key}="${escapeHtml(item.attrs[key]!)}"`;
    out += `<${local}${attrs}>`;
    if (VOID.has(local)) continue;
    stack.push({ close: local });
    for (let index = item.children.length - 1; index >= 0; index--) stack.push(item.children[index]!);
  }
  return out;
}

/**
 * A link in the element, resolved against its xml:base and the document's URL. Without any base a
 * relative link is returned as written, for the caller to resolve against the feed's own site link.
 */
export function resolveLink(node: XmlNode, link: string): string | undefined {
  const value = link.trim();
  if (value === '') return undefined;
  if (node.base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return httpUrl(value, node.base);
}

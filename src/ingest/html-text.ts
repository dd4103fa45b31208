import { Parser } from 'htmlparser2';

import { normalizeText } from './plain-text.ts';

export { normalizeText };

// HTML to the plain text the engine reads: paragraphs separated by one blank line, entities decoded,
// scripts and styles dropped. The engine's offsets point into this text, so it must be stable.

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
  'body',
  'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'button', 'form', 'select']);

/** A minimal view of the DOM nodes both linkedom and Readability hand us. */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: TextNode | null;
  nextSibling: TextNode | null;
}

/** Children in order. linkedom's childNodes getter rebuilds a list on every call; sibling links are cheap. */
export function childrenOf(node: TextNode): TextNode[] {
  const out: TextNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/**
 * Plain text gathered as a walk over HTML meets it: block elements end paragraphs, <br> ends a line,
 * table cells are spaced apart. Both the DOM walk (nodeToText) and the streaming parse (htmlToText)
 * feed one of these, so they cannot drift apart.
 */
class TextBlocks {
  private readonly blocks: string[] = [];
  // The current paragraph, raw: white space is folded once, when the paragraph ends.
  private line = '';
  private earlierLines: string[] = [];

  text(value: string): void {
    this.line += value;
  }

  lineBreak(): void {
    this.earlierLines.push(this.line);
    this.line = '';
  }

  space(): void {
    this.line += ' ';
  }

  endBlock(): void {
    let text = fold(this.line);
    if (this.earlierLines.length > 0) {
      text = [...this.earlierLines.map(fold), text].join('\n').trim();
      this.earlierLines = [];
    }
    if (text !== '') this.blocks.push(text);
    this.line = '';
  }

  /** What an element's opening adds; false when its content is to be skipped. */
  open(name: string): boolean {
    if (SKIP.has(name)) return false;
    if (name === 'br') this.lineBreak();
    else if (BLOCK.has(name)) this.endBlock();
    return true;
  }

  close(name: string): void {
    if (BLOCK.has(name)) this.endBlock();
    else if (name === 'td' || name === 'th') this.space();
  }

  result(): string {
    this.endBlock();
    return this.blocks.join('\n\n');
  }
}

/** Runs of white space (any kind: tabs, newlines, no-break spaces) as one space, trimmed. */
function fold(text: string): string {
  // Most paragraphs hold single plain spaces only: then trimming is all there is to do.
  return NEEDS_FOLD.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

const NEEDS_FOLD = /[^\S ]| \s/;

// One streaming parser for every call (htmlToText never re-enters itself): building a fresh parser
// and tokenizer per feed item was a measurable share of parsing a 500-item feed.
let out = new TextBlocks();
// Elements open inside the wrapper <body>; the wrapper's own <html> and <body> come first.
let open: string[] = [];
let wrapperTags = 2;
let skipping = 0;
let done = false;
const parser = new Parser(
  {
    onopentag(name) {
      if (done) return;
      if (wrapperTags > 0) {
        wrapperTags--;
        return;
      }
      open.push(name);
      if (skipping > 0) skipping++;
      else if (!out.open(name)) skipping = 1;
    },
    onclosetag() {
      if (done || wrapperTags > 0) return;
      const name = open.pop();
      // Closing the wrapper <body> (a </body> or </html> in the markup does it early) ends the text.
      if (name === undefined) done = true;
      else if (skipping > 0) skipping--;
      else out.close(name);
    },
    ontext(text) {
      if (!done && wrapperTags === 0 && skipping === 0) out.text(text);
    },
  },
  { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
);

/**
 * HTML to text, streamed through htmlparser2 (the parser linkedom builds its documents with) without
 * building a DOM: a feed item's HTML is read 5-10 times faster. The markup is wrapped as linkedom
 * would read a fragment, and only what lands in that <body> counts, so the text is the same as the
 * DOM walk's.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeText(html);
  out = new TextBlocks();
  open = [];
  wrapperTags = 2;
  skipping = 0;
  done = false;
  parser.reset();
  parser.write('<!DOCTYPE html><html><body>');
  parser.write(html);
  parser.write('</body></html>');
  parser.end();
  return out.result();
}

/** Text of a DOM subtree, with block elements as paragraphs. */
export function nodeToText(root: TextNode): string {
  const out = new TextBlocks();
  // An explicit stack rather than recursion: pathological pages nest tens of thousands of elements deep.
  const stack: { node: TextNode; closing?: string }[] = [{ node: root }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (closing !== undefined) {
      out.close(closing);
      continue;
    }
    if (node.nodeType === 3) {
      out.text(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toLowerCase();
    if (!out.open(name) || name === 'br') continue;
    stack.push({ node, closing: name });
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]! });
  }
  return out.result();
}

/** A one-line string (a title) with any markup and entities resolved. */
export function inlineText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

import { parseHTML } from 'linkedom';

// HTML to the plain text the engine reads: paragraphs separated by one blank line, entities decoded,
// scripts and styles dropped. The engine's offsets point into this text, so it must be stable.

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul', 'body', 'html',
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

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeText(html);
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as TextNode);
}

/** Text of a DOM subtree, with block elements as paragraphs. */
export function nodeToText(root: TextNode): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (text !== '') blocks.push(text);
    line = '';
  };
  // An explicit stack rather than recursion: pathological pages nest tens of thousands of elements deep.
  const stack: { node: TextNode; closing?: string }[] = [{ node: root }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (closing !== undefined) {
      if (BLOCK.has(closing)) flush();
      else line += ' ';
      continue;
    }
    if (node.nodeType === 3) {
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      line += '\n';
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (BLOCK.has(name) || name === 'td' || name === 'th') stack.push({ node, closing: name });
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]! });
  }
  flush();
  return blocks.join('\n\n');
}

/** Plain text tidied the same way: unified line ends, trimmed lines, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line string (a title) with any markup and entities resolved. */
export function inlineText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

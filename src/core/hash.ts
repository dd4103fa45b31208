import { createHash, hash } from 'node:crypto';

/** sha256 of the text with white space folded, so re-wrapped copies of one article hash alike. */
export function contentHash(text: string): string {
  // crypto.hash digests in one call, without the Hash object createHash makes for streaming.
  return hash('sha256', text.replace(FOLD, ' ').trim(), 'hex');
}

// Same result as folding every white-space run (/\s+/g) to one space, but a lone space, by far the
// commonest run, is left in place instead of replaced by itself.
const FOLD = /\s\s+|[^\S ]/g;

export function shortId(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

import { createHash } from 'node:crypto';

/** sha256 of the text with white space folded, so re-wrapped copies of one article hash alike. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

export function shortId(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

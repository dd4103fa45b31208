import { MAX_TITLE_CHARS } from '../core/text-safety.ts';

// Caps applied to feed items before any heavy work (HTML to text, hashing, the engine), so one giant
// item costs no more than a long article and can never hold up a poll.

/** The longest article text newsdesk reads: pasted text, a feed item's body (about 30 long news articles). */
export const MAX_ARTICLE_CHARS = 200_000;
/** A feed item's title, as shown anywhere. */
export const MAX_ITEM_TITLE_CHARS = MAX_TITLE_CHARS;
/** Markup kept per XML element before it becomes text: twice the text limit leaves room for tags. */
export const MAX_ELEMENT_CHARS = MAX_ARTICLE_CHARS * 2;
/** A title's raw markup is cut here before it is read; 300 characters of text never need more. */
export const MAX_TITLE_MARKUP_CHARS = MAX_ITEM_TITLE_CHARS * 8;

/** The most bytes read of a fetched page or feed, or of a local file the CLI reads. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

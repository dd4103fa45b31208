import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.ts';

// The content hash is the core's (white space folded), so an article's id and the analysis cache agree.
export { contentHash } from '../core/hash.ts';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Id of an article known by its URL: the same for every link variant canonicalUrl folds together. */
export function idFromUrl(url: string): string {
  return sha256(`url:${canonicalUrl(url)}`);
}

/** Id of a feed item with a GUID but no link; scoped by feed, since GUIDs are only unique within one. */
export function idFromGuid(guid: string, feedKey = ''): string {
  return sha256(`guid:${feedKey}\n${guid.trim()}`);
}

import { STATUS_CODES } from 'node:http';
import { UserError } from '../core/errors.ts';
import type { FetchResult } from './safe-fetch.ts';

/** A final answer that was not 2xx (or 304): the poller reads status and retryAfterMs to back off. */
export class HttpStatusError extends UserError {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  readonly url: string;
  constructor(result: FetchResult) {
    super(statusMessage(result.status));
    this.status = result.status;
    this.retryAfterMs = result.retryAfterMs;
    this.url = result.url;
  }
}

function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `That page doesn’t exist (the site answered ${status} ${STATUS_CODES[status]}).`;
  if (status === 401 || status === 403) return `The site won’t let me read that page (${status} ${STATUS_CODES[status]}).`;
  if (status === 429) return 'The site asked me to slow down (429 Too Many Requests); try again later.';
  if (status >= 500) return `The site had an error (${status} ${STATUS_CODES[status] ?? ''}); try again later.`.replace(' )', ')');
  return `The site answered ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}.`;
}

/** Throws HttpStatusError unless the result is a success or a 304 Not Modified. */
export function assertOk(result: FetchResult): FetchResult {
  if (result.notModified || (result.status >= 200 && result.status < 300)) return result;
  throw new HttpStatusError(result);
}

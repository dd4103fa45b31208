/**
 * A platform call that failed, as the core needs to know it: which call, and whether trying again can
 * help. Adapters translate their SDK's errors into this (src/adapters/{discord,slack}/errors.ts).
 * - `gone`: the channel no longer exists or the bot may not post there (Discord 404 Unknown Channel,
 *   403 Missing Access / Permissions; Slack channel_not_found, not_in_channel, is_archived). Retrying
 *   does not help; after a few in a row the channel's digests are paused.
 * - `transient`: connection refused or reset, a time-out, a 5xx, a rate limit longer than the SDK
 *   waits for. Retried with back-off.
 * - `refused`: the platform refused this message (a 400): retrying the same message cannot help.
 */
export type PlatformFailure = 'gone' | 'transient' | 'refused';

export class PlatformCallError extends Error {
  override readonly name = 'PlatformCallError';
  constructor(
    readonly kind: PlatformFailure,
    /** The SDK call that failed ("chat.postMessage", "POST /channels/:id/messages"). */
    readonly call: string,
    /** The platform's own code or status ("channel_not_found", "404/10003"). */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`${call} failed (${kind}: ${code})`, options);
  }
}

export function failureKind(error: unknown): PlatformFailure {
  return error instanceof PlatformCallError ? error.kind : 'transient';
}

/** Network errors Node raises before any answer: worth another try. */
export const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

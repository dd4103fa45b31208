import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { NETWORK_CODES, PlatformCallError, type PlatformFailure } from '../../core/platform-error.ts';

/** Unknown Channel, Missing Access, Missing Permissions, Unknown Guild: the bot can't post in that channel. */
const GONE_CODES = new Set([10003, 50001, 50013, 10004]);

/** A discord.js error as the core's PlatformCallError, naming the call that failed. */
export function discordCallError(error: unknown, fallbackCall: string): PlatformCallError {
  if (error instanceof PlatformCallError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const kind: PlatformFailure = GONE_CODES.has(code) || error.status === 404 ? 'gone' : error.status >= 500 || error.status === 429 ? 'transient' : 'refused';
    return new PlatformCallError(kind, `${error.method.toUpperCase()} ${routeOf(error.url)}`, `${error.status}/${error.code}`, { cause: error });
  }
  if (error instanceof HTTPError)
    return new PlatformCallError('transient', `${error.method.toUpperCase()} ${routeOf(error.url)}`, String(error.status), { cause: error });
  if (error instanceof RateLimitError)
    return new PlatformCallError('transient', `${error.method.toUpperCase()} ${error.route}`, `429 for ${Math.round(error.retryAfter / 1000)} s`, {
      cause: error,
    });
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code ?? (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const name = error instanceof Error ? error.name : '';
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || name === 'AbortError' || name === 'TimeoutError') {
    return new PlatformCallError('transient', fallbackCall, typeof code === 'string' ? code : name, { cause: error });
  }
  return new PlatformCallError('transient', fallbackCall, error instanceof Error ? error.message.slice(0, 80) : 'unknown', { cause: error });
}

/** "/api/v10/channels/123/messages" -> "/channels/:id/messages", for logs. */
function routeOf(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/api(\/v\d+)?/, '');
  return path.replace(/\/\d{5,}/g, '/:id').replace(/\?.*$/, '');
}

import { NETWORK_CODES, PlatformCallError, type PlatformFailure } from '../../core/platform-error.ts';

/** Answers meaning the bot can't post in that channel any more. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'team_access_not_granted']);
/** Answers where a later try can work. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A @slack/web-api error as the core's PlatformCallError, naming the Web API method that failed. */
export function slackCallError(error: unknown, call: string): PlatformCallError {
  if (error instanceof PlatformCallError) return error;
  const shaped = (error ?? {}) as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; original?: { code?: unknown } };
  const answer = typeof shaped.data?.error === 'string' ? shaped.data.error : undefined;
  let kind: PlatformFailure = 'transient';
  let code = typeof shaped.code === 'string' ? shaped.code : 'unknown';
  if (shaped.code === 'slack_webapi_platform_error' && answer) {
    code = answer;
    kind = GONE.has(answer) ? 'gone' : TRANSIENT.has(answer) ? 'transient' : 'refused';
  } else if (shaped.code === 'slack_webapi_http_error') {
    code = `http ${String(shaped.statusCode)}`;
  } else if (shaped.code === 'slack_webapi_request_error' && typeof shaped.original?.code === 'string') {
    code = shaped.original.code;
  } else if (typeof shaped.code === 'string' && NETWORK_CODES.has(shaped.code)) {
    code = shaped.code;
  }
  return new PlatformCallError(kind, call, code, { cause: error });
}

// When to poll a feed next. Success: the configured interval. Failure: the interval doubled per
// consecutive failure up to a day, with ±10% jitter (so feeds that failed together do not retry in
// lock-step), and never sooner than the server's Retry-After (itself capped at a day, so one bad
// header cannot silence a feed for a year).

export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

export function nextPollAfterSuccess(now: Date, intervalMs: number, random: () => number): Date {
  return new Date(now.getTime() + jitter(intervalMs, random));
}

export function nextPollAfterFailure(now: Date, intervalMs: number, failures: number, retryAfterMs: number | undefined, random: () => number): Date {
  const backoff = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, Math.min(failures, 20)));
  const wait = Math.max(jitter(backoff, random), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  return new Date(now.getTime() + wait);
}

function jitter(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}

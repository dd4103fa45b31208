import type { Ymd } from './calendar.ts';

/** The publication time that relative expressions are resolved against, as the publisher's local wall clock. */
export interface Reference {
  date: Ymd;
  hour: number | null;
  minute: number | null;
  /** Minutes east of UTC, when the publication time states its zone. */
  offset: number | null;
}

const ISO = /^(\d{4})-?(\d\d)-?(\d\d)(?:[T ](\d\d):?(\d\d)(?::?(\d\d)(?:\.\d+)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * The publication time on the publisher's clock: `publishedAt` (an instant) written in the zone the
 * publisher stated, minutes east of UTC ("2026-12-06T15:30:00Z", 540 → "2026-12-07T00:30:00+09:00").
 * Unchanged without an offset.
 */
export function onPublisherClock(publishedAt: string | undefined, offset: number | undefined): string | undefined {
  if (!publishedAt || !offset) return publishedAt;
  const ms = Date.parse(publishedAt);
  if (Number.isNaN(ms)) return publishedAt;
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${zone}`;
}

/**
 * Parses an ISO 8601 publication time ("2026-11-26", "2026-11-26T08:30:00+02:00", "19980227").
 * The date stays the one the publisher saw (a "+02:00" time keeps its own calendar day), because
 * that is the day the article's "today" and "yesterday" mean. Other formats go through Date.parse.
 */
export function parseReference(publishedAt: string | undefined): Reference | null {
  if (!publishedAt) return null;
  const m = ISO.exec(publishedAt.trim());
  if (m) {
    const zone = m[7];
    let offset: number | null = null;
    if (zone && zone.toUpperCase() === 'Z') offset = 0;
    else if (zone) {
      const digits = zone.replace(':', '');
      offset = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    return {
      date: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) },
      hour: m[4] === undefined ? null : Number(m[4]),
      minute: m[5] === undefined ? null : Number(m[5]),
      offset,
    };
  }
  const ms = Date.parse(publishedAt);
  if (Number.isNaN(ms)) return null;
  const dt = new Date(ms);
  return {
    date: { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() },
    hour: dt.getUTCHours(),
    minute: dt.getUTCMinutes(),
    offset: 0,
  };
}

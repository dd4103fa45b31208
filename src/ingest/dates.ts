/** An ISO 8601 instant from RFC 822 / RFC 3339 / ISO dates; undefined when the date is unreadable. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  // A year outside this window is a template placeholder ("0001-01-01") or a typo, not a publication date.
  return year < 1990 || year > 2200 ? undefined : new Date(time).toISOString();
}

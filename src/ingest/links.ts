// Links as pages and feeds write them: relative, padded, sometimes javascript: or mailto:.

/** The absolute http(s) URL a link points to, resolved against `base`; undefined for anything else. */
export function httpUrl(link: string | null | undefined, base?: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host of a URL without "www.", to name a site that does not name itself. */
export function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

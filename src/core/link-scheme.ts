const LINK_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** The scheme of what looks like a link ("ftp" for "ftp://…"), whatever the scheme. */
export function linkScheme(value: string): string | undefined {
  return LINK_SCHEME.exec(value)?.[1];
}

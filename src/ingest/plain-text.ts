// Apart from html-text.ts so that reading pasted text (the CLI's summarize) does not load htmlparser2.

/** Plain text tidied as htmlToText tidies a page's: unified line ends, trimmed lines, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

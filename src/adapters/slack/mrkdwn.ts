import { safeField, safeText, safeTitle } from '../../core/text-safety.ts';

// Slack mrkdwn for text we did not write (article text, titles, user input, core messages).
// Slack asks for & < > to be escaped; that alone already defuses <!channel>, <!here>, <@U…> and links.
// The formatting characters have no escape in mrkdwn, so they are swapped for look-alikes that Slack
// does not treat as markup, and a line may not start with ">" (Slack quotes lines that start with &gt;).

const LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

/**
 * Escapes one line of foreign text (made safe, cut to a field's length, white space folded): no
 * mentions, links, formatting, quoting, control characters or bidi overrides.
 */
export function escapeText(text: string): string {
  const folded = safeField(text).replace(/\s+/g, ' ').trim();
  return escapeLine(folded);
}

/** Like escapeText, but keeps line breaks (core notices and usage lines are written with them). */
export function escapeMultiline(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      escapeLine(
        safeText(line)
          .replace(/[ \t\f\v]+/g, ' ')
          .trim(),
      ),
    )
    .join('\n');
}

function escapeLine(line: string): string {
  const escaped = line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (char) => LOOKALIKES[char] ?? char);
  // A zero-width space keeps Slack from reading a leading ">" as a block quote.
  return escaped.startsWith('&gt;') ? `\u200B${escaped}` : escaped;
}

/** A link with escaped label; anything but an http(s) URL is shown as the label alone. */
export function link(url: string | undefined, label: string): string {
  const text = escapeText(safeTitle(label)) || escapeUrlForLabel(safeTitle(url ?? ''));
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const target = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${target}|${text}>`;
}

function escapeUrlForLabel(url: string): string {
  return escapeText(url.replace(/^https?:\/\//i, ''));
}

/** Bold for already-escaped text (Slack needs the asterisks right against the words). */
export function bold(escaped: string): string {
  const trimmed = escaped.trim();
  return trimmed ? `*${trimmed}*` : '';
}

export function italic(escaped: string): string {
  const trimmed = escaped.trim();
  return trimmed ? `_${trimmed}_` : '';
}

/**
 * A time every reader sees in their own time zone (Slack's date token), with the UTC time as the
 * fallback for clients that cannot render it.
 */
export function slackDate(iso: string | undefined, format = '{date_short_pretty} {time}'): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return escapeText(iso);
  const fallback = new Date(time).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return `<!date^${Math.floor(time / 1000)}^${format}|${fallback}>`;
}

/**
 * Cuts escaped mrkdwn into pieces of at most `max` characters, never inside an entity (&amp;) or a
 * <link|label>, preferring line breaks, then spaces.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const atoms = text.match(/<[^>\n]*>|&[a-z]+;|\n|[ \t]+|[^<&\s]+|[<&]/g) ?? [];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.trim();
    if (trimmed) pieces.push(trimmed);
    current = '';
  };
  for (const atom of atoms) {
    if (current.length + atom.length <= max) {
      current += atom;
      continue;
    }
    // Break at the last line break in the piece if it is not too early, so paragraphs stay whole.
    const lastBreak = current.lastIndexOf('\n');
    if (lastBreak > max / 2) {
      const rest = current.slice(lastBreak + 1);
      current = current.slice(0, lastBreak);
      flush();
      current = rest;
    } else {
      flush();
    }
    if (current.length + atom.length <= max) {
      current += atom;
      continue;
    }
    flush();
    // A single word (or link) longer than a whole piece: cut it, as nothing else fits.
    for (let start = 0; start < atom.length; start += max) pieces.push(atom.slice(start, start + max));
  }
  flush();
  return pieces;
}

/**
 * Slack mrkdwn a user typed (a follow-up question) back to plain words: mentions dropped, links to
 * their labels, entities decoded.
 */
export function plainFromMrkdwn(text: string): string {
  return text
    .replace(/<[@!][^>]*>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts plain text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

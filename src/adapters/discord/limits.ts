import { embedLength, type APIEmbed, type APIEmbedField } from 'discord.js';
import { MAX_REPLY_MESSAGES } from '../../core/text-safety.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer text and author name, over all embeds of a message. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  threadName: 100,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
  commandDescription: 100,
} as const;

/** One message as sent to Discord: optional content, then embeds. */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  /** Roles this message may ping (an /alert's role in the content line); nothing else ever pings. */
  allowedRoles?: string[];
}

/** An embed before it is fitted: any field may be too long; `fitEmbed` makes it legal. */
export interface EmbedSpec {
  title?: string;
  url?: string;
  author?: { name: string; url?: string };
  description?: string;
  fields?: APIEmbedField[];
  footer?: string;
  color?: number;
  timestamp?: string;
}

const CONTINUED = ' (continued)';

/**
 * Splits text into chunks of at most `max` characters, preferring paragraph, then line, then sentence,
 * then word boundaries, so a long result is never cut off mid-word. Only a single "word" longer than
 * `max` (a giant URL) is cut hard, and then never inside a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = breakPoint(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // A break too early would waste most of a message; below half the room, take a weaker boundary.
  const floor = Math.floor(max / 2);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?…]["”’)]?\s/g, /\s/g]) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + match[0].length;
      // The boundary's white space itself may fall beyond max: it is trimmed away.
      const keep = match.index + match[0].trimEnd().length;
      if (keep <= max && keep > 0) best = Math.max(best, Math.min(end, max));
    }
    if (best >= floor) return best;
  }
  const lastSpace = window.search(/\s\S*$/);
  if (lastSpace > 0) return lastSpace;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Shortens a one-line text (a title, a name) at a word boundary, marking the cut with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Characters that count toward Discord's 6,000 per message, as discord.js counts them. */
export { embedLength };

/** Turns a spec into one or more embeds, each within every per-embed limit and the 6,000-character total. */
export function fitEmbed(spec: EmbedSpec): APIEmbed[] {
  const head: APIEmbed = { color: spec.color };
  if (spec.title) head.title = truncateAtWord(spec.title, LIMITS.title);
  if (spec.url) head.url = spec.url;
  if (spec.author) head.author = { name: truncateAtWord(spec.author.name, LIMITS.author), ...(spec.author.url ? { url: spec.author.url } : {}) };
  const footer = spec.footer ? truncateAtWord(spec.footer, LIMITS.footer) : undefined;

  const room = Math.min(LIMITS.description, LIMITS.embedTotal - embedLength(head) - (footer?.length ?? 0));
  const descriptions = spec.description ? splitText(spec.description, room) : [];
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = head;
  descriptions.forEach((chunk, index) => {
    if (index > 0) {
      embeds.push(current);
      current = { color: spec.color };
    }
    current.description = chunk;
  });

  for (const field of (spec.fields ?? []).flatMap(fitField)) {
    const fields = current.fields ?? [];
    if (fields.length >= LIMITS.fields || embedLength(current) + field.name.length + field.value.length > LIMITS.embedTotal) {
      embeds.push(current);
      current = { color: spec.color };
    }
    current.fields = [...(current.fields ?? []), field];
  }

  if (footer) {
    if (embedLength(current) + footer.length > LIMITS.embedTotal) {
      embeds.push(current);
      current = { color: spec.color };
    }
    current.footer = { text: footer };
  }
  if (spec.timestamp) current.timestamp = spec.timestamp;
  embeds.push(current);
  return embeds;
}

/** A field whose value is too long becomes several fields, the later ones marked as continued. */
function fitField(field: APIEmbedField): APIEmbedField[] {
  const name = truncateAtWord(field.name, LIMITS.fieldName) || '\u200b';
  const values = splitText(field.value, LIMITS.fieldValue);
  if (values.length === 0) values.push('\u200b');
  return values.map((value, index) => ({
    name: index === 0 ? name : truncateAtWord(name, LIMITS.fieldName - CONTINUED.length) + CONTINUED,
    value,
    ...(field.inline !== undefined ? { inline: field.inline && values.length === 1 } : {}),
  }));
}

/**
 * Packs groups of embeds into messages of at most 10 embeds and 6,000 characters. A group (one
 * story, one answer) stays in one message whenever it fits in one; `header` is the first message's
 * content and `continued(n)` the content of the later ones.
 */
export function packEmbeds(groups: APIEmbed[][], header?: string, continued?: (part: number) => string | undefined): DiscordPayload[] {
  const messages: DiscordPayload[] = [];
  let current: DiscordPayload | undefined;
  const fits = (message: DiscordPayload, embeds: APIEmbed[]) =>
    message.embeds.length + embeds.length <= LIMITS.embedsPerMessage && sum(message.embeds) + sum(embeds) <= LIMITS.embedTotal;
  const open = (): DiscordPayload => {
    const content = messages.length === 0 ? header : continued?.(messages.length + 1);
    const message: DiscordPayload = { embeds: [] };
    if (content) message.content = truncateAtWord(content, LIMITS.content);
    messages.push(message);
    return message;
  };
  for (const group of groups) {
    if (current && fits(current, group)) {
      current.embeds.push(...group);
      continue;
    }
    if (current && current.embeds.length > 0 && fits({ embeds: [] }, group)) current = open();
    current ??= open();
    for (const embed of group) {
      if (!fits(current, [embed])) current = open();
      current.embeds.push(embed);
    }
  }
  if (messages.length === 0) open();
  return messages;
}

function sum(embeds: APIEmbed[]): number {
  return embeds.reduce((total, embed) => total + embedLength(embed), 0);
}

/**
 * One reply posts at most `max` messages: whatever does not fit is dropped, and the last message kept
 * says so, so a hostile feed title or a giant article can never flood a channel with follow-ups.
 */
export function capMessages(messages: DiscordPayload[], max: number = MAX_REPLY_MESSAGES): DiscordPayload[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const last = kept[max - 1]!;
  const note = `✂️ Cut here: the rest was too long to post (${messages.length - max} more ${messages.length - max === 1 ? 'message' : 'messages'}).`;
  kept[max - 1] = { ...last, content: truncateAtWord(last.content ? `${last.content}\n${note}` : note, LIMITS.content) };
  return kept;
}

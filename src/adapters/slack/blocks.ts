import type { types } from '@slack/bolt';
import { MAX_REPLY_MESSAGES, safeTitle } from '../../core/text-safety.ts';
import { escapeText, splitMrkdwn, truncate } from './mrkdwn.ts';

// Block Kit building blocks and Slack's limits. Every message the adapter sends goes through `pack`,
// so no message can exceed them whatever the content.

export type SlackBlock = types.SectionBlock | types.ContextBlock | types.HeaderBlock | types.DividerBlock;

/** One chat message: blocks plus the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  /**
   * Slack refuses a message whose blocks hold too much text in total (`msg_blocks_too_long`, observed
   * around 13,000 characters although no limit is documented); stay well below it.
   */
  messageChars: 10_000,
  /** The notification text. */
  fallbackText: 300,
} as const;

/**
 * A header: plain_text, which Slack does not parse; a zero-width space after each "<" still makes sure
 * a title like "<!channel>" can never be read as a ping.
 */
export function header(text: string): types.HeaderBlock {
  const plain = (safeTitle(text, LIMITS.headerText - 10) || '…').replace(/</g, '<\u200B');
  return { type: 'header', text: { type: 'plain_text', text: truncate(plain, LIMITS.headerText), emoji: false } };
}

/** Sections for escaped mrkdwn lines: lines packed together up to the section limit, long ones cut. */
export function sections(lines: string[]): types.SectionBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.flatMap((item) => splitMrkdwn(item, LIMITS.sectionText))) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }));
}

/** A context block (small grey text) from escaped mrkdwn items; empty items are dropped. */
export function context(items: string[]): types.ContextBlock[] {
  const elements = items
    .filter((item) => item.trim() !== '')
    .slice(0, LIMITS.contextElements)
    .flatMap((item) => splitMrkdwn(item, LIMITS.contextText).slice(0, 1))
    .map((text) => ({ type: 'mrkdwn' as const, text, verbatim: true }));
  return elements.length ? [{ type: 'context', elements }] : [];
}

export const divider: types.DividerBlock = { type: 'divider' };

export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, element) => sum + ('text' in element ? element.text.length : 0), 0);
    case 'header':
      return block.text.text.length;
    default:
      return 0;
  }
}

/** A message before packing: its opening blocks, then groups of blocks best kept in one message. */
export interface Draft {
  /** Plain text (escaped here) for notifications and clients without blocks. */
  fallback: string;
  head: SlackBlock[];
  units: SlackBlock[][];
  /** Closing blocks of the last message (for example "reply in the thread"). */
  tail?: SlackBlock[];
  /** Plain text a follow-on message shows at its top when the draft needs several messages. */
  continued: (part: number, parts: number) => string;
  /**
   * At most this many messages (default MAX_REPLY_MESSAGES): the rest is cut and the last message says
   * so. A digest sets its own, as its part count is capped where it is composed.
   */
  maxMessages?: number;
}

/**
 * Packs a draft into as few messages as Slack's limits allow. A unit that fits in a message is never
 * split across two; a unit larger than a whole message is split between its blocks.
 */
export function pack(draft: Draft): SlackMessage[] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [...draft.head];
  let chars = sum(page);
  // Room for a "continued" line on follow-on pages and the tail on the last one.
  const reserve = { blocks: 1 + (draft.tail?.length ?? 0), chars: 200 + sum(draft.tail ?? []) };
  const fits = (blocks: SlackBlock[], intoBlocks: number, intoChars: number) =>
    intoBlocks + blocks.length + reserve.blocks <= LIMITS.blocksPerMessage && intoChars + sum(blocks) + reserve.chars <= LIMITS.messageChars;
  const turn = () => {
    if (page.length) pages.push(page);
    page = [];
    chars = 0;
  };
  for (const unit of draft.units) {
    if (!fits(unit, page.length, chars) && page.length > 0 && fits(unit, 0, 0)) turn();
    for (const block of unit) {
      if (!fits([block], page.length, chars)) turn();
      page.push(block);
      chars += blockChars(block);
    }
  }
  page.push(...(draft.tail ?? []));
  turn();
  if (pages.length === 0) pages.push(context(['…']));
  const max = draft.maxMessages ?? MAX_REPLY_MESSAGES;
  if (pages.length > max) {
    const dropped = pages.length - max;
    pages.length = max;
    const last = pages[max - 1]!;
    // A page always leaves room for one more block (the reserve above), so the note fits.
    pages[max - 1] = [
      ...last.slice(0, LIMITS.blocksPerMessage - 2),
      ...context([`_${escapeText(`✂️ Cut here: the rest was too long to post (${dropped} more ${dropped === 1 ? 'message' : 'messages'}).`)}_`]),
    ];
  }
  return pages.map((blocks, index) => {
    if (index === 0) return { text: escapeText(truncate(draft.fallback, LIMITS.fallbackText)), blocks: trimDividers(blocks) };
    const note = escapeText(truncate(draft.continued(index + 1, pages.length), LIMITS.fallbackText));
    return { text: note, blocks: trimDividers([...context([`_${note}_`]), ...blocks]) };
  });
}

function sum(blocks: SlackBlock[]): number {
  return blocks.reduce((total, block) => total + blockChars(block), 0);
}

/** A divider at the very end of a message only adds a line. */
function trimDividers(blocks: SlackBlock[]): SlackBlock[] {
  let end = blocks.length;
  while (end > 1 && blocks[end - 1]?.type === 'divider') end--;
  return blocks.slice(0, end);
}

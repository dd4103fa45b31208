import type { Span, TimelineEntry, TimexType } from '../core/types.ts';
import { splitSentences } from '../engine/sentences.ts';
import { sortKey, tagTimex, type Timex } from '../engine/timeline.ts';
import { findAll, type ArticleIndex } from './grounding.ts';
import { isTimemlValue } from './timeml.ts';

export interface ModelTimex {
  expression: string;
  type: TimexType;
  value: string;
  event: string;
}

/**
 * The model's timeline, kept only where its expression is in the text. Values are computed in code
 * where the embedded tagger resolves the same words (it knows the calendar and the publication time);
 * otherwise the model's value is kept only if it is a well-formed TimeML value. Ordered like the
 * embedded timeline: by the time named, then undated entries in text order.
 */
export function groundTimeline(article: ArticleIndex, items: ModelTimex[], publishedAt?: string): TimelineEntry[] {
  const { text } = article;
  let tagged: Timex[] | undefined;
  let sentences: Span[] | undefined;
  const kept: TimelineEntry[] = [];
  for (const item of items) {
    const expression = item.expression.trim();
    if (expression === '') continue;
    const candidates = findAll(text, article.folded, expression, { ignoreCase: true }).filter(
      (candidate) => isWordBounded(text, candidate) && !kept.some((entry) => entry.start < candidate.end && candidate.start < entry.end),
    );
    if (candidates.length === 0) continue;
    tagged ??= tagTimex(text, { publishedAt });
    sentences ??= splitSentences(text);
    const span = pickOccurrence(candidates, expression, item.event, tagged, sentences);
    const computed = tagged.find((timex) => timex.start < span.end && span.start < timex.end);
    const type = computed?.type ?? item.type;
    const value = computed?.value ?? item.value.trim();
    if (!isTimemlValue(value, type)) continue;
    const sentence = sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
    const event = item.event.replace(/\s+/g, ' ').trim() || sentence?.text || span.text;
    kept.push({ ...span, type, value, event });
  }
  return kept
    .map((entry, index) => ({ entry, index, key: sortKey(entry) }))
    .sort((a, b) => {
      if (a.key !== null && b.key !== null) return a.key - b.key || a.index - b.index;
      if (a.key !== null) return -1;
      if (b.key !== null) return 1;
      return a.entry.start - b.entry.start;
    })
    .map(({ entry }) => entry);
}

/**
 * The model names an expression, not a place: where it occurs more than once, prefer the occurrence
 * the embedded tagger reads as this very time expression (so "May" the month, not "may" the verb), then one
 * written as given, then one in the sentence sharing most words with the event; else the first.
 */
function pickOccurrence(candidates: Span[], expression: string, event: string, tagged: Timex[], sentences: Span[]): Span {
  if (candidates.length === 1) return candidates[0]!;
  const eventWords = new Set(event.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
  const score = (span: Span) => {
    const sentence = sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
    const shared = new Set((sentence?.text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((word) => eventWords.has(word))).size;
    const exact = span.text.replace(/\s+/g, ' ') === expression.replace(/\s+/g, ' ') ? 40 : 0;
    const timex = tagged.some((t) => t.start === span.start && t.end === span.end)
      ? 100
      : tagged.some((t) => t.start < span.end && span.start < t.end)
        ? 25
        : 0;
    return exact + timex + Math.min(shared, 49);
  };
  return candidates.reduce((best, span) => (score(span) > score(best) ? span : best), candidates[0]!);
}

// "May" must not match inside "Mayor", nor "1990" inside "19901".
function isWordBounded(text: string, span: Span): boolean {
  const before = text[span.start - 1];
  const after = text[span.end];
  return (
    !(before && /[\p{L}\p{N}]/u.test(before) && /^[\p{L}\p{N}]/u.test(span.text)) && !(after && /[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]$/u.test(span.text))
  );
}

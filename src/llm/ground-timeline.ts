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
    const span = findAll(text, article.folded, expression, { ignoreCase: true }).find(
      (candidate) => isWordBounded(text, candidate) && !kept.some((entry) => entry.start === candidate.start),
    );
    if (!span) continue;
    tagged ??= tagTimex(text, { publishedAt });
    const computed = tagged.find((timex) => timex.start < span.end && span.start < timex.end);
    const type = computed?.type ?? item.type;
    const value = computed?.value ?? item.value.trim();
    if (!isTimemlValue(value, type)) continue;
    sentences ??= splitSentences(text);
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

// "May" must not match inside "Mayor", nor "1990" inside "19901".
function isWordBounded(text: string, span: Span): boolean {
  const before = text[span.start - 1];
  const after = text[span.end];
  return !(before && /[\p{L}\p{N}]/u.test(before) && /^[\p{L}\p{N}]/u.test(span.text)) && !(after && /[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]$/u.test(span.text));
}

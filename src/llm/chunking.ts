import type { Article, Span } from '../core/types.ts';
import { splitSentences } from '../engine/sentences.ts';
import { isStopWord, stemTokens, tokenize } from '../engine/text.ts';
import { estimateTokens } from './client.ts';

// Article text goes to the model as delimited data, cut to fit a token budget: long articles are read
// in parts (analysis) and, for answers, only the sentences that fit are sent, the most relevant first.

/** Article text cannot close the data block it sits in: runs of <<< or >>> become look-alike marks. */
export function neutralise(text: string): string {
  return text.replace(/<{3,}/g, (run) => '‹'.repeat(run.length)).replace(/>{3,}/g, (run) => '›'.repeat(run.length));
}

/** Consecutive parts of the text, each within `maxTokens`, cut between sentences (or, inside a huge sentence, between words). */
export function chunkText(text: string, maxTokens: number): Span[] {
  const maxChars = Math.max(200, maxTokens * 4);
  if (estimateTokens(text) <= maxTokens) return [{ text, start: 0, end: text.length }];
  const pieces = splitSentences(text).flatMap((sentence) => (sentence.text.length > maxChars ? splitLong(text, sentence, maxChars) : [sentence]));
  const chunks: Span[] = [];
  let start = -1;
  let end = -1;
  for (const piece of pieces) {
    if (start >= 0 && piece.end - start > maxChars) {
      chunks.push({ text: text.slice(start, end), start, end });
      start = -1;
    }
    if (start < 0) start = piece.start;
    end = piece.end;
  }
  if (start >= 0) chunks.push({ text: text.slice(start, end), start, end });
  return chunks;
}

function splitLong(text: string, span: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const cut = text.lastIndexOf(' ', start + maxChars);
    const end = cut > start ? cut : start + maxChars;
    out.push({ text: text.slice(start, end), start, end });
    start = end;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) out.push({ text: text.slice(start, span.end), start, end: span.end });
  return out;
}

/** A sentence as the answer prompt numbers it. */
export interface NumberedSentence {
  n: number;
  article: Article;
  span: Span;
}

export interface AnswerContext {
  sentences: NumberedSentence[];
  /** The delimited block for the prompt. */
  block: string;
}

/**
 * The articles as numbered sentences within the token budget. When they do not all fit, sentences
 * sharing the question's content words go first (each article's opening sentence too, for context);
 * the chosen ones are shown in article order.
 */
export function answerContext(question: string, articles: Article[], maxTokens: number): AnswerContext {
  const wanted = new Set(
    tokenize(question)
      .filter((token) => !isStopWord(token))
      .flatMap((token) => stemTokens(token)),
  );
  const all = articles.flatMap((article, a) =>
    splitSentences(article.text).map((span, s) => {
      const hits = new Set(stemTokens(span.text).filter((stem) => wanted.has(stem))).size;
      return { article, a, s, span, score: hits + (s === 0 ? 0.5 : 0) };
    }),
  );
  const headers = articles.map((article, a) => estimateTokens(articleHeader(article, a)));
  let budget = maxTokens - headers.reduce((sum, tokens) => sum + tokens, 0);
  const chosen = new Set<(typeof all)[number]>();
  const byScore = [...all].sort((x, y) => y.score - x.score || x.a - y.a || x.s - y.s);
  for (const item of byScore) {
    const cost = estimateTokens(item.span.text) + 2;
    if (cost > budget) continue;
    chosen.add(item);
    budget -= cost;
  }
  const sentences: NumberedSentence[] = [];
  const lines: string[] = ['<<<ARTICLES'];
  articles.forEach((article, a) => {
    const mine = all.filter((item) => item.a === a && chosen.has(item));
    if (mine.length === 0) return;
    lines.push(articleHeader(article, a));
    for (const item of mine) {
      const n = sentences.length + 1;
      sentences.push({ n, article, span: item.span });
      lines.push(`[${n}] ${neutralise(item.span.text.replace(/\s+/g, ' '))}`);
    }
    lines.push('');
  });
  lines.push('ARTICLES>>>');
  return { sentences, block: lines.join('\n') };
}

function articleHeader(article: Article, index: number): string {
  const meta = [article.siteName, article.publishedAt].filter(Boolean).join(', ');
  return `Article ${index + 1}: ${neutralise(article.title ?? 'untitled')}${meta ? ` (${neutralise(meta)})` : ''}`;
}

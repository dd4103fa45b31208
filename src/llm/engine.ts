import { openaiModule } from './openai-module.ts';
import type { Clock } from '../core/clock.ts';
import { contentHash } from '../core/hash.ts';
import type { Logger } from '../core/logger.ts';
import type { Analysis, AnalyzeOptions, Answer, Article, Engine, EngineInfo, Span, Tags } from '../core/types.ts';
import { answerContext, chunkText, neutralise, type NumberedSentence } from './chunking.ts';
import type { ModelClient, TokenUsage } from './client.ts';
import { normaliseTags } from './ground-tags.ts';
import { onPublisherClock } from '../engine/timeline/reference.ts';
import { groundTimeline, type ModelTimex } from './ground-timeline.ts';
import { groundQuotes, indexArticle, locateSummary, type ModelQuote } from './grounding.ts';
import { fillPrompt, loadPrompts, promptTag, type Prompts } from './prompts.ts';
import { ANALYSIS_FORMAT, ANSWER_FORMAT, SUMMARY_FORMAT, type AnalysisOutput, type AnswerOutput } from './schemas.ts';
import type { UsageLedger } from './usage.ts';

export interface LlmEngineOptions {
  client: ModelClient;
  usage: UsageLedger;
  /** Tokens a tenant may spend a month; 0: no limit. */
  monthlyBudget: number;
  logger: Logger;
  clock: Clock;
  prompts?: Prompts;
  /** Article tokens per analysis call; longer articles are read in parts (default 6,000). */
  chunkTokens?: number;
  /** Parts read at most; the rest of a giant page is left out (default 6). */
  maxChunks?: number;
  /** Article tokens sent with a question (default 6,000). */
  answerTokens?: number;
  /** After a time-out, a 5xx or a 429 that outlasted the SDK's retries, skip the model this long (default 60 s). */
  pauseMs?: number;
}

/** The model failed moments ago (unreachable, overloaded): not asked again until the pause ends. */
export class ModelPausedError extends Error {
  override readonly name = 'ModelPausedError';
}

/**
 * Analyses and answers from an OpenAI-compatible model. Everything it returns is checked against the
 * article (see grounding.ts); dates are valued in code. It throws when it cannot answer (time-out, 5xx
 * after the SDK's retries, invalid output twice, budget spent): the AnalysisService then asks the
 * embedded engine and does not cache that answer as this engine's.
 */
export class LlmEngine implements Engine {
  readonly info: EngineInfo;
  private readonly answerInfo: EngineInfo;
  private readonly prompts: Prompts;
  private pausedUntil = 0;

  constructor(private readonly options: LlmEngineOptions) {
    this.prompts = options.prompts ?? loadPrompts();
    const model = options.client.model;
    // The analysis cache key carries the prompts that shape an analysis: editing one refreshes results.
    this.info = { name: 'llm', model, version: `${promptTag(this.prompts.analysis)}+${promptTag(this.prompts['summary-merge'])}` };
    this.answerInfo = { name: 'llm', model, version: promptTag(this.prompts.answer) };
  }

  analyze(article: Article, options: AnalyzeOptions = {}): Promise<Analysis> {
    return this.guarded(() => this.analyzeNow(article, options));
  }

  answer(question: string, articles: Article[], options: { tenant?: string } = {}): Promise<Answer | null> {
    return this.guarded(() => this.answerNow(question, articles, options));
  }

  /**
   * A model that is down would make every channel's digest wait for the time-outs and retries in turn:
   * after such a failure the embedded engine answers at once for a short pause.
   */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    const now = this.options.clock.now().getTime();
    if (now < this.pausedUntil) throw new ModelPausedError(`the model failed recently; asking it again after ${new Date(this.pausedUntil).toISOString()}`);
    try {
      return await work();
    } catch (error) {
      const { APIConnectionError, InternalServerError, RateLimitError } = openaiModule();
      if (error instanceof APIConnectionError || error instanceof InternalServerError || error instanceof RateLimitError) {
        this.pausedUntil = this.options.clock.now().getTime() + (this.options.pauseMs ?? 60_000);
      }
      throw error;
    }
  }

  private async analyzeNow(article: Article, options: AnalyzeOptions): Promise<Analysis> {
    const { client, usage, monthlyBudget, logger } = this.options;
    await usage.assertWithinBudget(options.tenant, monthlyBudget);
    const sentences = options.sentences ?? 3;
    const all = chunkText(article.text, this.options.chunkTokens ?? 6000);
    const chunks = all.slice(0, this.options.maxChunks ?? 6);
    if (chunks.length < all.length)
      logger.warn({ article: article.id, parts: all.length, read: chunks.length }, 'article too long: the model reads its first parts only');
    const onUsage = (spent: TokenUsage) => usage.record(options.tenant, spent).then(() => undefined);
    const system = fillPrompt(this.prompts.analysis, { sentences, format: client.formatInstructions(ANALYSIS_FORMAT) });
    const parts: AnalysisOutput[] = [];
    for (const [index, chunk] of chunks.entries()) {
      parts.push(
        await client.json({
          system,
          user: analysisMessage(article, chunk, index, chunks.length),
          format: ANALYSIS_FORMAT,
          check: (value) => (value.summary.some((line) => line.trim() !== '') ? null : 'summary is empty: give at least one sentence'),
          onUsage,
        }),
      );
    }
    const points = parts.flatMap((part) => part.summary);
    const summaryLines = parts.length === 1 ? points : await this.mergeSummary(points, sentences, onUsage);

    const index = indexArticle(article.text);
    const { kept: quotes, dropped } = groundQuotes(index, parts.flatMap((part) => part.quotes) satisfies ModelQuote[]);
    if (dropped.length) logger.debug({ article: article.id, dropped: dropped.length }, 'model quotes not found in the article were dropped');
    return {
      articleId: article.id,
      contentHash: contentHash(article.text),
      engine: this.info,
      summary: locateSummary(index, summaryLines, sentences),
      tags: normaliseTags(index, mergeTags(parts.map((part) => part.tags))),
      quotes,
      timeline: groundTimeline(
        index,
        parts.flatMap((part) => part.timeline) satisfies ModelTimex[],
        onPublisherClock(article.publishedAt, article.publishedOffset),
      ),
    };
  }

  private async answerNow(question: string, articles: Article[], options: { tenant?: string }): Promise<Answer | null> {
    const { client, usage, monthlyBudget } = this.options;
    if (articles.length === 0) return null;
    await usage.assertWithinBudget(options.tenant, monthlyBudget);
    const context = answerContext(question, articles, this.options.answerTokens ?? 6000);
    if (context.sentences.length === 0) return null;
    const last = context.sentences.length;
    const output: AnswerOutput = await client.json({
      system: fillPrompt(this.prompts.answer, { format: client.formatInstructions(ANSWER_FORMAT) }),
      user: `${context.block}\n\n<<<QUESTION\n${neutralise(question.trim())}\nQUESTION>>>`,
      format: ANSWER_FORMAT,
      check: (value) => {
        const unknown = value.citations.filter((n) => n < 1 || n > last);
        return unknown.length ? `citations ${unknown.join(', ')} are not sentence numbers: the sentences are numbered 1 to ${last}` : null;
      },
      onUsage: (spent) => usage.record(options.tenant, spent).then(() => undefined),
    });
    if (!output.answered) return null;
    const { article, span } = citedSpan(context.sentences, output.citations);
    return { articleId: article.id, citation: span, text: output.answer.trim(), engine: this.answerInfo };
  }

  private async mergeSummary(points: string[], sentences: number, onUsage: (usage: TokenUsage) => Promise<void>): Promise<string[]> {
    const { client } = this.options;
    const output = await client.json({
      system: fillPrompt(this.prompts['summary-merge'], { sentences, format: client.formatInstructions(SUMMARY_FORMAT) }),
      user: `<<<POINTS\n${points.map((point) => `- ${neutralise(point.replace(/\s+/g, ' ').trim())}`).join('\n')}\nPOINTS>>>`,
      format: SUMMARY_FORMAT,
      onUsage,
    });
    return output.summary;
  }
}

function analysisMessage(article: Article, chunk: Span, index: number, count: number): string {
  const lines = [`Publication time: ${onPublisherClock(article.publishedAt, article.publishedOffset) ?? 'unknown'}`];
  if (count > 1) lines.push(`This is part ${index + 1} of ${count} of a long article; describe this part.`);
  lines.push('<<<ARTICLE');
  if (article.title) lines.push(`Title: ${neutralise(article.title)}`, '');
  lines.push(neutralise(chunk.text), 'ARTICLE>>>');
  return lines.join('\n');
}

function mergeTags(list: Tags[]): Tags {
  return {
    people: list.flatMap((tags) => tags.people),
    organizations: list.flatMap((tags) => tags.organizations),
    places: list.flatMap((tags) => tags.places),
    topics: list.flatMap((tags) => tags.topics),
  };
}

/**
 * The span the answer rests on: the first cited sentence, extended over cited sentences that follow it
 * directly in the same article (an Answer carries one article and one span).
 */
function citedSpan(sentences: NumberedSentence[], citations: number[]): { article: Article; span: Span } {
  const cited = new Set(citations);
  const first = sentences[citations[0]! - 1]!;
  let last = first;
  for (let n = first.n + 1; cited.has(n) && sentences[n - 1]?.article === first.article; n++) last = sentences[n - 1]!;
  const { text } = first.article;
  return { article: first.article, span: { text: text.slice(first.span.start, last.span.end), start: first.span.start, end: last.span.end } };
}

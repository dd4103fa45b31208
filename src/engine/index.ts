import { contentHash } from '../core/hash.ts';
import type { Analysis, AnalyzeOptions, Answer, Article, Engine, EngineInfo } from '../core/types.ts';
import { answerQuestion } from './answer.ts';
import { readsLanguage } from '../core/language-notice.ts';
import { detectLanguage } from './language.ts';
import { extractQuotes } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import { summarize } from './summary.ts';
import { extractTags } from './tags.ts';
import { extractTimeline } from './timeline.ts';
import { onPublisherClock } from './timeline/reference.ts';
import { nameInFull } from './summary-names.ts';

/** Bump when any part of the embedded engine changes what it returns: cached analyses refresh. */
export const EMBEDDED_ENGINE_VERSION = '10';

/** The offline engine: pure TypeScript, no network, no key. */
export class EmbeddedEngine implements Engine {
  readonly info: EngineInfo = { name: 'embedded', version: EMBEDDED_ENGINE_VERSION };

  async analyze(article: Article, options: AnalyzeOptions = {}): Promise<Analysis> {
    return analyzeArticle(article, options);
  }

  async answer(question: string, articles: Article[]): Promise<Answer | null> {
    // A long sentence is shown whole (up to 800 characters) rather than cut mid-sentence.
    const best = answerQuestion(
      question,
      articles.map((article) => ({ id: article.id, text: article.text, ...(article.title ? { title: article.title } : {}) })),
      { wholeSentenceChars: 800 },
    );
    if (!best) return null;
    const article = articles.find((candidate) => candidate.id === best.id);
    const [named] = article ? nameInFull(article.text, [best.span]) : [];
    return { articleId: best.id, citation: best.span, text: best.span.text, ...(named?.shown ? { shown: named.shown } : {}), engine: this.info };
  }
}

/** The whole analysis, synchronously (the CLI and the benchmark call this directly). */
export function analyzeArticle(article: Article, options: AnalyzeOptions = {}): Analysis {
  const { text, title } = article;
  // "Today" is the publisher's day: the instant on the clock of the zone its date stated.
  const publishedAt = onPublisherClock(article.publishedAt, article.publishedOffset);
  // One split serves the summary and the timeline (splitting costs more than either's own work).
  const sentences = splitSentences(text);
  const language = detectLanguage(text);
  // Tags, quotes and timeline are English rules: on other languages they would show wrong names,
  // quotes and dates, so they are left empty and the replies say why (readsLanguage).
  const english = readsLanguage(language);
  return {
    articleId: article.id,
    contentHash: contentHash(text),
    engine: { name: 'embedded', version: EMBEDDED_ENGINE_VERSION },
    summary: summarize(text, { sentences: options.sentences ?? 3, title, spans: sentences }),
    tags: english ? extractTags(text, { title }) : { people: [], organizations: [], places: [], topics: [] },
    quotes: english ? extractQuotes(text) : [],
    timeline: english ? extractTimeline(text, { publishedAt, sentences }) : [],
    language,
  };
}

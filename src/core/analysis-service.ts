import type Keyv from 'keyv';
import type { Logger } from './logger.ts';
import { contentHash } from './hash.ts';
import type { Analysis, AnalyzeOptions, Answer, Article, Engine } from './types.ts';

/**
 * Analyses through the configured engine, cached by content hash + engine + version + length, so an
 * article summarised for one channel is never summarised again for another. Concurrent requests for
 * the same article share one computation. If the primary engine fails, the fallback (the embedded
 * engine) answers, and the result says which engine it came from.
 */
export class AnalysisService {
  private readonly inFlight = new Map<string, Promise<Analysis>>();

  constructor(
    private readonly primary: Engine,
    private readonly cache: Keyv,
    private readonly logger: Logger,
    private readonly fallback?: Engine,
  ) {}

  get engine(): Engine {
    return this.primary;
  }

  cacheKey(article: Article, options: AnalyzeOptions = {}): string {
    const { name, version, model } = this.primary.info;
    return [contentHash(article.text), name, model ?? '-', version, options.sentences ?? 3].join(':');
  }

  async analyze(article: Article, options: AnalyzeOptions = {}): Promise<Analysis> {
    const key = this.cacheKey(article, options);
    const running = this.inFlight.get(key);
    if (running) return withArticleId(await running, article.id);
    const work = this.compute(key, article, options);
    this.inFlight.set(key, work);
    try {
      return withArticleId(await work, article.id);
    } finally {
      this.inFlight.delete(key);
    }
  }

  async answer(question: string, articles: Article[], options: { tenant?: string } = {}): Promise<Answer | null> {
    try {
      return await this.primary.answer(question, articles, options);
    } catch (error) {
      if (!this.fallback) throw error;
      this.logger.warn({ err: error, engine: this.primary.info }, 'answer failed; the embedded engine answers');
      return this.fallback.answer(question, articles, options);
    }
  }

  private async compute(key: string, article: Article, options: AnalyzeOptions): Promise<Analysis> {
    const cached = (await this.cache.get(key)) as Analysis | undefined;
    if (cached) return cached;
    let analysis: Analysis;
    try {
      analysis = await this.primary.analyze(article, options);
    } catch (error) {
      if (!this.fallback) throw error;
      this.logger.warn({ err: error, engine: this.primary.info, article: article.id }, 'analysis failed; the embedded engine answers');
      // Not cached under the primary's key: the model gets another chance next time.
      return this.fallback.analyze(article, options);
    }
    await this.cache.set(key, analysis);
    return analysis;
  }
}

function withArticleId(analysis: Analysis, articleId: string): Analysis {
  return analysis.articleId === articleId ? analysis : { ...analysis, articleId };
}

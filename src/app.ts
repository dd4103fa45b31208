import type { Config } from './config.ts';
import { AnalysisService } from './core/analysis-service.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { ArticleLibrary } from './core/library.ts';
import type { Logger } from './core/logger.ts';
import type { IngestPort, Services } from './core/services.ts';
import type { Engine } from './core/types.ts';
import { EmbeddedEngine } from './engine/index.ts';
import { createIngest, fetcherFromConfig } from './ingest/port.ts';
import { createLlmEngine } from './llm/index.ts';
import { createNewsroom } from './scheduler/newsroom.ts';
import { createStores, type Stores } from './store/index.ts';

export interface AppOverrides {
  clock?: Clock;
  stores?: Stores;
  ingest?: IngestPort;
  engine?: Engine;
  /** Digest and poll lease length (tests of crash recovery use a short one). */
  leaseMs?: number;
}

/** Builds every service once, from the parsed config. Tests pass overrides (a manual clock, a temp store). */
export function createServices(config: Config, logger: Logger, overrides: AppOverrides = {}): Services {
  const stores = overrides.stores ?? createStores({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, logger });
  const clock = overrides.clock ?? systemClock;
  // One fetcher for articles and feeds, so both read FETCH_ALLOW_HOSTS alike and share its clock.
  const fetcher = fetcherFromConfig(config, { now: () => clock.now().getTime() });
  const embedded = new EmbeddedEngine();
  // With OPENAI_API_KEY the model answers first; the embedded engine stays as its fallback.
  const engine = overrides.engine ?? createLlmEngine(config, stores.usage, clock, logger) ?? embedded;
  return {
    config,
    logger,
    clock,
    stores,
    analysis: new AnalysisService(engine, stores.analyses, logger, engine === embedded ? undefined : embedded),
    library: new ArticleLibrary(stores.articles, stores.recent, stores.threads),
    ingest: overrides.ingest ?? createIngest(config, fetcher),
    newsroom: createNewsroom(config, stores, clock, { fetcher, leaseMs: overrides.leaseMs }),
  };
}

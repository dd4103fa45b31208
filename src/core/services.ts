import type { Config } from '../config.ts';
import type { Stores } from '../store/index.ts';
import type { AnalysisService } from './analysis-service.ts';
import type { Clock } from './clock.ts';
import type { ArticleLibrary } from './library.ts';
import type { Logger } from './logger.ts';
import type { Newsroom } from '../scheduler/newsroom.ts';
import type { IngestPort } from './ingest-port.ts';

/** Reading articles from the outside world, through the one safe fetcher. */
export type { IngestPort };

/** Everything a command handler or a scheduled job may use; built once in src/app.ts. */
export interface Services {
  config: Config;
  logger: Logger;
  clock: Clock;
  stores: Stores;
  analysis: AnalysisService;
  library: ArticleLibrary;
  ingest: IngestPort;
  /** Feeds, stories, schedules and digests (src/feeds, src/stories, src/scheduler, src/digest). */
  newsroom: Newsroom;
}

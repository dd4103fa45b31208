// TEMPORARY until src/ingest/port.ts lands (src/app.ts imports it): builds Services exactly as
// createServices does, minus the ingest port, which these tests never use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { AnalysisService } from '../../src/core/analysis-service.ts';
import { systemClock, type Clock } from '../../src/core/clock.ts';
import { ArticleLibrary } from '../../src/core/library.ts';
import type { Services } from '../../src/core/services.ts';
import { EmbeddedEngine } from '../../src/engine/index.ts';
import { createNewsroom } from '../../src/scheduler/newsroom.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { Writable } from 'node:stream';
import pino from 'pino';

export function testServices(env: Record<string, string> = {}, overrides: { clock?: Clock; stores?: Stores } = {}) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  const logs: Record<string, unknown>[] = [];
  const logger = capturingLogger(logs);
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const stores = overrides.stores ?? createStores({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL });
  const clock = overrides.clock ?? systemClock;
  const services: Services = {
    config,
    logger,
    clock,
    stores,
    analysis: new AnalysisService(new EmbeddedEngine(), stores.analyses, logger),
    library: new ArticleLibrary(stores.articles, stores.recent, stores.threads),
    ingest: {
      fetchArticle: async () => {
        throw new Error('not used in these tests');
      },
      articleFromText: () => {
        throw new Error('not used in these tests');
      },
    },
    newsroom: createNewsroom(config, stores, clock),
  };
  return {
    services,
    logs,
    dataDir,
    async cleanup() {
      await services.stores.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function capturingLogger(logs: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

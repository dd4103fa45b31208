import type { Logger } from '../core/logger.ts';
import type { Stores } from '../store/index.ts';
import { sweep, type SweepReport } from '../store/retention.ts';
import { metrics } from './metrics.ts';

/** How often the bot sweeps: each run's work is bounded by what RETENTION_DAYS keeps, not by uptime. */
export const SWEEP_INTERVAL_MS = 60 * 60_000;

/** One sweep, logged and counted. Redis keeps TTLs itself; there the sweep has nothing to do. */
export function runRetention(stores: Stores, retentionDays: number, logger: Logger, now = Date.now()): SweepReport | undefined {
  if (!stores.sqlite) return undefined;
  const started = performance.now();
  const report = sweep(stores.sqlite, { now, retentionDays });
  for (const store of ['expired', 'threads', 'analyses', 'articles', 'stories', 'ledgers'] as const) {
    if (report[store] > 0) metrics.retentionDeleted.inc({ store }, report[store]);
  }
  logger.info({ ...report, ms: Math.round(performance.now() - started) }, 'retention sweep');
  return report;
}

/** Sweeps now and every hour until stopped. */
export function startRetention(stores: Stores, retentionDays: number, logger: Logger): { stop(): void } {
  const run = () => {
    try {
      runRetention(stores, retentionDays, logger);
    } catch (error) {
      logger.error({ err: error }, 'retention sweep failed');
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, SWEEP_INTERVAL_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

import { setLogger } from 'node-cron';
import type { Logger } from '../core/logger.ts';

/** node-cron's own lines (a missed execution, a failed task) go through pino, not straight to the console. */
export function routeCronLogs(logger: Logger): void {
  const log = logger.child({ component: 'node-cron' });
  const split = (message: string | Error, err?: Error): [Record<string, unknown>, string] =>
    message instanceof Error ? [{ err: message }, message.message] : [err ? { err } : {}, message];
  setLogger({
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, err) => log.error(...split(message, err)),
    debug: (message, err) => log.debug(...split(message, err)),
  });
}

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';

/**
 * Bolt and the Slack SDKs log through our pino logger. Their chatty debug output stays at debug; the
 * level is pino's, so Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  const line = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');
  return {
    // The SDKs pass objects: they are only serialised when the line is going to be written.
    debug: (...parts: unknown[]) => child.isLevelEnabled('debug') && child.debug(line(parts)),
    info: (...parts: unknown[]) => child.isLevelEnabled('info') && child.info(line(parts)),
    warn: (...parts: unknown[]) => child.isLevelEnabled('warn') && child.warn(line(parts)),
    error: (...parts: unknown[]) => child.isLevelEnabled('error') && child.error(line(parts)),
    setLevel: () => undefined,
    getLevel: () => toBoltLevel(child.level),
    setName: () => undefined,
  };
}

function toBoltLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

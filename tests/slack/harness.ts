import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { Services } from '../../src/core/services.ts';
import type { CommandDef } from '../../src/core/command.ts';
import { startSlack, type RunningSlack, type SlackStartOptions } from '../../src/adapters/slack/index.ts';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './fake-slack.ts';

export interface SlackHarness {
  fake: FakeSlack;
  slack: RunningSlack;
  services: Services;
  logs: Record<string, unknown>[];
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the first `count` matching log lines. */
  waitForLogs(match: (line: Record<string, unknown>) => boolean, count: number): Promise<Record<string, unknown>[]>;
  /** The app's /slack/events URL (HTTP mode). */
  eventsUrl: string;
  stop(): Promise<void>;
}

/** Fast retries so a 429 or a refused call costs milliseconds, not Slack's half-hour policy. */
export const FAST_RETRIES = { retries: 2, minTimeout: 0, maxTimeout: 1 };

/**
 * The real Slack adapter (Bolt) against a fake Slack on 127.0.0.1, on real services with a temp
 * SQLite store. HTTP mode by default; `socketMode` connects over the fake's websocket instead.
 */
export async function startHarness(
  commands: readonly CommandDef[],
  options: { socketMode?: boolean; env?: Record<string, string>; start?: SlackStartOptions; logLevel?: string; clock?: Clock } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'debug',
    ...(options.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    ...options.env,
  };
  const test = testServices(env, options.logLevel ?? 'debug', options.clock);
  let slack: RunningSlack;
  try {
    slack = await startSlack(test.services, commands, {
      port: 0,
      retryConfig: FAST_RETRIES,
      pacing: { intervalMs: 0, burst: 1 },
      ...options.start,
    });
  } catch (error) {
    await fake.close();
    await test.cleanup();
    throw error;
  }
  const eventsUrl = `http://127.0.0.1:${slack.address?.port ?? 0}/slack/events`;
  // The bot's own posts come back to it as events, as on real Slack (Socket Mode echoes on its own).
  if (slack.address) fake.echoTo = eventsUrl;
  return {
    fake,
    slack,
    services: test.services,
    logs: test.logs,
    waitForLog: test.waitForLog,
    async waitForLogs(match, count) {
      const seen: Record<string, unknown>[] = [];
      while (seen.length < count) seen.push(await test.waitForLog((line) => match(line) && !seen.includes(line)));
      return seen;
    },
    eventsUrl,
    async stop() {
      await fake.drainEchoes();
      await slack.stop();
      await fake.close();
      await test.cleanup();
    },
  };
}

/** Real services (createServices) on a fresh SQLite file in a temp folder, logging to a watched logger. */
export function testServices(env: Record<string, string>, logLevel: string, clock?: Clock) {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-slack-'));
  const { logger, logs, waitForLog } = watchedLogger(logLevel);
  const services = createServices(loadConfig({ DATA_DIR: dataDir, ...env }), logger, clock ? { clock } : {});
  return {
    services,
    logs,
    waitForLog,
    async cleanup() {
      await services.stores.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A debug logger whose lines tests can wait for (instead of sleeping until something happened). */
function watchedLogger(level: string) {
  const logs: Record<string, unknown>[] = [];
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        logs.push(line);
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (!waiters[i]!.match(line)) continue;
          waiters[i]!.resolve(line);
          waiters.splice(i, 1);
        }
      }
      done();
    },
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean) => {
    const found = logs.find(match);
    return found ? Promise.resolve(found) : new Promise<Record<string, unknown>>((resolve) => waiters.push({ match, resolve }));
  };
  return { logger: pino({ level }, sink), logs, waitForLog };
}

import { join } from 'node:path';
import pino from 'pino';
import { commands } from '../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from './adapters/console/chat.ts';
import { createServices } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv, slackConfigured, type Config } from './config.ts';
import { createLogger, type Logger } from './core/logger.ts';
import type { PlatformPort } from './core/platform.ts';
import type { Services } from './core/services.ts';
import { mkdirSync } from 'node:fs';
import { isStorageError, StorageError } from './store/storage-error.ts';
import { startOpsServer, opsRoutes, type OpsOptions, type ReadinessCheck } from './ops/http.ts';
import { collectProcessMetrics, lastHeartbeatAt } from './ops/metrics.ts';
import { countedPort } from './ops/instrument.ts';
import { storeCheck } from './ops/readiness.ts';
import { startRetention } from './ops/retention-job.ts';
import { routeCronLogs } from './ops/cron-logger.ts';

interface Running {
  name: string;
  stop(): Promise<void>;
  /** For GET /readyz: true, or why this part is not ready. */
  ready?: () => true | string;
}

interface RunningPlatform extends Running {
  port: PlatformPort;
}

/** Starts the bot: Discord and/or Slack when their tokens are set, else the terminal chat. */
export async function main(options: { forceConsole: boolean }): Promise<number> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const onPlatforms = !options.forceConsole && Boolean(config.DISCORD_TOKEN || slackConfigured(config));
  let services: Services;
  try {
    const logger = onPlatforms ? createLogger(config.LOG_LEVEL) : fileLogger(config);
    services = createServices(config, logger);
  } catch (error) {
    // A damaged database or an unwritable DATA_DIR: one line saying what to do, not a stack trace.
    if (!isStorageError(error)) throw error;
    process.stderr.write(`newsdesk: ${error.message}\n`);
    return 1;
  }
  const logger = services.logger;
  routeCronLogs(logger);
  const running: Running[] = [];
  try {
    if (onPlatforms) {
      let draining = false;
      const ops: OpsOptions = {
        checks: () => [storeCheck(services.stores), ...running.map((entry): ReadinessCheck => ({ name: entry.name, check: entry.ready ?? (() => true) }))],
        draining: () => draining,
      };
      collectProcessMetrics();
      // Slack's HTTP receiver holds PORT: the probes go on its server; otherwise on a server of their own.
      const slackOnPort = Boolean(config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN);
      if (!slackOnPort) {
        const server = await startOpsServer(config.PORT, ops);
        running.push({ name: 'ops', stop: () => server.close() });
        logger.info({ port: server.port }, 'health and metrics on /healthz, /readyz, /metrics');
      }
      const platforms = await startPlatforms(config, services, slackOnPort ? opsRoutes(ops) : undefined);
      running.push(...platforms);
      running.push(
        await startBackground(
          services,
          platforms.map((entry) => entry.port),
        ),
      );
      logger.info({ platforms: platforms.map((entry) => entry.name) }, 'newsdesk is running');
      await waitForSignal();
      draining = true;
    } else {
      await runConsole(services, running, Boolean(config.DISCORD_TOKEN || slackConfigured(config)));
    }
  } finally {
    await Promise.allSettled(running.reverse().map((entry) => entry.stop()));
    await services.stores.close();
  }
  return 0;
}

async function startPlatforms(config: Config, services: Services, customRoutes?: ReturnType<typeof opsRoutes>): Promise<RunningPlatform[]> {
  const started: RunningPlatform[] = [];
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    const discord = await startDiscord(services, commands);
    started.push({ name: 'discord', ...discord, ready: () => discord.connected() || 'not connected to the gateway' });
  }
  if (slackConfigured(config)) {
    const { startSlack } = await import('./adapters/slack/index.ts');
    // Started means Slack accepted the token and the receiver listens (HTTP) or connected (Socket Mode).
    started.push({ name: 'slack', ...(await startSlack(services, commands, { customRoutes })) });
  }
  return started;
}

/** Scheduled digests and feed polling, posting through every platform that runs. */
async function startBackground(services: Services, ports: PlatformPort[]): Promise<Running> {
  const { startScheduler } = await import('./scheduler/index.ts');
  const scheduler = await startScheduler(services, ports.map(countedPort));
  const retention = startRetention(services.stores, services.config.RETENTION_DAYS, services.logger);
  const startedAt = Date.now();
  return {
    name: 'scheduler',
    stop: () => {
      retention.stop();
      return scheduler.stop();
    },
    ready: () => heartbeatRecent(startedAt),
  };
}

async function runConsole(services: Services, running: Running[], tokensSet: boolean): Promise<void> {
  const { ensureDemoFeed } = await import('./scheduler/index.ts');
  process.stdout.write(
    (tokensSet
      ? 'newsdesk terminal chat — started with --console, so the bot talks here and not on Discord or Slack.\n'
      : 'newsdesk terminal chat — no Discord or Slack token is set, so the bot talks here.\n') +
      'This channel follows the demo feed. Try /digest now, /summary 1, /quotes 2, /timeline 3, /ask <question>, /help; /quit to leave.\n' +
      `(Logs go to ${join(services.config.DATA_DIR, 'newsdesk.log')}.)\n`,
  );
  // Subscribed before the first line is read, so "/digest now" finds the demo feed even when typed at once.
  await ensureDemoFeed(services, CONSOLE_CHANNEL);
  const chat = startConsoleChat(services, commands, {
    input: process.stdin,
    output: process.stdout,
    prompt: true,
    bracketedPaste: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  running.push({ name: 'console', stop: async () => chat.close() });
  running.push(await startBackground(services, [chat.port]));
  await chat.closed;
}

/** The scheduler's heartbeat runs each minute: ready while the last one finished within three. */
function heartbeatRecent(startedAt: number, now = Date.now()): true | string {
  const last = lastHeartbeatAt();
  if (last !== undefined && last >= startedAt && now - last <= 180_000) return true;
  if (last === undefined || last < startedAt) return now - startedAt <= 180_000 ? true : 'no heartbeat has finished since start';
  return `last heartbeat finished ${Math.round((now - last) / 1000)} s ago`;
}

/** In the terminal chat, log lines would interleave with the conversation: they go to a file. */
function fileLogger(config: Config): Logger {
  try {
    mkdirSync(config.DATA_DIR, { recursive: true });
  } catch (error) {
    throw new StorageError(`DATA_DIR=${config.DATA_DIR} is not a folder newsdesk can write (${(error as Error).message}). Set DATA_DIR to a writable folder.`, {
      cause: error,
    });
  }
  return createLogger(config.LOG_LEVEL, pino.destination({ dest: join(config.DATA_DIR, 'newsdesk.log'), sync: false, mkdir: true }));
}

/** The whole shutdown (platforms, scheduler, stores) gets this long; then the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 9_000;

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      // Parts still being sent stay recorded as sending; the next start checks the channel for them.
      setTimeout(() => {
        process.stderr.write(`newsdesk: shutdown after ${signal} took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting now\n`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main({ forceConsole: process.argv.includes('--console') });
  // Everything is stopped and the store closed; a platform call that never answered (its part stays
  // recorded as sending) must not keep the process alive until the shutdown deadline.
  setTimeout(() => process.exit(), 500).unref();
}

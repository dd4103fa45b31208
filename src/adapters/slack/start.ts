import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { CommandDef } from '../../core/command.ts';
import type { PlatformPort } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { registerHandlers } from './app.ts';
import { boltLogger } from './bolt-logger.ts';
import { invocationFor } from './commands.ts';
import { EventOnce } from './events.ts';
import { SlackOutbox } from './outbox.ts';
import { ChannelPacer, realSleep, type Sleep } from './pacer.ts';
import { SlackPermissions } from './permissions.ts';
import { slackPort } from './port.ts';
import { WorkQueue } from '../../core/work-queue.ts';
import { KeyvInstallationStore } from './installations.ts';
import { BOT_SCOPES } from './manifest.ts';
import { clientToken, installedTokens } from './tokens.ts';
import { watchQueue } from '../../ops/metrics.ts';
import type { CustomRoute } from '@slack/bolt';

export const EVENTS_PATH = '/slack/events';
/** Where a workspace admin starts the install, and where Slack sends them back (OAuth mode). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** How long stop() waits for acknowledged commands to finish (the whole shutdown must fit in 10 s). */
const STOP_GRACE_MS = 5_000;
/**
 * Bounded retries: @slack/web-api's default tries ten times over about thirty minutes, holding a
 * digest (and, on a 429, every call of the app) that long. Three tries over about fifteen seconds,
 * then the error goes back to the scheduler, which retries the digest with its own back-off.
 */
const RETRY_CONFIG: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 8_000 };
/** One Web API call gives up after this long (the default is to wait forever). */
const CALL_TIMEOUT_MS = 15_000;
/** A burst of commands is acknowledged before any of them is worked on (see README: Slack, Measured). */
const WORK_QUIET = { gapMs: 10, maxWaitMs: 1_000 };

export interface SlackStartOptions {
  /** HTTP port for /slack/events (default: PORT). 0 picks a free one (tests, the benchmark). */
  port?: number;
  /** Web API base URL (default: SLACK_API_URL, else Slack's own). */
  apiUrl?: string;
  /** How @slack/web-api retries failed calls (tests pass a fast policy). */
  retryConfig?: webApi.RetryOptions;
  /** Extra routes on the HTTP receiver's server (GET /healthz, /readyz, /metrics when Slack holds PORT). */
  customRoutes?: CustomRoute[];
  /** Spacing of posts to one channel (default one a second after a burst of three). */
  pacing?: { intervalMs: number; burst: number; sleep?: Sleep };
}

export interface RunningSlack {
  port: PlatformPort;
  stop(): Promise<void>;
  /** Where the HTTP receiver listens (HTTP mode only). */
  address?: { port: number };
}

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), else Bolt's
 * HTTP receiver on PORT at /slack/events for commands and events. Resolves once Slack accepted the
 * token (auth.test) and the receiver is listening or connected.
 */
export async function startSlack(services: Services, commands: readonly CommandDef[], options: SlackStartOptions = {}): Promise<RunningSlack> {
  const { config } = services;
  const token = config.SLACK_BOT_TOKEN;
  const distributed = Boolean(config.SLACK_CLIENT_ID);
  if (!token && !distributed)
    throw new Error(
      'SLACK_BOT_TOKEN is not set: put the Bot User OAuth Token (xoxb-…) there (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in any workspace).',
    );
  const logger = boltLogger(services.logger);
  const slackApiUrl = options.apiUrl ?? config.SLACK_API_URL ?? 'https://slack.com/api/';
  const agent = apiAgent(slackApiUrl);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl,
    agent,
    retryConfig: options.retryConfig ?? RETRY_CONFIG,
    timeout: CALL_TIMEOUT_MS,
  };
  const installations = new KeyvInstallationStore(services.stores.installations, services.logger);
  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (config.SLACK_APP_TOKEN) {
    socketReceiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions: { ...clientOptions } } });
  } else {
    if (!config.SLACK_SIGNING_SECRET)
      throw new Error('SLACK_SIGNING_SECRET is not set: HTTP mode needs the Signing Secret (or set SLACK_APP_TOKEN for Socket Mode).');
    httpReceiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      endpoints: EVENTS_PATH,
      logger,
      customRoutes: options.customRoutes,
      ...(distributed ? oauthOptions(config, installations, clientOptions) : {}),
    });
  }
  const app = new App({
    token,
    receiver: socketReceiver ?? httpReceiver,
    clientOptions,
    logger,
    // auth.test runs in init(), where its failure can be reported, not in the constructor.
    deferInitialization: true,
    // No conversation state is kept in Bolt (threads are in our store): one middleware less per request.
    convoStore: false,
  });

  const pacer = new ChannelPacer(services.clock, options.pacing?.sleep ?? realSleep, options.pacing?.intervalMs, options.pacing?.burst);
  // With OAuth, each workspace's calls carry its own token (the installer's authorize, as for requests).
  const tokens = httpReceiver?.installer ? installedTokens(httpReceiver.installer, installations) : clientToken;
  const outbox = new SlackOutbox(app.client, services, pacer, invocationFor(commands), tokens);
  const permissions = new SlackPermissions(app.client, config.SLACK_ADMIN_USERS, services.clock, services.logger, tokens);
  const work = new WorkQueue(4, WORK_QUIET);
  const unwatch = watchQueue('slack-commands', () => work.depth);
  registerHandlers(app, { services, commands, outbox, permissions, once: new EventOnce(services.stores.events, services.stores.kind), work, installations });

  try {
    await app.init();
  } catch (error) {
    agent.destroy();
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test failed: ${describe(error)}).`, { cause: error });
  }
  const port = slackPort(outbox, services.logger);
  if (socketReceiver) {
    const receiver = socketReceiver;
    try {
      await receiver.start();
    } catch (error) {
      agent.destroy();
      throw new Error(`Slack did not open a Socket Mode connection with SLACK_APP_TOKEN (${describe(error)}).`, { cause: error });
    }
    services.logger.info({ platform: 'slack', mode: 'socket' }, 'slack: connected in Socket Mode');
    logSocketState(receiver, services);
    return {
      port,
      async stop() {
        await receiver.client.disconnect();
        await work.drain(STOP_GRACE_MS);
        unwatch();
        agent.destroy();
      },
    };
  }
  let server: Server;
  try {
    server = (await app.start(options.port ?? config.PORT)) as Server;
  } catch (error) {
    agent.destroy();
    throw new Error(`Slack: could not listen on port ${options.port ?? config.PORT} (${describe(error)}); set PORT to a free port.`, { cause: error });
  }
  const address = server.address() as AddressInfo;
  services.logger.info(
    { platform: 'slack', mode: 'http', port: address.port, path: EVENTS_PATH, ...(distributed ? { install: INSTALL_PATH, redirect: REDIRECT_PATH } : {}) },
    distributed ? 'slack: listening for commands, events and installs (any workspace)' : 'slack: listening for commands and events',
  );
  return {
    port,
    address: { port: address.port },
    async stop() {
      const closing = app.stop();
      // Keep-alive connections from Slack (or a test client) would otherwise keep the server open.
      server.closeAllConnections();
      await closing;
      // Commands already acknowledged still get their answer before the stores close.
      await work.drain(STOP_GRACE_MS);
      unwatch();
      agent.destroy();
    },
  };
}

/**
 * Bolt's OAuth flow (distribution to any workspace): /slack/install sets a state cookie and sends the
 * admin to Slack; /slack/oauth_redirect checks the state (signed with SLACK_STATE_SECRET, so any
 * process can check it), exchanges the code with oauth.v2.access and stores the installation.
 */
function oauthOptions(config: SlackStartConfig, installations: KeyvInstallationStore, clientOptions: webApi.WebClientOptions) {
  return {
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    redirectUri: config.SLACK_REDIRECT_URI,
    scopes: [...BOT_SCOPES],
    installationStore: installations,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      clientOptions: { ...clientOptions },
    },
  };
}

type SlackStartConfig = Services['config'];

/**
 * Socket Mode drops and reconnections in the log, with how long the app was unreachable (the client
 * reconnects by itself; without these lines a cut-off bot looks like a quiet one).
 */
function logSocketState(receiver: SocketModeReceiver, services: Services): void {
  const log = services.logger.child({ platform: 'slack', mode: 'socket' });
  let downSince: number | undefined;
  receiver.client.on('disconnected', () => {
    downSince ??= services.clock.now().getTime();
    log.warn('slack: Socket Mode connection lost; reconnecting');
  });
  receiver.client.on('reconnecting', () => {
    downSince ??= services.clock.now().getTime();
    log.info('slack: Socket Mode reconnecting');
  });
  receiver.client.on('connected', () => {
    if (downSince === undefined) return;
    log.info({ unreachableMs: services.clock.now().getTime() - downSince }, 'slack: Socket Mode reconnected');
    downSince = undefined;
  });
}

/**
 * Web API calls share a few kept-alive connections: a burst of answers then costs no connection (and,
 * against slack.com, no TLS handshake) per message.
 */
function apiAgent(url: string): HttpAgent {
  const options = { keepAlive: true, maxSockets: 32 };
  return url.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
}

function describe(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}

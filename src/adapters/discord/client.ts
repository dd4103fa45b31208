import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, RESTEvents, type Message } from 'discord.js';
import type { CommandDef } from '../../core/command.ts';
import { dispatch } from '../../core/dispatcher.ts';
import { answerFollowUp } from '../../core/follow-up.ts';
import type { PlatformPort } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { WorkQueue } from '../../core/work-queue.ts';
import { answerAutocomplete, commandContext } from './interactions.ts';
import { createDiscordPort } from './port.ts';
import { renderMessage } from './render.ts';
import { messageOptions, NO_MENTIONS } from './send.ts';

/**
 * Bounded retries: a 5xx or a time-out is tried twice more, 15 s at most each, and a rate limit longer
 * than 30 s is handed back (as an error) instead of waited out, so one rate-limited channel's digest
 * goes back to the scheduler's back-off rather than holding its job for minutes.
 */
const REST_LIMITS = { retries: 2, timeout: 15_000, rejectOnRateLimit: (limit: { retryAfter: number }) => limit.retryAfter > 30_000 };

export interface DiscordOptions {
  /** Another REST base (a local fake in tests); the gateway is found through its GET /gateway/bot. */
  apiUrl?: string;
  /** Defaults to DISCORD_TOKEN. */
  token?: string;
}

export interface RunningDiscord {
  port: PlatformPort;
  client: Client;
  /** The shards this process runs (all of them with DISCORD_SHARDS=auto). */
  shards: readonly number[];
  /** False when Discord refused the Message Content intent: only questions that mention the bot are read. */
  messageContent: boolean;
  stop(): Promise<void>;
}

/** Said in the log and in /help when the bot runs without the Message Content intent. */
export const MENTION_ONLY_NOTE =
  'Ask in the thread under a summary or a digest, mentioning me (@newsdesk …), and I answer from its articles: this bot can read only the messages that mention it.';

/**
 * Logs in through the gateway, answers slash commands, autocomplete and questions typed in the
 * threads the bot opened, and resolves once READY (and the guilds) have arrived on every shard this
 * process runs. Without the privileged Message Content intent the bot still starts (Discord refuses
 * the intent at IDENTIFY; the login is retried without it) and reads only questions that mention it.
 */
export async function startDiscord(services: Services, commands: readonly CommandDef[], options: DiscordOptions = {}): Promise<RunningDiscord> {
  const { logger } = services;
  const token = options.token ?? services.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set: put the bot token from the Discord developer portal there.');
  let client: Client;
  let messageContent = true;
  try {
    client = await logIn(services, commands, token, options, true);
  } catch (error) {
    if (!isDisallowedIntents(error)) throw explain(error);
    logger.warn(
      { platform: 'discord' },
      'discord: the Message Content intent is not enabled for this application, so questions in threads are answered only when they mention the bot. To read every question, switch on “Message Content Intent” (developer portal → Bot → Privileged Gateway Intents) and restart.',
    );
    messageContent = false;
    try {
      client = await logIn(services, commands, token, options, false);
    } catch (retryError) {
      throw explain(retryError);
    }
  }
  const applicationId = client.application?.id;
  const { config } = services;
  if (config.DISCORD_APP_ID && applicationId && applicationId !== config.DISCORD_APP_ID) {
    logger.warn({ expected: config.DISCORD_APP_ID, actual: applicationId }, 'DISCORD_APP_ID does not match the bot token’s application');
  }
  const shards = client.ws.shards.map((shard) => shard.id);
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards, shardCount: client.options.shardCount, messageContent }, 'discord connected');
  return {
    client,
    shards,
    messageContent,
    port: createDiscordPort(client, services),
    async stop() {
      await client.destroy();
    },
  };
}

/** Shard options for discord.js: every recommended shard here, or this process's list out of the total. */
export function shardingOf(config: Services['config']): { shards: 'auto' | number[]; shardCount?: number } {
  if (config.DISCORD_SHARDS === 'auto') return { shards: 'auto' };
  return { shards: [...config.DISCORD_SHARDS], shardCount: config.DISCORD_SHARD_COUNT };
}

async function logIn(services: Services, commands: readonly CommandDef[], token: string, options: DiscordOptions, messageContent: boolean): Promise<Client> {
  const { config, logger } = services;
  const apiUrl = options.apiUrl ?? config.DISCORD_API_URL;
  const client = new Client({
    // MessageContent (a privileged intent, switched on in the developer portal) lets the bot read
    // questions typed in its threads; without it only messages that mention the bot have content.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, ...(messageContent ? [GatewayIntentBits.MessageContent] : [])],
    allowedMentions: NO_MENTIONS,
    rest: { ...REST_LIMITS, ...(apiUrl ? { api: apiUrl } : {}) },
    ...shardingOf(config),
  });

  // A burst of commands is deferred before any of them is worked on (the same 10 ms quiet gap as Slack).
  const quiet = new WorkQueue(Number.POSITIVE_INFINITY, { gapMs: 10, maxWaitMs: 1_000 });
  const afterDefer = (): Promise<void> => quiet.run(async () => undefined);
  const helpNote = messageContent ? undefined : MENTION_ONLY_NOTE;
  client.on(Events.InteractionCreate, (interaction) => {
    const work = interaction.isChatInputCommand()
      ? dispatch(commands, commandContext(interaction, services, afterDefer, helpNote), services)
      : interaction.isAutocomplete()
        ? answerAutocomplete(interaction, commands, services)
        : Promise.resolve();
    work.catch((error: unknown) => logger.error({ err: error, interaction: interaction.id, guild: interaction.guildId }, 'discord interaction failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    answerInThread(message, services, messageContent).catch((error: unknown) =>
      logger.error({ err: error, channel: message.channelId, guild: message.guildId }, 'discord follow-up failed'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  logGatewayState(client, services);
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global, scope: info.scope },
      'discord rate limit: the request waits and is retried',
    ),
  );

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}

/**
 * Gateway drops and recoveries in the log, with how long the bot was unreachable: discord.js reconnects
 * and resumes by itself, and without these lines an operator cannot tell a quiet bot from a cut-off one.
 */
function logGatewayState(client: Client, services: Services): void {
  const log = services.logger.child({ platform: 'discord' });
  const downSince = new Map<number, number>();
  const down = (shard: number) => {
    if (!downSince.has(shard)) downSince.set(shard, services.clock.now().getTime());
  };
  const back = (shard: number, how: string) => {
    const since = downSince.get(shard);
    downSince.delete(shard);
    if (since !== undefined) log.info({ shard, unreachableMs: services.clock.now().getTime() - since }, `discord gateway ${how}`);
  };
  client.on(Events.ShardDisconnect, (event, shard) => {
    down(shard);
    log.warn({ shard, code: event.code }, 'discord gateway disconnected; reconnecting');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    down(shard);
    log.info({ shard }, 'discord gateway reconnecting');
  });
  client.on(Events.ShardError, (error, shard) => {
    down(shard);
    log.warn({ err: error, shard }, 'discord gateway connection error');
  });
  client.on(Events.ShardResume, (shard, replayed) => back(shard, `resumed (${replayed} events replayed)`));
  client.on(Events.ShardReady, (shard) => back(shard, 'reconnected with a new session'));
  client.on(Events.Invalidated, () => log.error('discord session invalidated; the client stops'));
}

function isDisallowedIntents(error: unknown): boolean {
  return /disallowed intents/i.test(error instanceof Error ? error.message : String(error));
}

/** Login failures the operator can fix, with what to do. */
function explain(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (isDisallowedIntents(error)) {
    return new Error('Discord refused the gateway intents even without Message Content: check the bot’s Privileged Gateway Intents in the developer portal.', {
      cause: error,
    });
  }
  if (/invalid token|authentication failed|401/i.test(message)) {
    return new Error('Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal (Bot → Reset Token).', { cause: error });
  }
  return error;
}

/** A question typed in a thread the bot opened is answered there, from the articles behind it. */
async function answerInThread(message: Message, services: Services, messageContent: boolean): Promise<void> {
  if (message.author.bot || message.system || !message.channel.isThread()) return;
  // Without Message Content, only a message that mentions the bot carries its text.
  if (!messageContent && !(message.client.user && message.mentions.users.has(message.client.user.id))) return;
  // "@newsdesk what did the mayor say?" asks the same as without the mention.
  const question = message.content.replace(/<@[!&]?\d+>/g, ' ').trim();
  if (question === '') return;
  const answer = await answerFollowUp(services, 'discord', message.channelId, question, message.guildId ?? undefined);
  if (!answer) return;
  const [first, ...rest] = renderMessage(answer);
  await message.reply({ ...messageOptions(first!), allowedMentions: { ...NO_MENTIONS, repliedUser: false }, failIfNotExists: false });
  for (const payload of rest) await message.channel.send(messageOptions(payload));
}

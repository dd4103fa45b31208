import { randomUUID } from 'node:crypto';
import { isEphemeral, needsManage, type CommandDef } from './command.ts';
import { isStorageUnavailable, isUserError } from './errors.ts';
import type { OutgoingMessage, ThreadRequest } from './messages.ts';
import type { CommandContext, PlatformName, PostedMessage } from './platform.ts';
import type { Services } from './services.ts';
import { tellClosedDms } from '../features/follows.ts';
import { metrics } from '../ops/metrics.ts';

const MANAGE_HINT: Record<PlatformName, string> = {
  discord: 'This command changes the channel’s set-up, so it needs the **Manage Channels** permission.',
  slack: 'This command changes the channel’s set-up, so it needs a workspace admin or owner (or someone on the newsdesk allow-list).',
  console: 'This command needs channel-manager rights.',
};

export const STORAGE_UNAVAILABLE = 'Sorry, my storage is unavailable right now, so I can’t do that. Please try again in a few minutes.';

/**
 * Runs one command: the permission check, the acknowledgement, the handler, and the one place where
 * errors are caught. A UserError becomes a short answer only the asker sees; anything else is logged
 * with its context and the user gets an apology with an id to quote.
 */
export async function dispatch(commands: readonly CommandDef[], ctx: CommandContext, services: Services): Promise<void> {
  const command = commands.find((candidate) => candidate.name === ctx.command);
  if (!command) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: `I don't know /${ctx.command}. Try /help.` });
    return;
  }
  if (needsManage(command, ctx.subcommand) && !ctx.canManage) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: MANAGE_HINT[ctx.platform] });
    return;
  }
  const timer = metrics.commandSeconds.startTimer({ command: command.name, platform: ctx.platform });
  try {
    await ctx.defer({ ephemeral: isEphemeral(command, ctx.subcommand) });
    await command.run(withThreadRecording(ctx, services), services);
    timer({ outcome: 'ok' });
  } catch (error) {
    await reportError(ctx, services, error);
    timer({ outcome: isUserError(error) ? 'user-error' : 'error' });
  }
  await resumeIfPaused(ctx, services);
  await tellClosedDms(services, ctx).catch((error: unknown) =>
    services.logger.warn({ err: error, channel: ctx.channel }, 'could not tell about closed direct messages'),
  );
}

/** A command typed in a channel whose digests were paused (the bot could not post there) resumes them. */
async function resumeIfPaused(ctx: CommandContext, services: Services): Promise<void> {
  try {
    if (!(await services.newsroom.health.paused(ctx.channel))) return;
    await services.newsroom.health.resume(ctx.channel);
    services.logger.info({ channel: ctx.channel, user: ctx.user.id }, 'digests resumed by a command in the channel');
    await ctx.replyEphemeral({
      kind: 'text',
      tone: 'success',
      text: 'Digests here had been paused because I could not post in this channel. They are back on from the next scheduled one.',
    });
  } catch (error) {
    services.logger.warn({ err: error, channel: ctx.channel }, 'could not check whether the channel’s digests were paused');
  }
}

async function reportError(ctx: CommandContext, services: Services, error: unknown): Promise<void> {
  if (isUserError(error)) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: error.message }).catch((replyError: unknown) => {
      services.logger.warn({ err: replyError }, 'could not send a user error');
    });
    return;
  }
  if (isStorageUnavailable(error)) {
    // The outage itself is logged once by the store (RedisHealth), not once per command.
    services.logger.debug({ err: error, command: ctx.command }, 'command refused: storage unavailable');
    await ctx.replyEphemeral({ kind: 'text', tone: 'error', text: STORAGE_UNAVAILABLE }).catch((replyError: unknown) => {
      services.logger.warn({ err: replyError }, 'could not say that storage is unavailable');
    });
    return;
  }
  const id = randomUUID().slice(0, 8);
  services.logger.error(
    {
      err: error,
      errorId: id,
      command: ctx.command,
      subcommand: ctx.subcommand,
      platform: ctx.platform,
      tenant: ctx.channel.tenantId,
      channel: ctx.channel.channelId,
      user: ctx.user.id,
    },
    'command failed',
  );
  const apology: OutgoingMessage = {
    kind: 'text',
    tone: 'error',
    text: `Sorry, something went wrong on my side. If it keeps happening, quote this id to the bot's admins: ${id}`,
  };
  await ctx.replyEphemeral(apology).catch((replyError: unknown) => {
    services.logger.error({ err: replyError, errorId: id }, 'could not send the apology');
  });
}

/** Whatever a command posts with a thread is remembered, so follow-ups there find their articles. */
function withThreadRecording(ctx: CommandContext, services: Services): CommandContext {
  return {
    ...ctx,
    reply: async (message: OutgoingMessage, options?: { thread?: ThreadRequest }): Promise<PostedMessage> => {
      const posted = await ctx.reply(message, options);
      await recordPosted(services, ctx, posted, options?.thread);
      return posted;
    },
  };
}

export async function recordPosted(
  services: Services,
  ctx: Pick<CommandContext, 'platform' | 'channel'>,
  posted: PostedMessage,
  thread: ThreadRequest | undefined,
): Promise<void> {
  if (!thread) return;
  await services.library.addRecent(ctx.channel, thread.articleIds);
  if (thread.numbered) await services.library.setNumbered(ctx.channel, thread.numbered.articleIds, thread.numbered.from);
  if (posted.threadId) await services.library.linkThread(ctx.platform, posted.threadId, thread.articleIds);
}

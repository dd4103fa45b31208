import type { App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { needsManage, type CommandDef } from '../../core/command.ts';
import { dispatch } from '../../core/dispatcher.ts';
import { isUserError } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { routeSlashCommand } from './commands.ts';
import { slashCommandContext } from './context.ts';
import { answerThreadReply, type EventOnce } from './events.ts';
import type { SlackOutbox } from './outbox.ts';
import type { SlackPermissions } from './permissions.ts';
import type { WorkQueue } from '../../core/work-queue.ts';

export interface SlackHandlers {
  services: Services;
  commands: readonly CommandDef[];
  outbox: SlackOutbox;
  permissions: SlackPermissions;
  once: EventOnce;
  work: WorkQueue;
}

/** Registers the command and event listeners on a Bolt app (HTTP or Socket Mode alike). */
export function registerHandlers(app: App, handlers: SlackHandlers): void {
  // Every slash command the app owns arrives here; the name decides the neutral command.
  app.command(/.*/, (args) => handleSlashCommand(handlers, args));
  app.event('message', async ({ event, body }) => {
    const fields = event as unknown as Record<string, unknown>;
    const outcome = await handlers.work.run(() => answerThreadReply(handlers.services, handlers.outbox, handlers.once, {
      eventId: body.event_id,
      teamId: body.team_id,
      channel: String(fields.channel ?? ''),
      ts: String(fields.ts ?? ''),
      threadTs: typeof fields.thread_ts === 'string' ? fields.thread_ts : undefined,
      text: typeof fields.text === 'string' ? fields.text : undefined,
      subtype: typeof fields.subtype === 'string' ? fields.subtype : undefined,
      botId: typeof fields.bot_id === 'string' ? fields.bot_id : undefined,
    }));
    handlers.services.logger.debug({ platform: 'slack', eventId: body.event_id, outcome }, 'slack: message event handled');
  });
  app.error(async (error) => {
    handlers.services.logger.error({ err: error, platform: 'slack' }, 'slack: a listener failed');
  });
}

async function handleSlashCommand(handlers: SlackHandlers, { command, ack, respond }: SlackCommandMiddlewareArgs): Promise<void> {
  const { services, commands, outbox, permissions } = handlers;
  let route;
  try {
    route = routeSlashCommand(commands, command.command, command.text ?? '');
  } catch (error) {
    if (!isUserError(error)) throw error;
    // Wrong input is answered in the acknowledgement itself: no second request, no waiting.
    const [usage] = outbox.render({ kind: 'text', tone: 'warning', text: error.message });
    await ack({ response_type: 'ephemeral', text: usage?.text ?? error.message, blocks: usage?.blocks });
    return;
  }
  // Slack wants the acknowledgement within 3 s; the work happens after it.
  await ack();
  await handlers.work.run(async () => {
    // users.info is only asked when the command needs the rights.
    const canManage = needsManage(route.command, route.subcommand) && (await permissions.canManage(command.team_id, command.user_id));
    const ctx = slashCommandContext(
      { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, userName: command.user_name, respond },
      route,
      canManage,
      outbox,
      services.logger,
    );
    await dispatch(commands, ctx, services);
  });
}

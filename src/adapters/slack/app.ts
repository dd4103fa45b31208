import type { App, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import { needsManage, type CommandDef } from '../../core/command.ts';
import { dispatch } from '../../core/dispatcher.ts';
import { isUserError } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { routeSlashCommand, type SlashRoute } from './commands.ts';
import { slashCommandContext } from './context.ts';
import { answerThreadReply, type EventOnce } from './events.ts';
import type { SlackOutbox } from './outbox.ts';
import type { SlackPermissions } from './permissions.ts';
import type { WorkQueue } from '../../core/work-queue.ts';
import { homeChannels, homeView } from './app-home.ts';
import type { KeyvInstallationStore } from './installations.ts';
import { forgetWorkspace } from './uninstall.ts';

export interface SlackHandlers {
  services: Services;
  commands: readonly CommandDef[];
  outbox: SlackOutbox;
  permissions: SlackPermissions;
  once: EventOnce;
  work: WorkQueue;
  /** Installations (OAuth) and, in every mode, the channels of each workspace where commands ran. */
  installations: KeyvInstallationStore;
}

/** Registers the command and event listeners on a Bolt app (HTTP or Socket Mode alike). */
export function registerHandlers(app: App, handlers: SlackHandlers): void {
  // Every slash command the app owns arrives here; the name decides the neutral command.
  app.command(/.*/, (args) => handleSlashCommand(handlers, args));
  app.event('message', async ({ event, body }) => {
    const fields = event as unknown as Record<string, unknown>;
    const outcome = await handlers.work.run(() =>
      answerThreadReply(handlers.services, handlers.outbox, handlers.once, {
        eventId: body.event_id,
        teamId: body.team_id,
        channel: String(fields.channel ?? ''),
        ts: String(fields.ts ?? ''),
        threadTs: typeof fields.thread_ts === 'string' ? fields.thread_ts : undefined,
        text: typeof fields.text === 'string' ? fields.text : undefined,
        subtype: typeof fields.subtype === 'string' ? fields.subtype : undefined,
        botId: typeof fields.bot_id === 'string' ? fields.bot_id : undefined,
      }),
    );
    handlers.services.logger.debug({ platform: 'slack', eventId: body.event_id, outcome }, 'slack: message event handled');
  });
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    // Bolt's client here carries the token authorize() found for this workspace.
    await publishHome(handlers, client, body.team_id, event.user);
  });
  app.event('app_uninstalled', async ({ body }) => {
    await forgetWorkspace(handlers.services, handlers.installations, body.team_id, enterpriseOf(body));
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) {
      await forgetWorkspace(handlers.services, handlers.installations, body.team_id, enterpriseOf(body));
    } else if ((event.tokens.oauth ?? []).length > 0) {
      // Only a user token went (the app asks for none today): the bot keeps working.
      await handlers.installations.dropUserToken(body.team_id);
    }
  });
  app.error(async (error) => {
    handlers.services.logger.error({ err: error, platform: 'slack' }, 'slack: a listener failed');
  });
}

async function handleSlashCommand(handlers: SlackHandlers, { command, ack, respond }: SlackCommandMiddlewareArgs): Promise<void> {
  const { services, commands, outbox, permissions } = handlers;
  let route: SlashRoute;
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
    // The App Home lists the workspace's channels from this record (and an uninstall clears them).
    await handlers.installations.recordChannel(command.team_id, command.channel_id).catch((error: unknown) => {
      services.logger.warn({ err: error, platform: 'slack', tenant: command.team_id }, 'slack: could not record the channel for the App Home');
    });
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

async function publishHome(handlers: SlackHandlers, client: webApi.WebClient, teamId: string, userId: string): Promise<void> {
  const channels = await homeChannels(handlers.services, teamId, await handlers.installations.channels(teamId));
  await client.views.publish({ user_id: userId, view: homeView(channels) });
  handlers.services.logger.debug({ platform: 'slack', tenant: teamId, user: userId, channels: channels.length }, 'slack: App Home published');
}

function enterpriseOf(body: { enterprise_id?: string; is_ext_shared_channel?: boolean } & Record<string, unknown>): {
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
} {
  return {
    enterpriseId: typeof body.enterprise_id === 'string' ? body.enterprise_id : undefined,
    isEnterpriseInstall: body.is_enterprise_install === true,
  };
}

import type { RespondFn } from '@slack/bolt';
import type { OutgoingMessage } from '../../core/messages.ts';
import type { ChannelRef, CommandContext, PostedMessage } from '../../core/platform.ts';
import type { Logger } from '../../core/logger.ts';
import { PlatformCallError } from '../../core/platform-error.ts';
import type { SlashRoute } from './commands.ts';
import { escapeText } from './mrkdwn.ts';
import type { SlackOutbox } from './outbox.ts';

export interface SlashRequest {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  respond: RespondFn;
}

/** Errors meaning the bot may not post in the channel itself (a private channel it was not invited to). */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found']);

/**
 * The neutral context of one slash command. The command was acknowledged before this is built (Bolt
 * must ack within 3 s), so `defer` has nothing left to do; answers for everyone are channel messages
 * (their ts opens the thread), answers for the asker go to the command's response_url.
 */
export function slashCommandContext(request: SlashRequest, route: SlashRoute, canManage: boolean, outbox: SlackOutbox, logger: Logger): CommandContext {
  const channel: ChannelRef = { platform: 'slack', tenantId: request.teamId, channelId: request.channelId };
  const respond = async (message: OutgoingMessage, responseType: 'ephemeral' | 'in_channel') => {
    for (const part of outbox.render(message)) {
      await request.respond({ response_type: responseType, text: part.text, blocks: part.blocks });
    }
  };
  return {
    platform: 'slack',
    channel,
    user: { id: request.userId, name: request.userName },
    command: route.command.name,
    subcommand: route.subcommand,
    options: route.options,
    canManage,
    defer: async () => undefined,
    async reply(message, options): Promise<PostedMessage> {
      try {
        return await outbox.post(request.channelId, message, { thread: options?.thread, key: options?.key, teamId: request.teamId });
      } catch (error) {
        if (!NOT_IN_CHANNEL.has(platformError(error) ?? '')) throw error;
        // Slack still lets the command's response_url answer in the channel, but without a message
        // ts there is no thread to answer follow-ups in.
        logger.info({ channel: request.channelId }, 'slack: not a member of the channel; answering through response_url');
        await respond(message, 'in_channel');
        if (options?.thread) {
          await respond(
            { kind: 'text', tone: 'info', text: 'Invite me to this channel (/invite @newsdesk) and I can answer follow-up questions in a thread.' },
            'ephemeral',
          );
        }
        return { id: 'response_url' };
      }
    },
    async replyEphemeral(message) {
      await respond(message, 'ephemeral');
    },
    // An export: a file shared in the channel with its words as the comment (files.uploadV2 needs files:write).
    async replyFile(file) {
      await outbox.client.files.uploadV2({
        channel_id: request.channelId,
        file: Buffer.from(file.content, 'utf8'),
        filename: file.filename,
        title: file.filename,
        initial_comment: escapeText(file.text),
      });
    },
    // /alert's user group (usergroups.list needs usergroups:read; workspaces on free plans have none).
    async userGroups() {
      try {
        const answer = await outbox.client.usergroups.list({ ...(await outbox.auth(request.teamId)) });
        return (answer.usergroups ?? []).flatMap((group) => (group.id && group.handle ? [{ id: group.id, handle: group.handle }] : []));
      } catch (error) {
        logger.info({ err: error, team: request.teamId }, 'slack: could not list the user groups');
        return undefined;
      }
    },
  };
}

/** The `error` string of a Web API platform error ("not_in_channel"), if that is what this is. */
export function platformError(error: unknown): string | undefined {
  if (error instanceof PlatformCallError) return error.code;
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

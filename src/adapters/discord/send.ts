import {
  ChannelType,
  Message,
  ThreadAutoArchiveDuration,
  type APIMessage,
  type Client,
  type MessageMentionOptions,
} from 'discord.js';
import type { Logger } from '../../core/logger.ts';
import { LIMITS, truncateAtWord, type DiscordPayload } from './limits.ts';

/** No @everyone, @here, role or user ping, whatever the text says (article text included). */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export function messageOptions(payload: DiscordPayload): { content?: string; embeds: DiscordPayload['embeds']; allowedMentions: MessageMentionOptions } {
  return { ...(payload.content ? { content: payload.content } : {}), embeds: payload.embeds, allowedMentions: NO_MENTIONS };
}

/**
 * Opens a public thread under a message the bot sent. Messages edited through an interaction
 * webhook come back as raw data when their channel is not cached, so the channel is fetched then.
 * A failure (no Create Public Threads permission, a thread channel) is logged, not thrown: the
 * answer itself was delivered.
 */
export async function openThread(client: Client, message: Message | APIMessage, title: string, logger: Logger): Promise<string | undefined> {
  const name = truncateAtWord(title, LIMITS.threadName) || 'Follow-up questions';
  try {
    if (message instanceof Message && message.channel && !message.channel.isThread()) {
      const thread = await message.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      return thread.id;
    }
    const channel = await client.channels.fetch(message instanceof Message ? message.channelId : message.channel_id);
    if (channel?.type !== ChannelType.GuildText && channel?.type !== ChannelType.GuildAnnouncement) return undefined;
    const thread = await channel.threads.create({ name, startMessage: message.id, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    return thread.id;
  } catch (error) {
    logger.warn({ err: error, message: message.id }, 'could not open a thread under the message');
    return undefined;
  }
}

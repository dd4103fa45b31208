import { ChannelType, Message, Routes, ThreadAutoArchiveDuration, type APIMessage, type Client, type MessageMentionOptions } from 'discord.js';
import { createHash } from 'node:crypto';
import type { Logger } from '../../core/logger.ts';
import { LIMITS, truncateAtWord, type DiscordPayload } from './limits.ts';

/** Discord's answer when a message already has a thread. */
const THREAD_ALREADY_CREATED = 160004;

/** No @everyone, @here, role or user ping, whatever the text says (article text included). */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export function messageOptions(payload: DiscordPayload): { content?: string; embeds: DiscordPayload['embeds']; allowedMentions: MessageMentionOptions } {
  const allowedMentions = payload.allowedRoles?.length ? { parse: [], roles: payload.allowedRoles } : NO_MENTIONS;
  return { ...(payload.content ? { content: payload.content } : {}), embeds: payload.embeds, allowedMentions };
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
    const channelId = message instanceof Message ? message.channelId : message.channel_id;
    const guildId = message instanceof Message ? message.guildId : (message as { guild_id?: string }).guild_id;
    if (guildId && !client.guilds.cache.has(guildId)) {
      // The guild is on another process's shard (not in this cache): discord.js can't build the thread
      // object, but the REST call is the same from any process.
      const thread = (await client.rest.post(Routes.threads(channelId, message.id), {
        body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
      })) as { id: string };
      return thread.id;
    }
    if (message instanceof Message && message.channel && !message.channel.isThread()) {
      const thread = await message.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      return thread.id;
    }
    const channel = await client.channels.fetch(channelId);
    if (channel?.type !== ChannelType.GuildText && channel?.type !== ChannelType.GuildAnnouncement) return undefined;
    const thread = await channel.threads.create({ name, startMessage: message.id, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    return thread.id;
  } catch (error) {
    // A thread started from a message takes the message's id: one opened before a crash is still there.
    if ((error as { code?: unknown }).code === THREAD_ALREADY_CREATED) return message.id;
    logger.warn({ err: error, message: message.id }, 'could not open a thread under the message');
    return undefined;
  }
}

/** A short, stable marker for one delivery key: a valid nonce (at most 25 characters) and a footer tag. */
export function deliveryMarker(key: string): string {
  return `nd${createHash('sha256').update(key).digest('base64url').slice(0, 18)}`;
}

/** The marker goes at the end of the last embed's footer (or of the content when there is no embed). */
export function withMarker(payload: DiscordPayload, marker: string): DiscordPayload {
  const tag = `ref ${marker}`;
  const embeds = [...payload.embeds];
  const last = embeds.at(-1);
  if (!last) return { ...payload, content: `${payload.content ?? ''}\n-# ${tag}`.trim() };
  const footer = last.footer?.text ? `${last.footer.text} · ${tag}` : tag;
  embeds[embeds.length - 1] = { ...last, footer: { ...last.footer, text: footer.slice(-LIMITS.footer) } };
  return { ...payload, embeds };
}

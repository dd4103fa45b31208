import type { Client, Message } from 'discord.js';
import type { ChannelRef, PlatformPort, PostedMessage } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { renderMessage } from './render.ts';
import { messageOptions, openThread } from './send.ts';

/**
 * Messages the bot sends on its own (digests, feed notices). Parts are sent in order; discord.js
 * queues and retries a 429 itself, so `post` resolves only when every part was accepted and rejects
 * otherwise (the caller then does not record the digest as delivered). The thread goes under the
 * first part; the caller records thread -> articles (portPoster in src/digest/deliver.ts).
 */
export function createDiscordPort(client: Client, services: Services): PlatformPort {
  return {
    name: 'discord',
    async post(channel: ChannelRef, message, options): Promise<PostedMessage> {
      const target = await client.channels.fetch(channel.channelId);
      if (!target?.isSendable()) throw new Error(`Discord channel ${channel.channelId} is not a channel the bot can post in`);
      const sent: Message[] = [];
      for (const payload of renderMessage(message)) sent.push(await target.send(messageOptions(payload)));
      const first = sent[0]!;
      const threadId = options?.thread && !target.isThread() ? await openThread(client, first, options.thread.title, services.logger) : undefined;
      const posted: PostedMessage = { id: first.id, ...(threadId ? { threadId } : {}) };
      return posted;
    },
  };
}

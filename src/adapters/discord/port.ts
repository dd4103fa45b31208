import type { Client, Message, SendableChannels } from 'discord.js';
import type { ChannelRef, PlatformPort, PostedMessage } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { PlatformCallError } from '../../core/platform-error.ts';
import { discordCallError } from './errors.ts';
import { renderMessage } from './render.ts';
import { deliveryMarker, messageOptions, openThread, withMarker } from './send.ts';

/** How far back a resumed part looks for its messages (Discord returns at most 100 a call). */
const LOOKBACK = 50;

/**
 * Messages the bot sends on its own (digests, feed notices). Parts are sent in order; discord.js
 * queues and retries a 429 itself (long rate limits are handed back, see client.ts), so `post`
 * resolves only when every part was accepted and rejects with a PlatformCallError otherwise. With a
 * delivery key, each message carries it as its nonce (with enforce_nonce, so Discord itself drops a
 * resend) and as a marker in its last embed's footer, which a resumed delivery looks for in the
 * channel's recent messages before it sends anything again. The thread goes under the first part; the
 * caller records thread -> articles (portPoster in src/digest/deliver.ts).
 */
export function createDiscordPort(client: Client, services: Services): PlatformPort {
  return {
    name: 'discord',
    async post(channel: ChannelRef, message, options): Promise<PostedMessage> {
      let call = 'GET /channels/:id';
      try {
        // With shards split between processes, the channel's guild may be on another process's shard:
        // it is not in this client's cache, but REST posts to it all the same.
        const target = await client.channels.fetch(options?.inThread ?? channel.channelId, { allowUnknownGuild: true });
        if (!target?.isSendable()) throw new PlatformCallError('gone', call, 'not a channel the bot can post in');
        const payloads = renderMessage(message);
        const keys = options?.key ? payloads.map((_, index) => deliveryMarker(`${options.key}.${index + 1}`)) : [];
        call = 'GET /channels/:id/messages';
        const found = options?.resume && keys.length > 0 ? await findMarked(target, client.user?.id, keys) : new Map<string, Message>();
        const sent: Message[] = [];
        call = 'POST /channels/:id/messages';
        for (const [index, payload] of payloads.entries()) {
          const marker = keys[index];
          const earlier = marker ? found.get(marker) : undefined;
          if (earlier) {
            sent.push(earlier);
            continue;
          }
          const body = messageOptions(marker ? withMarker(payload, marker) : payload);
          sent.push(await target.send(marker ? { ...body, nonce: marker, enforceNonce: true } : body));
        }
        const first = sent[0]!;
        let threadId: string | undefined;
        if (options?.thread && !target.isThread()) {
          call = 'POST /channels/:id/messages/:id/threads';
          // A message a crashed run already opened a thread under keeps it (its id is the message's).
          threadId = first.thread?.id ?? (await openThread(client, first, options.thread.title, services.logger));
        }
        return { id: first.id, ...(threadId ? { threadId } : {}) };
      } catch (error) {
        throw discordCallError(error, call);
      }
    },

    async edit(channel, messageId, message) {
      const call = 'PATCH /channels/:id/messages/:id';
      try {
        const target = await client.channels.fetch(channel.channelId);
        if (!target?.isSendable() || !('messages' in target)) throw new PlatformCallError('gone', call, 'not a channel the bot can post in');
        const [first] = renderMessage(message);
        if (first) await target.messages.edit(messageId, messageOptions(first));
      } catch (error) {
        throw discordCallError(error, call);
      }
    },

    async notifyUser(_tenantId, userId, message) {
      try {
        const user = await client.users.fetch(userId);
        for (const payload of renderMessage(message)) await user.send(messageOptions(payload));
        return true;
      } catch (error) {
        services.logger.info({ err: error, user: userId }, 'discord: could not send a direct message');
        return false;
      }
    },
  };
}

async function findMarked(target: SendableChannels, botId: string | undefined, markers: string[]): Promise<Map<string, Message>> {
  const wanted = new Set(markers);
  const found = new Map<string, Message>();
  if (!('messages' in target)) return found;
  const recent = await target.messages.fetch({ limit: LOOKBACK });
  for (const message of recent.values()) {
    if (botId && message.author.id !== botId) continue;
    const text = [message.content, ...message.embeds.map((embed) => embed.footer?.text ?? '')].join('\n');
    for (const marker of wanted) if (text.includes(`ref ${marker}`)) found.set(marker, message);
  }
  return found;
}

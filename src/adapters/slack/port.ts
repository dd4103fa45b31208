import type { PlatformPort } from '../../core/platform.ts';
import type { Logger } from '../../core/logger.ts';
import { slackCallError } from './errors.ts';
import type { SlackOutbox } from './outbox.ts';

/**
 * Bot-initiated posts (digests, feed notices) as channel messages. A digest's thread is the thread
 * under its first message (the outbox links later parts' threads too); the caller records the first
 * (portPoster in src/digest/deliver.ts), as for every platform.
 */
export function slackPort(outbox: SlackOutbox, logger: Logger): PlatformPort {
  return {
    name: 'slack',
    async post(channel, message, options) {
      if (channel.platform !== 'slack') throw new Error(`the Slack port cannot post to a ${channel.platform} channel`);
      // A thread id is "<channel>:<ts>" (slackThreadId); a post in it is a reply to that ts.
      const threadTs = options?.inThread?.split(':')[1];
      return outbox.post(channel.channelId, message, {
        thread: options?.thread,
        key: options?.key,
        resume: options?.resume,
        threadTs,
        teamId: channel.tenantId,
      });
    },
    async edit(channel, messageId, message) {
      const [first] = outbox.render(message);
      if (!first) return;
      try {
        await outbox.client.chat.update({
          ...(await outbox.auth(channel.tenantId)),
          channel: channel.channelId,
          ts: messageId,
          text: first.text,
          blocks: first.blocks,
        });
      } catch (error) {
        throw slackCallError(error, 'chat.update');
      }
    },
    async notifyUser(tenantId, userId, message) {
      // A bot posting to a user id writes in the app's direct-message conversation with that person.
      try {
        await outbox.post(userId, message, { teamId: tenantId });
        return true;
      } catch (error) {
        logger.info({ err: error, user: userId }, 'slack: could not send a direct message');
        return false;
      }
    },
    async notifyPrivately(channel, userId, message) {
      try {
        const auth = await outbox.auth(channel.tenantId);
        for (const part of outbox.render(message))
          await outbox.client.chat.postEphemeral({ ...auth, channel: channel.channelId, user: userId, text: part.text, blocks: part.blocks });
        return true;
      } catch (error) {
        logger.info({ err: error, user: userId, channel: channel.channelId }, 'slack: could not send an ephemeral message');
        return false;
      }
    },
  };
}

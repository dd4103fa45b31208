import type { PlatformPort } from '../../core/platform.ts';
import type { Logger } from '../../core/logger.ts';
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
      return outbox.post(channel.channelId, message, { thread: options?.thread, key: options?.key, resume: options?.resume, teamId: channel.tenantId });
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
  };
}

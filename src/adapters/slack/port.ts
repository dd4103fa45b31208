import type { PlatformPort } from '../../core/platform.ts';
import type { SlackOutbox } from './outbox.ts';

/**
 * Bot-initiated posts (digests, feed notices) as channel messages. A digest's thread is the thread
 * under its first message (the outbox links later parts' threads too); the caller records the first
 * (portPoster in src/digest/deliver.ts), as for every platform.
 */
export function slackPort(outbox: SlackOutbox): PlatformPort {
  return {
    name: 'slack',
    async post(channel, message, options) {
      if (channel.platform !== 'slack') throw new Error(`the Slack port cannot post to a ${channel.platform} channel`);
      return outbox.post(channel.channelId, message, { thread: options?.thread });
    },
  };
}

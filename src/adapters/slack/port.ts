import { recordPosted } from '../../core/dispatcher.ts';
import type { PlatformPort } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import type { SlackOutbox } from './outbox.ts';

/**
 * Bot-initiated posts (digests, feed notices) as channel messages. A digest's thread is the thread
 * under its first message; it is recorded here (thread -> articles, recent stories) so replies there
 * are answered whoever called `post`.
 */
export function slackPort(outbox: SlackOutbox, services: Services): PlatformPort {
  return {
    name: 'slack',
    async post(channel, message, options) {
      if (channel.platform !== 'slack') throw new Error(`the Slack port cannot post to a ${channel.platform} channel`);
      const posted = await outbox.post(channel.channelId, message, { thread: options?.thread });
      await recordPosted(services, { platform: 'slack', channel }, posted, options?.thread);
      return posted;
    },
  };
}

import type { webApi } from '@slack/bolt';
import type { OutgoingMessage, ThreadRequest } from '../../core/messages.ts';
import type { PostedMessage } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import type { ChannelPacer } from './pacer.ts';
import { renderMessage, type RenderOptions, type SlackMessage } from './render.ts';

/**
 * A Slack thread lives under a message and is named by the channel and the message's ts (a ts is
 * only unique within its channel, so the channel is part of the id).
 */
export function slackThreadId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

/** Everything the adapter posts with chat.postMessage goes through here: rendering, pacing, threads. */
export class SlackOutbox {
  constructor(
    readonly client: webApi.WebClient,
    private readonly services: Services,
    private readonly pacer: ChannelPacer,
    private readonly invocation: RenderOptions['invocation'],
  ) {}

  render(message: OutgoingMessage, options: { thread?: boolean } = {}): SlackMessage[] {
    return renderMessage(message, { thread: options.thread, invocation: this.invocation });
  }

  /**
   * Posts a message (several, when it is too long for one) in a channel or a thread. With `thread`,
   * the first message's thread is the one to answer in; when the message was split, the threads of the
   * other parts lead to the same articles.
   */
  async post(channel: string, message: OutgoingMessage, options: { thread?: ThreadRequest; threadTs?: string } = {}): Promise<PostedMessage> {
    const parts = this.render(message, { thread: Boolean(options.thread) });
    const posted: string[] = [];
    for (const part of parts) {
      await this.pacer.turn(channel);
      const result = await this.client.chat.postMessage({
        channel,
        text: part.text,
        blocks: part.blocks,
        thread_ts: options.threadTs,
        // Digests link many pages; previews of each would bury the stories.
        unfurl_links: false,
        unfurl_media: false,
      });
      if (!result.ts) throw new Error(`chat.postMessage returned no ts (channel ${channel})`);
      posted.push(result.ts);
    }
    const first = posted[0]!;
    if (!options.thread) return { id: first };
    for (const ts of posted.slice(1)) {
      await this.services.library.linkThread('slack', slackThreadId(channel, ts), options.thread.articleIds);
    }
    return { id: first, threadId: slackThreadId(channel, first) };
  }
}

import type { webApi } from '@slack/bolt';
import type { OutgoingMessage, ThreadRequest } from '../../core/messages.ts';
import type { PostedMessage } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { slackCallError } from './errors.ts';
import type { ChannelPacer } from './pacer.ts';
import { renderMessage, type RenderOptions, type SlackMessage } from './render.ts';
import { clientToken, type SlackTokens } from './tokens.ts';

/** The metadata event type that carries a digest part's delivery key. */
export const DELIVERY_EVENT = 'newsdesk_delivery';
/** How far back a resumed part looks for its messages. */
const LOOKBACK = 50;
/** A resumed reply reads at most this many pages of 200 of its thread (a live story's updates are far fewer). */
const MAX_REPLY_PAGES = 5;

/**
 * A Slack thread lives under a message and is named by the channel and the message's ts (a ts is
 * only unique within its channel, so the channel is part of the id).
 */
export function slackThreadId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export interface OutboxPostOptions {
  thread?: ThreadRequest;
  threadTs?: string;
  /** Delivery key: each message carries `key.N` in its metadata (see PostOptions in src/core/platform.ts). */
  key?: string;
  /** Look for the keyed messages in the channel's history first and post only the missing ones. */
  resume?: boolean;
  /** The workspace the channel is in: its own bot token posts (OAuth installs). */
  teamId?: string;
}

/** Everything the adapter posts with chat.postMessage goes through here: rendering, pacing, threads. */
export class SlackOutbox {
  constructor(
    readonly client: webApi.WebClient,
    private readonly services: Services,
    private readonly pacer: ChannelPacer,
    private readonly invocation: RenderOptions['invocation'],
    private readonly tokens: SlackTokens = clientToken,
  ) {}

  /** The token argument for a call in this workspace: its own bot token with OAuth installs, none (the client's) otherwise. */
  async auth(teamId: string | undefined): Promise<{ token?: string }> {
    const token = await this.tokens.bot(teamId);
    return token ? { token } : {};
  }

  render(message: OutgoingMessage, options: { thread?: boolean } = {}): SlackMessage[] {
    return renderMessage(message, { thread: options.thread, invocation: this.invocation });
  }

  /**
   * Posts a message (several, when it is too long for one) in a channel or a thread. With `thread`,
   * the first message's thread is the one to answer in; when the message was split, the threads of the
   * other parts lead to the same articles. Failures reject with a PlatformCallError.
   */
  async post(channel: string, message: OutgoingMessage, options: OutboxPostOptions = {}): Promise<PostedMessage> {
    const parts = this.render(message, { thread: Boolean(options.thread) });
    const keys = options.key ? parts.map((_, index) => `${options.key}.${index + 1}`) : [];
    const auth = await this.auth(options.teamId);
    const found = options.resume && keys.length > 0 ? await this.findKeyed(channel, keys, auth, options.threadTs) : new Map<string, string>();
    const posted: string[] = [];
    for (const [index, part] of parts.entries()) {
      const key = keys[index];
      const earlier = key ? found.get(key) : undefined;
      if (earlier) {
        posted.push(earlier);
        continue;
      }
      await this.pacer.turn(channel);
      let result: webApi.ChatPostMessageResponse;
      try {
        result = await this.client.chat.postMessage({
          ...auth,
          channel,
          text: part.text,
          blocks: part.blocks,
          thread_ts: options.threadTs,
          // Digests link many pages; previews of each would bury the stories.
          unfurl_links: false,
          unfurl_media: false,
          ...(key ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key } } } : {}),
        });
      } catch (error) {
        throw slackCallError(error, 'chat.postMessage');
      }
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

  /**
   * key -> ts of the bot's recent messages in the channel (or, with `threadTs`, in that thread: replies
   * are not in the channel's history) that carry one of these delivery keys.
   */
  private async findKeyed(channel: string, keys: string[], auth: { token?: string }, threadTs?: string): Promise<Map<string, string>> {
    const wanted = new Set(keys);
    const found = new Map<string, string>();
    const messages = threadTs ? await this.threadReplies(channel, threadTs, auth) : await this.recentHistory(channel, auth);
    for (const entry of messages) {
      const metadata = (entry as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
      const key = metadata?.event_type === DELIVERY_EVENT ? metadata.event_payload?.key : undefined;
      if (typeof key === 'string' && wanted.has(key) && entry.ts) found.set(key, entry.ts);
    }
    return found;
  }

  private async recentHistory(channel: string, auth: { token?: string }): Promise<{ ts?: string }[]> {
    try {
      return (await this.client.conversations.history({ ...auth, channel, limit: LOOKBACK, include_all_metadata: true })).messages ?? [];
    } catch (error) {
      throw slackCallError(error, 'conversations.history');
    }
  }

  /** A thread's messages, oldest first as Slack gives them: every page, so the newest replies are read too. */
  private async threadReplies(channel: string, ts: string, auth: { token?: string }): Promise<{ ts?: string }[]> {
    const messages: { ts?: string }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_REPLY_PAGES; page++) {
      let answer: webApi.ConversationsRepliesResponse;
      try {
        answer = await this.client.conversations.replies({ ...auth, channel, ts, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      } catch (error) {
        throw slackCallError(error, 'conversations.replies');
      }
      messages.push(...(answer.messages ?? []));
      cursor = answer.response_metadata?.next_cursor;
      if (!answer.has_more || !cursor) break;
    }
    return messages;
  }
}

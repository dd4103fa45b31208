import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutgoingMessage, ThreadRequest } from '../../src/core/messages.ts';
import type { ChannelRef, PlatformName, PlatformPort, PostedMessage, PostOptions } from '../../src/core/platform.ts';

// Test support shared by tests/feeds, tests/digest and tests/scheduler: feeds written here, a feed
// server on 127.0.0.1 that speaks conditional GET, and a fake platform that can fail or block.

export interface TestItem {
  guid?: string;
  title: string;
  link?: string;
  text: string;
  published: string;
}

/** Escapes text for an XML element or attribute. */
export const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: TestItem[]): string {
  const entries = items
    .map(
      (item) => `<item>
  <title>${xmlEscape(item.title)}</title>
  ${item.link ? `<link>${xmlEscape(item.link)}</link>` : ''}
  ${item.guid ? `<guid isPermaLink="false">${xmlEscape(item.guid)}</guid>` : ''}
  <pubDate>${new Date(item.published).toUTCString()}</pubDate>
  <description>${xmlEscape(item.text)}</description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xmlEscape(title)}</title><link>https://example.org/</link><description>test feed</description>
${entries}
</channel></rss>`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'zel', 'dor', 'pin', 'sha', 'gri', 'bel', 'nox', 'ter', 'qui', 'fam'];

/** A made-up word unique to (n, k), so items about different n share no content words. */
export function word(n: number, k: number): string {
  let value = n * 131 + k * 17 + 7;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length) + n + 3 * k + i;
  }
  return `${out}${n}`;
}

/** An item about a made-up event of its own: different `n`, different story. */
export function item(n: number, published: string, extra: Partial<TestItem> = {}): TestItem {
  const w = (k: number) => word(n, k);
  const cap = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return {
    guid: `item-${n}`,
    title: `${cap(w(1))} ${w(2)} ${w(3)} after ${w(4)} ${w(5)}`,
    link: `https://news${n % 3}.example/story-${n}`,
    text:
      `${cap(w(6))} ${w(7)} ${w(1)} ${w(8)} on Monday, officials in ${cap(w(9))} said. ` +
      `${cap(w(10))} ${w(11)} ${w(12)} ${w(13)} ${w(2)}, and ${w(14)} ${w(15)} ${w(16)} ${w(17)}. ` +
      `"${cap(w(18))} ${w(19)} ${w(20)}," said ${cap(w(21))} ${cap(w(22))}.`,
    published,
    ...extra,
  };
}

export interface Route {
  status?: number;
  body?: string;
  contentType?: string;
  etag?: string;
  headers?: Record<string, string>;
  /** Milliseconds before answering, to observe concurrency. */
  delayMs?: number;
}

export interface FeedServer {
  url: string;
  routes: Map<string, Route>;
  requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  peakConcurrent: number;
  close(): Promise<void>;
}

/** A feed server on 127.0.0.1: answers 304 when If-None-Match matches the route's ETag. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  let concurrent = 0;
  const state = { peakConcurrent: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    concurrent++;
    state.peakConcurrent = Math.max(state.peakConcurrent, concurrent);
    const path = req.url ?? '/';
    requests.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    const route = routes.get(path);
    const answer = () => {
      concurrent--;
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      res.writeHead(route.status ?? 200, {
        'content-type': route.contentType ?? 'application/rss+xml',
        ...(route.etag ? { etag: route.etag } : {}),
        ...route.headers,
      });
      res.end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    get peakConcurrent() {
      return state.peakConcurrent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SentPost {
  channel: ChannelRef;
  message: OutgoingMessage;
  thread?: ThreadRequest;
  key?: string;
}

/**
 * A platform port that records what it accepted; `failOn` makes chosen posts fail (a thrown error of
 * its choice, or `true` for a plain platform error), `holdChannel` makes posts to a channel hang until
 * `release()`. Keyed posts are remembered, so a resumed post finds a part that was already accepted,
 * as the real ports do by reading the channel.
 */
export class FakePlatform implements PlatformPort {
  readonly sent: SentPost[] = [];
  readonly direct: { tenantId: string; userId: string; message: OutgoingMessage }[] = [];
  attempts = 0;
  failOn: (attempt: number, message: OutgoingMessage, channel: ChannelRef) => boolean | Error = () => false;
  holdChannel?: string;
  private held: (() => void)[] = [];

  constructor(readonly name: PlatformName = 'discord') {}

  async post(channel: ChannelRef, message: OutgoingMessage, options?: PostOptions): Promise<PostedMessage> {
    this.attempts++;
    if (options?.resume && options.key) {
      const index = this.sent.findIndex((post) => post.key === options.key);
      if (index >= 0) return { id: `msg-${index + 1}`, threadId: options.thread ? `thread-${index + 1}` : undefined };
    }
    if (this.holdChannel === channel.channelId) await new Promise<void>((resolve) => this.held.push(resolve));
    const failure = this.failOn(this.attempts, message, channel);
    if (failure instanceof Error) throw failure;
    if (failure) throw new Error(`platform refused post ${this.attempts} (injected)`);
    this.sent.push({ channel, message, thread: options?.thread, key: options?.key });
    return { id: `msg-${this.sent.length}`, threadId: options?.thread ? `thread-${this.sent.length}` : undefined };
  }

  async notifyUser(tenantId: string, userId: string, message: OutgoingMessage): Promise<boolean> {
    this.direct.push({ tenantId, userId, message });
    return true;
  }

  /** Lets every held post go on. */
  release(): void {
    this.holdChannel = undefined;
    for (const resume of this.held.splice(0)) resume();
  }

  sentTo(channelId: string): SentPost[] {
    return this.sent.filter((post) => post.channel.channelId === channelId);
  }

  digestStoryIds(): string[] {
    return this.sent.flatMap((post) => (post.message.kind === 'digest' ? post.message.digest.stories.map((story) => story.id) : []));
  }

  texts(): string[] {
    return this.sent.flatMap((post) => (post.message.kind === 'text' ? [post.message.text] : []));
  }
}

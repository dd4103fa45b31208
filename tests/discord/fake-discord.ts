import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { limitViolations } from './discord-limits.ts';
import { FakeGateway, shardOf, type ClientFrame, type Session } from './fake-gateway.ts';
import {
  botUser,
  guildCreate,
  humanUser,
  interactionPayload,
  messageJson,
  MEMBER_PERMISSIONS,
  pingsOf,
  rateLimited,
  readyPayload,
  snowflake,
  textChannel,
  threadChannel,
  type FakeIds,
  type InteractionOption,
} from './fake-payloads.ts';

// A small but real Discord on 127.0.0.1: REST under /api/v10 and a JSON gateway websocket, enough
// for the real discord.js client to log in, receive interactions and messages, and answer them.
// As real Discord does, every message the bot posts in a channel or thread comes back to it as a
// MESSAGE_CREATE written by the bot user (author.bot: true), and so does each non-ephemeral
// interaction reply and follow-up (with webhook_id and interaction_metadata), so a missing "ignore
// my own messages" guard shows up as a reply loop in tests.
// Nonces: a channel message's `nonce` is returned in the message JSON; with `enforce_nonce: true`, a
// second POST with the same nonce in the same channel within NONCE_WINDOW_MS (of the fake's clock,
// `now`) returns the first message (200) instead of creating one. GET /channels/:id/messages lists
// the channel's messages newest first (`limit` 1–100, default 50; `before` a message id), bot posts
// sent with POST /channels/:id/messages only (the fake keeps no others there).
// Shards and guilds: `shards` (default 1) is what GET /gateway/bot recommends; each connection gets
// READY and GUILD_CREATE for the guilds of the shard it identified as ((guild_id >> 22) % count), and
// a guild's events (interactions, messages, threads) go only to that connection. `addGuild` adds a
// guild with one text channel. Without the Message Content intent (bit 15) in its IDENTIFY, a
// connection gets people's messages with empty content unless they mention the bot, as Discord does.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** JSON as the client sent it; tests read into it freely. */
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
  authorization?: string;
  /** Files of a multipart request (attachments), by file name. */
  files?: { name: string; content: string }[];
}

/** The privileged Message Content intent bit. */
const MESSAGE_CONTENT = 1 << 15;

/** How long Discord remembers an enforced nonce ("a few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface SentMessage {
  id: string;
  /** The nonce the client sent with it, if any (channel messages). */
  nonce?: string | number;
  channel_id: string;
  content: string;
  embeds: any[];
  flags: number;
  allowed_mentions: unknown;
  /** Who Discord would have notified. */
  pings: string[];
  via: 'channel' | 'interaction' | 'followup';
}

interface FailureRule {
  method: string;
  path: RegExp;
  remaining: number;
  response: [number, unknown, Record<string, string>?];
}

interface Hold {
  method: string;
  path: RegExp;
  /** Hold the nth matching request from now on (1 = the next). */
  nth: number;
  /** before: the request is never carried out; after: it is carried out but its answer never sent. */
  when: 'before' | 'after';
  reached: () => void;
}

interface Waiter {
  test: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

export class FakeDiscord {
  readonly ids: FakeIds = { appId: '1100000000000000001', guildId: '1200000000000000001', channelId: '1300000000000000001' };
  readonly requests: RecordedRequest[] = [];
  readonly messages: SentMessage[] = [];
  readonly channels = new Map<string, any>();
  /** When each interaction was dispatched, by interaction id (for the benchmark). */
  readonly dispatchedAt = new Map<string, number>();
  private readonly interactions = new Map<string, { id: string; channelId: string; user: unknown; acked?: number; original?: string }>();
  private readonly rules: FailureRule[] = [];
  /** Enforced nonces: channel + nonce -> the message first created with it and when. */
  private readonly nonces = new Map<string, { message: SentMessage; at: number }>();
  /** The fake's clock for nonce expiry; tests may replace it to step past the window. */
  now: () => number = () => Date.now();
  /** People whose direct messages are closed to the bot: sending to them answers 403, code 50007. */
  readonly closedDms = new Set<string>();
  private readonly waiters: Waiter[] = [];
  private readonly holds: Hold[] = [];
  private readonly http: Server;
  private readonly gateway: FakeGateway;
  private port = 0;
  /** Every guild the bot is in (the first is ids.guildId). */
  readonly guilds: string[] = [];

  private constructor(
    heartbeatInterval: number,
    /** When set, REST calls outside interaction webhooks must carry `Authorization: Bot <token>`. */
    private readonly token?: string,
    /** Intent bits this application may not use (privileged intents not switched on in the portal). */
    refusedIntents = 0,
    /** The shard count GET /gateway/bot recommends. */
    readonly shardCount = 1,
  ) {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new FakeGateway(this.http, {
      heartbeatInterval,
      refusedIntents,
      onIdentify: (session) => {
        const [shard, count] = session.shard;
        const held = this.guilds.filter((guildId) => shardOf(guildId, count) === shard);
        const all = [...this.channels.values()];
        const creates = held.map((guildId): [string, unknown] => {
          const own = all.filter((channel) => channel.guild_id === guildId);
          return [
            'GUILD_CREATE',
            guildCreate(
              { ...this.ids, guildId },
              own.filter((channel) => channel.type === 0),
              own.filter((channel) => channel.type === 11),
            ),
          ];
        });
        return [
          ['READY', { ...readyPayload(this.ids, this.gatewayUrl), shard: session.shard, guilds: held.map((id) => ({ id, unavailable: true })) }],
          ...creates,
        ];
      },
    });
    this.guilds.push(this.ids.guildId);
    this.channels.set(this.ids.channelId, textChannel(this.ids, this.ids.channelId, 'news'));
  }

  static async start(options: { heartbeatInterval?: number; token?: string; refusedIntents?: number; shards?: number } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options.heartbeatInterval ?? 41_250, options.token, options.refusedIntents, options.shards);
    await new Promise<void>((resolve) => fake.http.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Another guild the bot is in, with one text channel (its id is returned). Add before the bot logs in. */
  addGuild(guildId: string, channelName = 'news'): string {
    this.guilds.push(guildId);
    const channelId = snowflake();
    this.channels.set(channelId, textChannel({ ...this.ids, guildId }, channelId, channelName));
    return channelId;
  }

  /** The connections that identified, with their shard and intents. */
  get sessions(): Session[] {
    return this.gateway.sessionList;
  }

  /** The next `count` requests matching method and path get a 429 with this Retry-After (seconds). */
  rateLimit(method: string, path: RegExp, count: number, retryAfter: number): void {
    this.rules.push({ method, path, remaining: count, response: rateLimited(retryAfter) });
  }

  /** Requests matching method and path are refused with 403 Missing Permissions (code 50013). */
  forbid(method: string, path: RegExp): void {
    this.rules.push({ method, path, remaining: Number.POSITIVE_INFINITY, response: [403, { message: 'Missing Permissions', code: 50013 }] });
  }

  /** One more text channel in the fake guild (listed at READY when added before the bot logs in). */
  addTextChannel(id: string, name: string): void {
    this.channels.set(id, textChannel(this.ids, id, name));
  }

  /** Every request matching method ('*': any) and path answers this server error, for as long as the test runs. */
  failAlways(method: string, path: RegExp, status = 500): void {
    this.rules.push({ method, path, remaining: Number.POSITIVE_INFINITY, response: [status, { message: `${status}: Internal Server Error`, code: 0 }] });
  }

  /** Resolves with the first request (past or future) that passes the test. */
  waitFor(test: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { test, resolve };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching request within ${timeoutMs} ms; got:\n${this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n')}`));
      }, timeoutMs);
      waiter.resolve = (request) => {
        clearTimeout(timer);
        resolve(request);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the edit of an interaction's deferred reply (the PATCH that carries its answer). */
  editOf(interaction: { token: string }, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitFor((request) => request.method === 'PATCH' && request.path.includes(interaction.token), timeoutMs);
  }

  /** Sends a slash command (type 2) or an autocomplete request (type 4) as INTERACTION_CREATE. */
  interact(
    name: string,
    options: InteractionOption[] = [],
    input: { type?: 2 | 4; permissions?: bigint; channelId?: string; userId?: string; resolved?: Record<string, unknown> } = {},
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
    const channel = this.channels.get(input.channelId ?? this.ids.channelId);
    const user = humanUser(input.userId ?? '1400000000000000001', 'reader');
    this.interactions.set(token, { id, channelId: channel.id, user });
    const payload = interactionPayload(
      { ...this.ids, guildId: channel.guild_id },
      {
        id,
        token,
        type: input.type ?? 2,
        name,
        options,
        channel: { id: channel.id, type: channel.type, parent_id: channel.parent_id, name: channel.name },
        user,
        permissions: input.permissions ?? MEMBER_PERMISSIONS,
        resolved: input.resolved,
      },
    );
    this.dispatchedAt.set(id, performance.now());
    this.dispatch('INTERACTION_CREATE', payload, channel.guild_id);
    return { id, token };
  }

  /** A person types in a channel or thread (MESSAGE_CREATE). */
  say(channelId: string, content: string, userId = '1400000000000000002'): string {
    const id = snowflake();
    const channel = this.channels.get(channelId);
    const mentionsBot = content.includes(`<@${this.ids.appId}>`) || content.includes(`<@!${this.ids.appId}>`);
    const message = {
      ...messageJson(this.ids, { id, channel_id: channelId, content, embeds: [] }, channel?.guild_id),
      author: humanUser(userId, 'asker'),
      member: { roles: [], joined_at: '2026-01-01T00:00:00Z', deaf: false, mute: false, flags: 0 },
      channel_type: channel?.type ?? 0,
      mentions: mentionsBot ? [botUser(this.ids)] : [],
    };
    this.dispatch('MESSAGE_CREATE', message, channel?.guild_id, (data, session) =>
      // Without Message Content, Discord sends a message's text only when it mentions the bot.
      session && (session.intents & MESSAGE_CONTENT) === 0 && !mentionsBot ? { ...(data as object), content: '', embeds: [] } : data,
    );
    return id;
  }

  /** Someone opens a thread the bot knows nothing about (THREAD_CREATE). */
  openThread(parentId: string, name: string): string {
    const guildId = this.channels.get(parentId)?.guild_id ?? this.ids.guildId;
    const thread = threadChannel({ ...this.ids, guildId }, snowflake(), parentId, name);
    thread.owner_id = '1400000000000000002';
    this.channels.set(thread.id, thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, guildId);
    return thread.id;
  }

  /** Frames the client sent on the gateway (IDENTIFY, heartbeats). */
  get frames(): ClientFrame[] {
    return this.gateway.frames;
  }

  /**
   * Freezes the nth request matching method and path, before or after carrying it out, as a process
   * killed at that moment would leave things; resolves when that request has arrived.
   */
  hold(method: string, path: RegExp, nth: number, when: 'before' | 'after'): Promise<void> {
    return new Promise((resolve) => this.holds.push({ method, path, nth, when, reached: resolve }));
  }

  dispatch(event: string, data: unknown, guildId?: string, shape?: (data: unknown, session: Session | undefined) => unknown): void {
    this.gateway.dispatch(event, data, guildId, shape);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    // Messages with attachments come as multipart/form-data: the JSON in payload_json, files as files[n].
    const contentType = String(req.headers['content-type'] ?? '');
    let files: { name: string; content: string }[] | undefined;
    let parsed: unknown;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      const payload = form.get('payload_json');
      parsed = typeof payload === 'string' ? JSON.parse(payload) : undefined;
      files = [];
      for (const [key, value] of form.entries()) {
        if (key.startsWith('files[') && typeof value !== 'string') files.push({ name: value.name, content: await value.text() });
      }
    } else if (text) {
      parsed = JSON.parse(text);
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      body: parsed,
      ...(files ? { files } : {}),
      at: performance.now(),
      status: 0,
      authorization: req.headers.authorization,
    };
    const hold = this.holds.find((candidate) => candidate.method === request.method && candidate.path.test(request.path) && --candidate.nth === 0);
    if (hold?.when === 'before') {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.reached();
      return;
    }
    const [status, body, headers] = this.route(request);
    if (hold) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.reached();
      return;
    }
    request.status = status;
    this.requests.push(request);
    if (body === undefined) {
      // Discord answers interaction callbacks with 204 and no content type.
      res.writeHead(status, headers).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.test(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private route(request: RecordedRequest): [number, unknown, Record<string, string>?] {
    const { method, path, body } = request;
    const rule = this.rules.find(
      (candidate) => candidate.remaining > 0 && (candidate.method === method || candidate.method === '*') && candidate.path.test(path),
    );
    if (rule) {
      rule.remaining--;
      return rule.response;
    }
    // Interaction callbacks and webhooks are authorised by their token in the path, the rest by the bot token.
    if (this.token && !/^\/(interactions|webhooks)\//.test(path) && request.authorization !== `Bot ${this.token}`) {
      return [401, { message: '401: Unauthorized', code: 0 }];
    }
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      // Several shards may identify at once (large bots get a max_concurrency above 1), so tests don't wait 5 s a shard.
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: this.shardCount > 1 ? 16 : 1 },
        },
      ];
    }
    if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const interaction = this.interactions.get(match[2]!);
      if (!interaction || interaction.id !== match[1] || interaction.acked)
        return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      interaction.acked = body.type;
      if (body.type === 4) {
        const refused = invalidForm(body.data);
        if (refused) return refused;
        interaction.original = this.echo(this.store(interaction.channelId, body.data, 'interaction'), interaction).id;
      }
      return [204, undefined];
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      const interaction = this.interactions.get(match[2]!);
      if (match[1] !== this.ids.appId || !interaction?.acked) return [404, { message: 'Unknown Webhook', code: 10015 }];
      if (method === 'DELETE' && match[3]) return [204, undefined];
      const refused = invalidForm(body);
      if (refused) return refused;
      if (method === 'PATCH' && match[3]) {
        const first = interaction.original === undefined;
        const message = this.store(interaction.channelId, body, 'interaction', interaction.original);
        interaction.original = message.id;
        // A deferred reply becomes a message when it is first edited; later edits are MESSAGE_UPDATEs.
        if (first) this.echo(message, interaction);
        return [200, this.json(message)];
      }
      if (method === 'POST' && !match[3]) {
        const message = this.echo(this.store(interaction.channelId, body, 'followup'), interaction);
        return [200, this.json(message)];
      }
    }
    if (method === 'GET' && (match = /^\/users\/(\d+)$/.exec(path))) {
      return [200, humanUser(match[1]!, `user${match[1]!.slice(-4)}`)];
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      // A direct-message channel (type 1) with one recipient; its id is derived from the person's.
      const id = `9${String(body.recipient_id).slice(1)}`;
      const dm = { id, type: 1, last_message_id: null, recipients: [humanUser(String(body.recipient_id), 'recipient')] };
      this.channels.set(id, dm);
      return [200, dm];
    }
    if (method === 'PATCH' && (match = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const existing = this.messages.find((message) => message.id === match![2] && message.channel_id === match![1]);
      if (!existing) return [404, { message: 'Unknown Message', code: 10008 }];
      const refused = invalidForm(body);
      if (refused) return refused;
      const message = this.store(match[1]!, { ...existing, ...body, nonce: existing.nonce }, existing.via, existing.id);
      return [200, this.json(message)];
    }
    if (method === 'GET' && (match = /^\/channels\/(\d+)$/.exec(path))) {
      const channel = this.channels.get(match[1]!);
      return channel ? [200, channel] : [404, { message: 'Unknown Channel', code: 10003 }];
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!this.channels.has(match[1]!)) return [404, { message: 'Unknown Channel', code: 10003 }];
      const dmTo = this.channels.get(match[1]!)?.recipients?.[0]?.id as string | undefined;
      if (dmTo && this.closedDms.has(dmTo)) return [403, { message: 'Cannot send messages to this user', code: 50007 }];
      const refused = invalidForm(body);
      if (refused) return refused;
      const nonceKey = body.enforce_nonce && body.nonce !== undefined ? `${match[1]}:${String(body.nonce)}` : undefined;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier && this.now() - earlier.at < NONCE_WINDOW_MS) return [200, this.json(earlier.message)];
      const message = this.store(match[1]!, body, 'channel');
      if (nonceKey) this.nonces.set(nonceKey, { message, at: this.now() });
      const json = this.json(message);
      this.dispatch('MESSAGE_CREATE', json, this.channels.get(match[1]!)?.guild_id);
      return [200, json];
    }
    if (method === 'GET' && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!this.channels.has(match[1]!)) return [404, { message: 'Unknown Channel', code: 10003 }];
      const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50)));
      const before = request.query.get('before');
      // Newest first by creation order (the fake's snowflakes are not time-ordered across runs).
      const inChannel = this.messages.filter((message) => message.channel_id === match![1] && message.via === 'channel');
      const cut = before ? inChannel.findIndex((message) => message.id === before) : -1;
      const recent = (cut >= 0 ? inChannel.slice(0, cut) : inChannel).reverse().slice(0, limit);
      // A message a thread was started from carries the thread, as Discord lists it.
      return [200, recent.map((message) => ({ ...this.json(message), ...(this.channels.has(message.id) ? { thread: this.channels.get(message.id) } : {}) }))];
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (!this.messages.some((message) => message.id === match![2] && message.channel_id === match![1]))
        return [404, { message: 'Unknown Message', code: 10008 }];
      if (this.channels.has(match[2]!)) return [400, { message: 'A thread has already been created for this message', code: 160004 }];
      // A thread started from a message takes the message's id.
      const guildId = this.channels.get(match[1]!)?.guild_id ?? this.ids.guildId;
      const thread = threadChannel({ ...this.ids, guildId }, match[2]!, match[1]!, body.name);
      this.channels.set(thread.id, thread);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, guildId);
      return [201, thread];
    }
    if (method === 'PUT' && (match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      return [
        200,
        (body as any[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: match![1],
          version: snowflake(),
          ...(match![2] ? { guild_id: match![2] } : {}),
        })),
      ];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  /** Interaction replies and follow-ups reach the gateway too (not ephemeral ones, flag 64). */
  private echo(message: SentMessage, interaction: { id: string; user: unknown }): SentMessage {
    if ((message.flags & 64) === 0) {
      // As Discord sends it: who ran the command and which installation authorised it.
      const guildId = this.channels.get(message.channel_id)?.guild_id ?? this.ids.guildId;
      const metadata = { id: interaction.id, type: 2, user: interaction.user, authorizing_integration_owners: { 0: guildId } };
      this.dispatch(
        'MESSAGE_CREATE',
        { ...this.json(message), webhook_id: this.ids.appId, application_id: this.ids.appId, interaction_metadata: metadata },
        guildId,
      );
    }
    return message;
  }

  private json(message: SentMessage) {
    return messageJson(this.ids, message, this.channels.get(message.channel_id)?.guild_id);
  }

  private store(channelId: string, body: any, via: SentMessage['via'], id = snowflake()): SentMessage {
    const message: SentMessage = {
      id,
      channel_id: channelId,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      flags: body.flags ?? 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      allowed_mentions: body.allowed_mentions,
      pings: pingsOf(body.content ?? '', body.allowed_mentions),
      via,
    };
    const existing = this.messages.findIndex((candidate) => candidate.id === id);
    if (existing >= 0) this.messages[existing] = message;
    else this.messages.push(message);
    return message;
  }
}

/** Discord refuses a message over its limits with 400 Invalid Form Body (code 50035). */
function invalidForm(message: Parameters<typeof limitViolations>[0]): [number, unknown] | undefined {
  const problems = limitViolations(message);
  return problems.length ? [400, { message: 'Invalid Form Body', code: 50035, errors: problems }] : undefined;
}

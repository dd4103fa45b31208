import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

// A small Slack on 127.0.0.1 for driving the real Bolt / @slack/web-api / @slack/socket-mode against:
// the Web API methods the adapter uses (auth.test, chat.postMessage, chat.postEphemeral, users.info,
// apps.connections.open), response_url endpoints, and the Socket Mode websocket (hello, envelopes,
// acks). It records every call so tests can assert what the app sent.
// Echo: as real Slack does, each message the bot posts with chat.postMessage comes back to the app as
// a `message` event (user = BOT_USER_ID, bot_id = BOT_ID, no subtype), over Socket Mode when a socket
// is open, else as a signed Events API POST to `echoTo` when set (the harness sets both up).
// Metadata: `metadata` given to chat.postMessage is kept with the message; conversations.history
// returns the channel's (or, with `ts`/`latest`, older) messages newest first, conversations.replies a
// thread's parent and replies oldest first, with their metadata only when `include_all_metadata` is
// true, as Slack does.
// Workspaces: BOT_TOKEN belongs to TEAM_ID; `addWorkspace` makes another one whose install code
// oauth.v2.access exchanges for its own bot token. Every Web API method answers for the token's own
// workspace (auth.test, users.info, the echo's team_id), and a revoked token gets invalid_auth.

export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM_ID = 'T0NEWSDESK';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'test-client-secret';

export interface FakeWorkspace {
  teamId: string;
  name: string;
  botToken: string;
  botUserId: string;
  botId: string;
  /** What the install redirect carries for oauth.v2.access to exchange. */
  code: string;
  /** Token rotation on: the install gives a refresh token and a token expiring in `expiresIn` seconds. */
  rotation?: { refreshToken: string; expiresIn: number; refreshes: number };
  /** An org-wide (Enterprise Grid) install: its token serves every workspace of the enterprise. */
  enterpriseId?: string;
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  status: number;
  /** When the call arrived (performance.now() of the fake's thread). */
  at: number;
  /** What the fake answered (for chat.postMessage: the ts of the new message). */
  result?: Record<string, unknown>;
}

export interface PostedSlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: unknown;
  blocks?: unknown;
  metadata?: unknown;
  /** The workspace whose token posted it. */
  team?: string;
}

/** A posted message as conversations.history and conversations.replies return it (metadata only when asked). */
function asRead(message: PostedSlackMessage, workspace: FakeWorkspace, withMetadata: boolean): Record<string, unknown> {
  const { metadata, channel: _channel, team: _team, ...rest } = message;
  return { type: 'message', user: workspace.botUserId, bot_id: workspace.botId, ...rest, ...(withMetadata && metadata ? { metadata } : {}) };
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface SlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

type Handler = (
  args: Record<string, unknown>,
  call: ApiCall,
) => { status?: number; headers?: Record<string, string>; body: Record<string, unknown> } | undefined;

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: Record<string, unknown>[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Files uploaded through files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal): id -> body as received. */
  readonly uploads = new Map<string, string>();
  /** Every message the bot posted, oldest first (what conversations.history reads). */
  readonly posted: PostedSlackMessage[] = [];
  /** The workspace's user groups (usergroups.list), which /alert checks a typed group against. */
  readonly userGroups: { id: string; handle: string; name: string }[] = [];
  /** App Home views published, oldest first. */
  readonly views: { token?: string; userId: string; view: Record<string, unknown> }[] = [];
  /** Workspaces by bot token (BOT_TOKEN's is TEAM_ID). */
  private readonly workspaces = new Map<string, FakeWorkspace>([
    [BOT_TOKEN, { teamId: TEAM_ID, name: 'Newsdesk test', botToken: BOT_TOKEN, botUserId: BOT_USER_ID, botId: BOT_ID, code: 'code-default' }],
  ]);
  /** Events API URL of the app in HTTP mode, for echoing the bot's own messages; unset: no HTTP echo. */
  echoTo?: string;
  /** Echo deliveries still in flight (HTTP), so `close` can wait for them. */
  private readonly echoes = new Set<Promise<unknown>>();
  private eventCounter = 0;
  private readonly overrides = new Map<string, Handler[]>();
  private readonly holds: { method: string; nth: number; when: 'before' | 'after'; reached: () => void }[] = [];
  private readonly callWaiters: Waiter<ApiCall>[] = [];
  private readonly responseWaiters: Waiter<ResponseUrlPost>[] = [];
  private readonly ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private socketWaiter?: (socket: WebSocket) => void;
  private tsCounter = 0;
  private port = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.accept(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** A workspace that can install the app: its code is exchanged by oauth.v2.access for its token. */
  addWorkspace(teamId: string, name = `Workspace ${teamId}`): FakeWorkspace {
    const suffix = teamId.toLowerCase();
    const workspace = { teamId, name, botToken: `xoxb-${suffix}-token`, botUserId: `U0BOT${teamId}`, botId: `B0BOT${teamId}`, code: `code-${suffix}` };
    this.workspaces.set(workspace.botToken, workspace);
    return workspace;
  }

  /**
   * A workspace with token rotation on: its install returns a refresh token and a bot token that expires
   * in `expiresIn` seconds; oauth.v2.access with grant_type=refresh_token gives a new pair (12 hours) and
   * the old token and refresh token stop working, as Slack's do.
   */
  addRotatingWorkspace(teamId: string, expiresIn: number, name = `Workspace ${teamId}`): FakeWorkspace {
    const workspace = this.addWorkspace(teamId, name);
    this.workspaces.delete(workspace.botToken);
    const suffix = teamId.toLowerCase();
    const rotating = { ...workspace, botToken: `xoxe.xoxb-${suffix}-1`, rotation: { refreshToken: `xoxe-1-${suffix}-r1`, expiresIn, refreshes: 0 } };
    this.workspaces.set(rotating.botToken, rotating);
    return rotating;
  }

  /** An Enterprise Grid org whose admin installs the app org-wide: one bot token for all its workspaces. */
  addEnterprise(enterpriseId: string, name = `Org ${enterpriseId}`): FakeWorkspace {
    const suffix = enterpriseId.toLowerCase();
    const org = {
      teamId: enterpriseId,
      name,
      botToken: `xoxb-${suffix}-org`,
      botUserId: `U0BOT${enterpriseId}`,
      botId: `B0BOT${enterpriseId}`,
      code: `code-${suffix}`,
      enterpriseId,
    };
    this.workspaces.set(org.botToken, org);
    return org;
  }

  /** The workspace's current bot token (it changes when a rotating token is refreshed). */
  tokenOf(teamId: string): string | undefined {
    return [...this.workspaces.values()].find((workspace) => workspace.teamId === teamId)?.botToken;
  }

  /** The workspace's token stops working (the app was uninstalled or the token revoked). */
  revoke(botToken: string): void {
    this.workspaces.delete(botToken);
  }

  /** Answers the next call(s) of `method` with this handler (returning undefined falls through). */
  once(method: string, handler: Handler): void {
    const list = this.overrides.get(method) ?? [];
    list.push(handler);
    this.overrides.set(method, list);
  }

  /**
   * Freezes the nth call of `method` from now on (1 = the next), before or after carrying it out, as a
   * process killed at that moment would leave things: the call is never answered. Resolves when it arrives.
   */
  hold(method: string, nth: number, when: 'before' | 'after'): Promise<void> {
    return new Promise((resolve) => this.holds.push({ method, nth, when, reached: resolve }));
  }

  /** The next call of `method` gets a 429 with this Retry-After, as Slack does when a channel is too busy. */
  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.once(method, () => ({ status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } }));
  }

  /** The calls of `method` that Slack accepted (HTTP 200 and ok: true). */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method && accepted(call));
  }

  /** Resolves with the first accepted call of `method` (past or future) that matches. */
  waitForCall(method: string, match: (call: ApiCall) => boolean = () => true): Promise<ApiCall> {
    const wanted = (call: ApiCall) => call.method === method && accepted(call) && match(call);
    const found = this.calls.find(wanted);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.callWaiters.push({ match: wanted, resolve }));
  }

  waitForResponse(match: (post: ResponseUrlPost) => boolean = () => true): Promise<ResponseUrlPost> {
    const found = this.responses.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.responseWaiters.push({ match, resolve }));
  }

  /** Resolves with the next Socket Mode connection (after the fake sent it `hello`). */
  nextSocket(): Promise<WebSocket> {
    const open = [...this.sockets][0];
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => (this.socketWaiter = resolve));
  }

  /** Sends a Socket Mode envelope and resolves with the client's ack ({ envelope_id, payload? }). */
  async sendEnvelope(envelope: { envelope_id: string } & Record<string, unknown>): Promise<Record<string, unknown>> {
    const socket = await this.nextSocket();
    const acked = new Promise<Record<string, unknown>>((resolve) => this.ackWaiters.set(envelope.envelope_id, resolve));
    socket.send(JSON.stringify(envelope));
    return acked;
  }

  /** Sends every envelope before waiting for any ack (deliveries that truly race), then resolves with the acks. */
  async sendEnvelopes(envelopes: ({ envelope_id: string } & Record<string, unknown>)[]): Promise<Record<string, unknown>[]> {
    const socket = await this.nextSocket();
    const acks = envelopes.map((envelope) => new Promise<Record<string, unknown>>((resolve) => this.ackWaiters.set(envelope.envelope_id, resolve)));
    for (const envelope of envelopes) socket.send(JSON.stringify(envelope));
    return Promise.all(acks);
  }

  /** Delivers a message event as Slack would (Socket Mode if connected, else to `echoTo`). */
  deliverEvent(event: Record<string, unknown>, teamId = TEAM_ID): void {
    this.eventCounter += 1;
    const body = eventCallbackBody(`Ev0ECHO${this.eventCounter}`, event, teamId);
    const open = [...this.sockets][0];
    if (open) {
      open.send(
        JSON.stringify({
          envelope_id: `echo-${this.eventCounter}`,
          type: 'events_api',
          accepts_response_payload: false,
          retry_attempt: 0,
          retry_reason: '',
          payload: JSON.parse(body) as unknown,
        }),
      );
    } else if (this.echoTo) {
      const delivery = postSigned(this.echoTo, body, { contentType: 'application/json' }).catch(() => undefined);
      this.echoes.add(delivery);
      void delivery.finally(() => this.echoes.delete(delivery));
    }
  }

  private echo(message: PostedSlackMessage, workspace: FakeWorkspace): void {
    const { metadata, team: _team, ...fields } = message;
    this.deliverEvent(
      {
        type: 'message',
        channel_type: 'channel',
        user: workspace.botUserId,
        bot_id: workspace.botId,
        app_id: 'A0NEWSDESK',
        ...fields,
        ...(metadata ? { metadata } : {}),
        event_ts: message.ts,
      },
      workspace.teamId,
    );
  }

  /** Waits for the echo deliveries in flight (HTTP), e.g. before the app stops. */
  async drainEchoes(): Promise<void> {
    while (this.echoes.size) await Promise.all([...this.echoes]);
  }

  async close(): Promise<void> {
    await this.drainEchoes();
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      this.acks.push(message);
      const id = String(message.envelope_id ?? '');
      this.ackWaiters.get(id)?.(message);
      this.ackWaiters.delete(id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0NEWSDESK' } }));
    this.socketWaiter?.(ws);
    this.socketWaiter = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (path.startsWith('/respond/')) {
      const post = { id: path.slice('/respond/'.length), body: JSON.parse(raw || '{}') as Record<string, unknown> };
      this.responses.push(post);
      notify(this.responseWaiters, post);
      return send(res, 200, { ok: true });
    }
    if (path.startsWith('/upload/')) {
      this.uploads.set(path.slice('/upload/'.length), raw);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK - uploaded');
      return;
    }
    if (!path.startsWith('/api/')) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: ApiCall = { method, args, token, status: 200, at: performance.now() };
    const hold = this.holds.find((candidate) => candidate.method === method && --candidate.nth === 0);
    if (hold) this.holds.splice(this.holds.indexOf(hold), 1);
    if (hold?.when === 'before') return hold.reached();
    const override = this.overrides.get(method)?.shift();
    const answer: ReturnType<Handler> & object = override?.(args, call) ?? this.answer(method, args, token);
    call.status = answer.status ?? 200;
    call.result = answer.body;
    if (hold) return hold.reached();
    this.calls.push(call);
    if (accepted(call)) notify(this.callWaiters, call);
    send(res, call.status, answer.body, answer.headers);
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): { status?: number; body: Record<string, unknown> } {
    if (method === 'apps.connections.open') {
      if (token !== APP_TOKEN) return { body: { ok: false, error: 'invalid_auth' } };
      return { body: { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=fake` } };
    }
    if (method === 'oauth.v2.access') return this.exchangeCode(args);
    const workspace = token === undefined ? undefined : this.workspaces.get(token);
    if (!workspace) return { body: { ok: false, error: 'invalid_auth' } };
    switch (method) {
      case 'auth.test':
        return {
          body: {
            ok: true,
            url: `https://${workspace.teamId.toLowerCase()}.slack.com/`,
            team: workspace.name,
            user: 'newsdesk',
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
            ...(workspace.enterpriseId ? { enterprise_id: workspace.enterpriseId, is_enterprise_install: true } : {}),
          },
        };
      case 'views.publish': {
        const view = (args.view ?? {}) as Record<string, unknown>;
        if (view.type !== 'home' || !Array.isArray(view.blocks) || view.blocks.length > 100) return { body: { ok: false, error: 'invalid_arguments' } };
        this.views.push({ token, userId: String(args.user_id), view });
        return { body: { ok: true, view: { id: `V0${this.views.length}`, team_id: workspace.teamId, type: 'home' } } };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message: PostedSlackMessage = { channel: String(args.channel), ts, text: args.text, blocks: args.blocks, team: workspace.teamId };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        this.posted.push(message);
        // After the answer is on its way, as Slack's event follows the API response.
        setImmediate(() => this.echo(message, workspace));
        return { body: { ok: true, channel: args.channel, ts, message: { text: args.text, ts, thread_ts: args.thread_ts } } };
      }
      case 'conversations.history': {
        const limit = Number(args.limit ?? 100);
        const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = this.posted
          .filter((message) => message.channel === args.channel && !message.thread_ts && Number(message.ts) < latest)
          .reverse()
          .slice(0, limit)
          .filter((message) => (message.team ?? TEAM_ID) === workspace.teamId)
          .map((message) => asRead(message, workspace, withMetadata));
        return { body: { ok: true, messages, has_more: false } };
      }
      case 'conversations.replies': {
        // The thread's parent and its replies, oldest first (one page: the fake's threads are short).
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = this.posted
          .filter((message) => message.channel === args.channel && (message.ts === args.ts || message.thread_ts === args.ts))
          .filter((message) => (message.team ?? TEAM_ID) === workspace.teamId)
          .slice(0, Number(args.limit ?? 1000))
          .map((message) => asRead(message, workspace, withMetadata));
        if (messages.length === 0) return { body: { ok: false, error: 'thread_not_found' } };
        return { body: { ok: true, messages, has_more: false } };
      }
      case 'chat.update': {
        const message = this.posted.find((candidate) => candidate.channel === args.channel && candidate.ts === args.ts);
        if (!message) return { body: { ok: false, error: 'message_not_found' } };
        message.text = args.text;
        message.blocks = args.blocks;
        return { body: { ok: true, channel: args.channel, ts: args.ts, text: args.text } };
      }
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: this.nextTs() } };
      case 'files.getUploadURLExternal': {
        const id = `F0UPLOAD${this.uploads.size + 1}`;
        this.uploads.set(id, '');
        return { body: { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id } };
      }
      case 'files.completeUploadExternal': {
        const files =
          typeof args.files === 'string'
            ? (JSON.parse(args.files) as { id: string; title?: string }[])
            : ((args.files as { id: string; title?: string }[] | undefined) ?? []);
        if (files.some((file) => !this.uploads.has(file.id))) return { body: { ok: false, error: 'file_not_found' } };
        return { body: { ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? '' })) } };
      }
      case 'usergroups.list':
        return { body: { ok: true, usergroups: this.userGroups.map((group) => ({ ...group, team_id: workspace.teamId, is_usergroup: true })) } };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { body: { ok: false, error: 'user_not_found' } };
        return { body: { ok: true, user: { id: args.user, team_id: workspace.teamId, ...user } } };
      }
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }

  /**
   * oauth.v2.access: the app's client id and secret and a workspace's install code give its bot token;
   * with grant_type=refresh_token, a rotating workspace's refresh token gives a new token pair.
   */
  private exchangeCode(args: Record<string, unknown>): { body: Record<string, unknown> } {
    if (args.client_id !== CLIENT_ID || args.client_secret !== CLIENT_SECRET) return { body: { ok: false, error: 'invalid_client_id' } };
    if (args.grant_type === 'refresh_token') return this.refresh(String(args.refresh_token));
    const workspace = [...this.workspaces.values()].find((candidate) => candidate.code === args.code);
    if (!workspace) return { body: { ok: false, error: 'invalid_code' } };
    const org = workspace.enterpriseId;
    return {
      body: {
        ok: true,
        app_id: 'A0NEWSDESK',
        authed_user: { id: `U0ADMIN${workspace.teamId}` },
        scope: 'commands,chat:write,chat:write.public,users:read,channels:history,groups:history',
        token_type: 'bot',
        access_token: workspace.botToken,
        bot_user_id: workspace.botUserId,
        ...(workspace.rotation ? { refresh_token: workspace.rotation.refreshToken, expires_in: workspace.rotation.expiresIn } : {}),
        team: org ? null : { id: workspace.teamId, name: workspace.name },
        enterprise: org ? { id: org, name: workspace.name } : null,
        is_enterprise_install: Boolean(org),
      },
    };
  }

  private refresh(refreshToken: string): { body: Record<string, unknown> } {
    const workspace = [...this.workspaces.values()].find((candidate) => candidate.rotation?.refreshToken === refreshToken);
    if (!workspace?.rotation) return { body: { ok: false, error: 'invalid_refresh_token' } };
    const refreshes = workspace.rotation.refreshes + 1;
    const suffix = workspace.teamId.toLowerCase();
    const next = {
      ...workspace,
      botToken: `xoxe.xoxb-${suffix}-${refreshes + 1}`,
      rotation: { refreshToken: `xoxe-1-${suffix}-r${refreshes + 1}`, expiresIn: 43_200, refreshes },
    };
    this.workspaces.delete(workspace.botToken);
    this.workspaces.set(next.botToken, next);
    return {
      body: {
        ok: true,
        app_id: 'A0NEWSDESK',
        token_type: 'bot',
        access_token: next.botToken,
        refresh_token: next.rotation.refreshToken,
        expires_in: next.rotation.expiresIn,
        scope: 'commands,chat:write,chat:write.public,users:read,channels:history,groups:history',
        bot_user_id: next.botUserId,
        team: { id: next.teamId, name: next.name },
        enterprise: null,
        is_enterprise_install: false,
      },
    };
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1_760_000_000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

function accepted(call: ApiCall): boolean {
  return call.status === 200 && call.result?.ok === true;
}

function notify<T>(waiters: Waiter<T>[], item: T): void {
  for (let i = waiters.length - 1; i >= 0; i--) {
    const waiter = waiters[i]!;
    if (!waiter.match(item)) continue;
    waiters.splice(i, 1);
    waiter.resolve(item);
  }
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @slack/web-api posts form fields, JSON-encoding objects such as blocks; some calls post JSON. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

// ---- requests as Slack sends them to the app -------------------------------------------------------

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret?: string;
  /** Seconds since the epoch (default now). */
  timestamp?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SignedPostResult {
  status: number;
  body: string;
  json?: Record<string, unknown>;
}

/** POSTs a body to the app the way Slack does: signed with the signing secret and a timestamp. */
export async function postSigned(url: string, body: string, options: SignedPostOptions = {}): Promise<SignedPostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, body: text, json };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  team_id?: string;
  channel_id?: string;
  user_id?: string;
  response_url: string;
  /** A workspace of an Enterprise Grid org with an org-wide install. */
  enterprise_id?: string;
}

/** The form body of a slash command, as Slack posts it. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? TEAM_ID,
    team_domain: 'newsdesk-test',
    channel_id: fields.channel_id ?? 'C0NEWS',
    channel_name: 'news',
    user_id: fields.user_id ?? 'U0READER',
    user_name: 'reader',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0NEWSDESK',
    is_enterprise_install: fields.enterprise_id ? 'true' : 'false',
    ...(fields.enterprise_id ? { enterprise_id: fields.enterprise_id, enterprise_name: 'Org' } : {}),
    response_url: fields.response_url,
    trigger_id: '123.456.abc',
  }).toString();
}

/** An Events API callback for a message, as Slack posts it (JSON). */
export function messageEventBody(
  eventId: string,
  event: { channel: string; text: string; ts: string; thread_ts?: string; user?: string; bot_id?: string },
  teamId = TEAM_ID,
): string {
  return eventCallbackBody(eventId, { type: 'message', channel_type: 'channel', user: event.user ?? 'U0READER', ...event, event_ts: event.ts }, teamId);
}

export function eventCallbackBody(eventId: string, event: Record<string, unknown>, teamId = TEAM_ID): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0NEWSDESK',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: teamId === TEAM_ID ? BOT_USER_ID : `U0BOT${teamId}`, is_bot: true, is_enterprise_install: false }],
    event,
  });
}

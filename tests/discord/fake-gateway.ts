import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

// The gateway half of the fake Discord: JSON frames (no compression), HELLO on connect, heartbeat
// acknowledgements, READY and GUILD_CREATE after IDENTIFY, and dispatches with a sequence number.

/** A frame the client sent, as JSON (IDENTIFY's `d` holds token, intents, shard ...). */
export interface ClientFrame {
  op: number;
  // JSON from the client; tests read into it freely.
  d: any;
}

/** What a connection identified as: its shard and intents. */
export interface Session {
  shard: [id: number, count: number];
  intents: number;
}

/** The shard a guild's events go to, by Discord's rule: (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export class FakeGateway {
  readonly frames: ClientFrame[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions = new Map<WebSocket, Session>();
  private readonly wss: WebSocketServer;
  private sequence = 0;

  constructor(
    server: Server,
    private readonly options: {
      heartbeatInterval: number;
      /** Intent bits the application may not use: IDENTIFY with one of them is closed with 4014. */
      refusedIntents: number;
      /** What to dispatch after a successful IDENTIFY (READY, then GUILD_CREATE), for the shard identified. */
      onIdentify: (session: Session) => [event: string, data: unknown][];
    },
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /**
   * Sends a dispatch. With `guildId`, only to the connection whose shard holds that guild, as Discord
   * routes guild events; `shape` may change the payload per connection (intents).
   */
  dispatch(event: string, data: unknown, guildId?: string, shape?: (data: unknown, session: Session | undefined) => unknown): void {
    const sequence = ++this.sequence;
    for (const socket of this.sockets) {
      const session = this.sessions.get(socket);
      if (guildId !== undefined && session && shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
      socket.send(JSON.stringify({ op: 0, t: event, s: sequence, d: shape ? shape(data, session) : data }));
    }
  }

  /** The connections that identified, by shard. */
  get sessionList(): Session[] {
    return [...this.sessions.values()];
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.sessions.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval }, s: null, t: null }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as ClientFrame;
      this.frames.push(frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op !== 2) return;
      if ((frame.d.intents & this.options.refusedIntents) !== 0) {
        socket.close(4014, 'Disallowed intent(s).');
        return;
      }
      const session: Session = { shard: frame.d.shard ?? [0, 1], intents: frame.d.intents };
      this.sessions.set(socket, session);
      for (const [event, data] of this.options.onIdentify(session)) socket.send(JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data }));
    });
  }
}

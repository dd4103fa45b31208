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

export class FakeGateway {
  readonly frames: ClientFrame[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly wss: WebSocketServer;
  private sequence = 0;

  constructor(
    server: Server,
    private readonly options: {
      heartbeatInterval: number;
      /** Intent bits the application may not use: IDENTIFY with one of them is closed with 4014. */
      refusedIntents: number;
      /** What to dispatch after a successful IDENTIFY (READY, then GUILD_CREATE). */
      onIdentify: () => [event: string, data: unknown][];
    },
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  dispatch(event: string, data: unknown): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data });
    for (const socket of this.sockets) socket.send(frame);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
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
      for (const [event, data] of this.options.onIdentify()) this.dispatch(event, data);
    });
  }
}

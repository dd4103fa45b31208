import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 in front of a real server, that a test can cut and restore (an outage). */
export interface Proxy {
  port: number;
  /** Closes every connection and stops listening (Redis down, connections refused). */
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Keeps connections open but drops every byte both ways (a dead route: nothing closes). */
  stall(stalled: boolean): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let stalled = false;
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.on('data', (chunk: Buffer) => {
          if (!stalled) upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
          if (!stalled) client.write(chunk);
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') port = address.port;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server ? new Promise<void>((resolve) => server?.close(() => resolve())) : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    server = undefined;
    await closing;
  };
  await listen();
  return {
    port,
    cut,
    restore: listen,
    stall: (value) => {
      stalled = value;
    },
    close: cut,
  };
}

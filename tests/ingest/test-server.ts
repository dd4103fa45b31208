import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A fake web site on 127.0.0.1 (port 0) that counts the connections it receives. */
export interface TestServer {
  origin: string;
  host: string;
  port: number;
  connections: () => number;
  requests: http.IncomingMessage[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: http.IncomingMessage[] = [];
  let connections = 0;
  const server = http.createServer((request, response) => {
    requests.push(request);
    const handler = routes.get((request.url ?? '/').split('?')[0] ?? '/');
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
}

export function send(body: string | Buffer, contentType: string, extra: Record<string, string> = {}): Handler {
  return (_request, response) => response.writeHead(200, { 'content-type': contentType, ...extra }).end(body);
}

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The project's demo feed served on 127.0.0.1, for end-to-end tests (allow `host` in FETCH_ALLOW_HOSTS). */
export async function serveDemoFeed(): Promise<{ host: string; close(): Promise<void> }> {
  const feed = readFileSync(join(import.meta.dirname, '..', 'demo', 'feed.xml'));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

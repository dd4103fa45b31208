import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { testServices } from '../helpers.ts';
import { item, rss } from './support.ts';

// The poller's fetcher is built from FETCH_ALLOW_HOSTS exactly as the article fetcher is, so an entry
// such as a bare IPv6 address works for feeds as it does for articles.

let server: Server;
let port: number;
let env: ReturnType<typeof testServices> | undefined;

beforeEach(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Loopback Six', [item(1, new Date().toISOString())]));
  });
  await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await env?.cleanup();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('FETCH_ALLOW_HOSTS for feeds', () => {
  it('allows a bare IPv6 address entry, normalised like the article fetcher’s', async () => {
    env = testServices({ FETCH_ALLOW_HOSTS: '::1' });
    const added = await addFeed(env.services, { platform: 'discord', tenantId: 'g', channelId: 'c' }, `http://[::1]:${port}/feed.xml`);
    expect(added.feed.title).toBe('Loopback Six');
  });

  it('still refuses the loopback address when it is not listed', async () => {
    env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1' });
    await expect(addFeed(env.services, { platform: 'discord', tenantId: 'g', channelId: 'c' }, `http://[::1]:${port}/feed.xml`)).rejects.toThrow(
      'That address points back at this server',
    );
  });
});

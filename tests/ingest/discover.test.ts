import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFeeds, resolveFeed } from '../../src/ingest/discover.ts';
import { createFetcher } from '../../src/ingest/safe-fetch.ts';
import { fixture, send, startServer, type TestServer } from './test-server.ts';

describe('discoverFeeds', () => {
  it('lists advertised RSS, Atom and JSON feeds in page order, resolved and without duplicates', () => {
    expect(discoverFeeds(fixture('page-with-feeds.html'), 'https://gazette.example/news/')).toEqual([
      'https://gazette.example/rss.xml',
      'https://gazette.example/atom.xml',
      'https://gazette.example/news/feed.json',
    ]);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeeds('<html><head><link rel="alternate" hreflang="de" href="/de/"></head></html>', 'https://x.example/')).toEqual([]);
  });
});

describe('resolveFeed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    server.route('/', send(fixture('page-with-feeds.html'), 'text/html'));
    server.route('/rss.xml', send(fixture('rss.xml'), 'text/xml'));
    server.route('/plain', send('<html><head><title>No feed</title></head><body>hi</body></html>', 'text/html'));
  });
  afterAll(() => server.close());

  it('follows a page to the feed it advertises', async () => {
    const resolved = await resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/`);
    expect(resolved.feedUrl).toBe(`${server.origin}/rss.xml`);
    expect(resolved.feed?.title).toBe('Harbour Town & Valley Gazette');
  });

  it('takes a feed URL as it is', async () => {
    const resolved = await resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/rss.xml`);
    expect(resolved.feedUrl).toBe(`${server.origin}/rss.xml`);
    expect(resolved.feed?.items).toHaveLength(2);
  });

  it('says when a page has no feed', async () => {
    await expect(resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/plain`)).rejects.toThrow(/couldn’t find a feed/);
  });
});

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

  it('skips JSON alternates that are APIs rather than feeds', () => {
    const page = `<html><head>
      <link rel="alternate" type="application/json" href="https://blog.example/wp-json/wp/v2/posts/12">
      <link rel="alternate" type="application/json" title="Blog feed" href="/index.json">
    </head><body></body></html>`;
    expect(discoverFeeds(page, 'https://blog.example/post/')).toEqual(['https://blog.example/index.json']);
  });
});

describe('resolveFeed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    server.route('/', send(fixture('page-with-feeds.html'), 'text/html'));
    server.route('/rss.xml', send(fixture('rss.xml'), 'text/xml'));
    server.route('/plain', send('<html><head><title>No feed</title></head><body>hi</body></html>', 'text/html'));
    server.route(
      '/dead-first',
      send(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/gone.xml"><link rel="alternate" type="application/atom+xml" href="/rss.xml"></head></html>',
        'text/html',
      ),
    );
    server.route('/served-as-html', send(fixture('rss.xml'), 'text/html; charset=utf-8'));
    server.route('/notes.txt', send('Just some notes, no feed here.', 'text/plain'));
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

  it('tries the next advertised feed when the first one cannot be read', async () => {
    const resolved = await resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/dead-first`);
    expect(resolved.feedUrl).toBe(`${server.origin}/rss.xml`);
    expect(resolved.feed?.items).toHaveLength(2);
  });

  it('reads a feed served as text/html as the feed it is', async () => {
    const resolved = await resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/served-as-html`);
    expect(resolved.feedUrl).toBe(`${server.origin}/served-as-html`);
    expect(resolved.feed?.title).toBe('Harbour Town & Valley Gazette');
  });

  it('says what is wrong with a response that is neither a page nor a feed', async () => {
    await expect(resolveFeed(createFetcher({ allowHosts: [server.host] }), `${server.origin}/notes.txt`)).rejects.toThrow(/That feed could not be read/);
  });
});

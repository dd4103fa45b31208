import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { fetchFeed, parseFeed } from '../../src/ingest/feeds.ts';
import { HttpStatusError } from '../../src/ingest/http-status.ts';
import { createFetcher } from '../../src/ingest/safe-fetch.ts';
import { fixture, send, startServer, type TestServer } from './test-server.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0: full content:encoded text, GUIDs kept verbatim, relative links resolved, entities decoded', () => {
    const feed = parseFeed(fixture('rss.xml'), 'application/rss+xml', 'https://gazette.example/rss.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Town & Valley Gazette');
    expect(feed.link).toBe('https://gazette.example/');
    expect(feed.items).toHaveLength(2);
    const [bridge, library] = feed.items;
    expect(bridge).toMatchObject({
      guid: '00123',
      url: 'https://gazette.example/news/bridge-repairs',
      title: 'Bridge repairs finish two weeks early',
      publishedAt: '2026-11-02T07:30:00.000Z',
      author: 'Nadia Brook',
      imageUrl: 'https://gazette.example/img/bridge.jpg',
    });
    expect(bridge?.text).toBe(
      'The Old Mill bridge reopened on Monday, two weeks ahead of schedule, the council said.\n\n“We are delighted,” said engineer Tomé Alves. Café owners on the quay agreed.',
    );
    expect(library).toMatchObject({
      guid: 'https://gazette.example/news/library-hours',
      url: 'https://gazette.example/news/library-hours', // a GUID is a permalink unless it says otherwise
      author: 'Omar Reyes',
      imageUrl: 'https://gazette.example/img/library.png', // the image enclosure, not the audio one
      text: 'The library will open until 9pm on weekdays & until 6pm on Saturdays.',
    });
    expect(library?.publishedAt).toBeUndefined(); // "not a date"
  });

  it('reads Atom: the alternate link, published before updated, HTML and XHTML content', () => {
    const feed = parseFeed(fixture('atom.xml'), 'application/atom+xml', 'https://notes.example/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Field Notes from Nowhere');
    expect(feed.link).toBe('https://notes.example/');
    const [rain, orchard] = feed.items;
    expect(rain).toMatchObject({
      guid: 'tag:notes.example,2026:rain',
      url: 'https://notes.example/rain',
      title: 'Rain gauge record broken',
      publishedAt: '2026-11-09T04:00:00.000Z',
      author: 'Ines Marlow',
      text: 'The gauge on Hill Road recorded 84 mm in six hours.\n\nMarlow said it was the wettest night since records began.',
    });
    expect(orchard?.url).toBe('https://notes.example/orchard');
    expect(orchard?.text).toBe('Apples were picked early this year.\n\nPears came later.');
  });

  it('reads JSON Feed 1.1: content_html and content_text, big numeric ids as strings, authors and tags', () => {
    const feed = parseFeed(fixture('feed.json'), 'application/feed+json', 'https://observatory.example/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('The Quiet Observatory');
    const [comet, plain] = feed.items;
    expect(comet).toMatchObject({
      guid: '9007199254740993',
      url: 'https://observatory.example/posts/comet',
      title: 'Comet visible & bright this week',
      author: 'Lena Fisk',
      imageUrl: 'https://observatory.example/img/comet.jpg',
      publishedAt: '2026-11-13T02:00:00.000Z',
      categories: ['sky', 'comets'],
      text: 'A faint comet can be seen low in the east before dawn.\n\nAstronomer Lena Fisk said binoculars help.',
    });
    expect(plain?.text).toBe('First paragraph of plain text.\n\nSecond paragraph <not a tag> & more.');
    expect(plain?.url).toBeUndefined();
  });

  it('reads RSS 1.0 (RDF): items beside the channel, Dublin Core dates and creators, content:encoded', () => {
    const rdf = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://almanac.example/">
    <title>Hillside Almanac</title>
    <link>https://almanac.example/</link>
    <description>Weather &amp; crops</description>
  </channel>
  <item rdf:about="https://almanac.example/frost">
    <title>First frost expected on Thursday</title>
    <link>/frost</link>
    <description>Short note.</description>
    <content:encoded><![CDATA[<p>Growers should cover seedlings.</p><p>The frost may last two nights.</p>]]></content:encoded>
    <dc:creator>Mara Quill</dc:creator>
    <dc:date>2026-11-20T18:00:00+01:00</dc:date>
  </item>
  <item rdf:about="https://almanac.example/fair"><title>Harvest fair moves indoors</title></item>
</rdf:RDF>`;
    const feed = parseFeed(rdf, 'application/rdf+xml', 'https://almanac.example/index.rdf');
    expect(feed).toMatchObject({ format: 'rdf', title: 'Hillside Almanac', link: 'https://almanac.example/', description: 'Weather & crops' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://almanac.example/frost',
      url: 'https://almanac.example/frost',
      author: 'Mara Quill',
      publishedAt: '2026-11-20T17:00:00.000Z',
      text: 'Growers should cover seedlings.\n\nThe frost may last two nights.',
    });
    expect(feed.items[1]?.title).toBe('Harvest fair moves indoors');
  });

  it('reads a JSON Feed whose items list holds junk entries without crashing', () => {
    const feed = parseFeed('{"version": "https://jsonfeed.org/version/1.1", "title": "Odd", "items": [null, 7, {"id": "a", "content_text": "Kept."}]}');
    expect(feed.items.map((item) => item.text)).toEqual(['', '', 'Kept.']);
  });

  it('reads the demo feed: 8 items with full text, outlets named by <source>', () => {
    const feed = parseFeed(readFileSync('demo/feed.xml', 'utf8'));
    expect(feed.items).toHaveLength(8);
    expect(new Set(feed.items.map((item) => item.guid)).size).toBe(8);
    for (const item of feed.items) {
      expect(item.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
      expect(item.publishedAt?.startsWith('2026-11-')).toBe(true);
      expect(item.url?.startsWith('https://demo.newsdesk.invalid/')).toBe(true);
    }
    expect(feed.items.filter((item) => item.sourceName).map((item) => item.sourceName)).toContain('The Harbour Courier');
  });

  it('accepts a single-item RSS feed and an Atom feed without entries', () => {
    const one = parseFeed('<rss version="2.0"><channel><title>One</title><item><title>Only</title><description>Body</description></item></channel></rss>');
    expect(one.items.map((item) => item.title)).toEqual(['Only']);
    const empty = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title></feed>');
    expect(empty).toMatchObject({ format: 'atom', title: 'Nothing yet', items: [] });
  });

  it.each([
    ['<notafeed><x/></notafeed>', 'it is XML (<notafeed>), but not RSS or Atom'],
    ['plain words, no markup', 'it is not XML, RSS, Atom or JSON Feed'],
    ['{"items": [', 'the JSON is broken'],
    ['{"title": "no items"}', 'it is JSON, but not a JSON Feed'],
    ['<!DOCTYPE html><html><body>page</body></html>', 'it is a web page, not a feed'],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>page</body></html>', 'it is a web page, not a feed'],
    ['   ', 'it is empty'],
  ])('refuses input that is no feed, saying why %#', (body, reason) => {
    expect(() => parseFeed(body)).toThrow(UserError);
    expect(() => parseFeed(body)).toThrow(`That feed could not be read: ${reason}.`);
  });

  it('does not expand entities without limit', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel><title>t</title><item><title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title></item></channel></rss>`;
    let length = 0;
    try {
      length = parseFeed(bomb).items[0]?.title?.length ?? 0;
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
    }
    expect(length).toBeLessThan(1_000_000);
  });
});

describe('fetchFeed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('fetches each format from a local server, then polls politely with the validators', async () => {
    server.route('/rss.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"rss-1"') return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-1"' }).end(fixture('rss.xml'));
    });
    server.route('/atom.xml', send(fixture('atom.xml'), 'application/atom+xml'));
    server.route('/feed.json', send(fixture('feed.json'), 'application/feed+json'));
    const fetcher = createFetcher({ allowHosts: [server.host] });
    const rss = await fetchFeed(fetcher, `${server.origin}/rss.xml`);
    expect(rss.feed?.items[0]?.url).toBe(`${server.origin}/news/bridge-repairs`);
    const again = await fetchFeed(fetcher, `${server.origin}/rss.xml`, { etag: rss.result.etag });
    expect(again.feed).toBeNull();
    expect(again.result.notModified).toBe(true);
    expect((await fetchFeed(fetcher, `${server.origin}/atom.xml`)).feed?.items).toHaveLength(2);
    expect((await fetchFeed(fetcher, `${server.origin}/feed.json`)).feed?.format).toBe('json');
  });

  it('turns an error status into an HttpStatusError that carries status and Retry-After', async () => {
    server.route('/gone.xml', (_request, response) => response.writeHead(429, { 'retry-after': '30' }).end());
    const fetcher = createFetcher({ allowHosts: [server.host] });
    const error = await fetchFeed(fetcher, `${server.origin}/gone.xml`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    const missing = await fetchFeed(fetcher, `${server.origin}/nothing-here.xml`).catch((caught: unknown) => caught);
    expect((missing as HttpStatusError).message).toBe('That page doesn’t exist (the site answered 404 Not Found).');
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { extractArticle, fetchArticle, markupDepth } from '../../src/ingest/article.ts';
import { createFetcher } from '../../src/ingest/safe-fetch.ts';
import { fixture, send, startServer, type TestServer } from './test-server.ts';

describe('extractArticle', () => {
  it('reads the demo page: paragraphs, og: metadata, published time, canonical URL', () => {
    const page = extractArticle(
      readFileSync('demo/article.html', 'utf8'),
      'https://demo.newsdesk.invalid/coastal-post/2026/11/18/valencia-flood-barrier?utm_source=chat',
    );
    expect(page).toMatchObject({
      title: 'Valencia approves river flood barrier after five-hour council debate',
      author: 'Lucía Ferrer',
      publishedAt: '2026-11-18T07:30:00.000Z',
      siteName: 'The Coastal Post',
      imageUrl: 'https://demo.newsdesk.invalid/img/valencia-council.jpg',
      canonicalUrl: 'https://demo.newsdesk.invalid/coastal-post/2026/11/18/valencia-flood-barrier',
    });
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^VALENCIA, Spain — Mayor Elena Ruiz won approval/);
    expect(page.text).not.toMatch(/cookies|Most read|All rights|Subscribe/);
  });

  it('takes the date and author from JSON-LD in a @graph, and resolves relative canonical and image URLs', () => {
    const page = extractArticle(fixture('article-jsonld.html'), 'https://islandpost.example/news?id=7');
    expect(page).toMatchObject({
      title: 'Ferry timetable changes from next week',
      author: 'Kofi Mensah',
      publishedAt: '2026-11-03T07:15:00.000Z',
      siteName: 'Island Post',
      canonicalUrl: 'https://islandpost.example/2026/11/ferry-timetable',
      imageUrl: 'https://islandpost.example/images/ferry.jpg',
    });
    expect(page.text.split('\n\n')[0]).toMatch(/^The island ferry will run every forty minutes/);
    expect(page.text).not.toContain('Sport');
  });

  it('falls back to <time datetime>, the byline, the <title> and the host', () => {
    const page = extractArticle(fixture('article-time.html'), 'https://www.marketnews.example/market');
    expect(page.publishedAt).toBe('2026-11-05T15:45:00.000Z');
    expect(page.publishedOffset).toBe(60); // the +01:00 the page stated
    expect(page.author).toBe('Sam Ortiz');
    expect(page.title).toBe('Market day returns');
    expect(page.siteName).toBe('marketnews.example');
    expect(page.text).toContain('The weekly market returns to the square on Saturday');
  });

  it('falls back to the body text when Readability finds no article', () => {
    const page = extractArticle('<html><body><nav>Menu</nav><div>Short notice: the pool is closed today.</div></body></html>', 'https://pool.example/');
    expect(page.text).toBe('Short notice: the pool is closed today.');
  });

  it('survives malformed, empty and absurdly nested HTML', () => {
    expect(extractArticle('<p>unclosed <b>bold <div><<<>>> &amp; &#x1F600; </', 'https://x.example/').text).toBe('unclosed bold\n\n<<<>>> & 😀');
    expect(extractArticle('', 'https://x.example/').text).toBe('');
    const deep = `<html><body>${'<div>'.repeat(30_000)}deep text &amp; more${'</div>'.repeat(30_000)}</body></html>`;
    expect(markupDepth(deep)).toBeGreaterThan(1000);
    expect(extractArticle(deep, 'https://x.example/').text).toBe('deep text & more');
  });
});

describe('fetchArticle', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('fetches a page through the fetcher and reads it from the final URL', async () => {
    server.route('/story', (_request, response) => response.writeHead(301, { location: '/2026/story.html' }).end());
    server.route('/2026/story.html', send(fixture('article-time.html'), 'text/html'));
    const page = await fetchArticle(createFetcher({ allowHosts: [server.host] }), `${server.origin}/story`);
    expect(page.url).toBe(`${server.origin}/2026/story.html`);
    expect(page.author).toBe('Sam Ortiz');
  });

  it('says so when the link is a feed, and refuses an empty page', async () => {
    server.route('/feed', send(fixture('rss.xml'), 'application/xml'));
    server.route('/empty', send('<html><body></body></html>', 'text/html'));
    const fetcher = createFetcher({ allowHosts: [server.host] });
    await expect(fetchArticle(fetcher, `${server.origin}/feed`)).rejects.toThrow('That link is a feed, not an article');
    await expect(fetchArticle(fetcher, `${server.origin}/empty`)).rejects.toBeInstanceOf(UserError);
  });
});

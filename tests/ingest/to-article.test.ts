import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { extractArticle } from '../../src/ingest/article.ts';
import { parseFeed, type FeedItem } from '../../src/ingest/feeds.ts';
import { contentHash, idFromGuid } from '../../src/ingest/hash.ts';
import { createIngest } from '../../src/ingest/port.ts';
import { articleFromFeedItem, articleFromPage, articleFromText, outletName } from '../../src/ingest/to-article.ts';

describe('articleFromText', () => {
  const body = 'The council voted on Tuesday to keep the library open.\n\n“It matters,” said councillor Ada Vance.';

  it('uses the content hash as the id, so re-wrapped pastes of one text share it', () => {
    const article = articleFromText(body);
    expect(article.id).toBe(contentHash(body));
    expect(article.id).toMatch(/^[0-9a-f]{64}$/);
    expect(articleFromText(body.replace(/ /g, '  ').replace('\n\n', '\n \n\n')).id).toBe(article.id);
    expect(articleFromText(`${body} More.`).id).not.toBe(article.id);
  });

  it('takes a short unpunctuated first line as the title', () => {
    const article = articleFromText(`Library stays open\n${body}`);
    expect(article.title).toBe('Library stays open');
    expect(article.text).toBe(body);
    expect(articleFromText(body).title).toBeUndefined();
    expect(articleFromText(body, { title: 'Given' }).title).toBe('Given');
  });

  it('refuses empty text', () => {
    expect(() => articleFromText('  \n ')).toThrow(UserError);
  });
});

describe('articleFromPage and articleFromFeedItem', () => {
  const feed = parseFeed(readFileSync('demo/feed.xml', 'utf8'));
  const valencia = feed.items.find((item) => item.url?.includes('valencia'))!;

  it('gives a page and the feed item of the same article the same id, from the canonical URL', () => {
    const page = articleFromPage(
      extractArticle(
        readFileSync('demo/article.html', 'utf8'),
        'https://www.demo.newsdesk.invalid/coastal-post/2026/11/18/valencia-flood-barrier/?utm_source=x',
      ),
    );
    const item = articleFromFeedItem(valencia, feed);
    expect(page.id).toBe(item.id);
    expect(item).toMatchObject({ guid: 'coastal-post-2026-1118-flood-barrier', siteName: 'The Coastal Post', author: 'Lucía Ferrer' });
    expect(page.publishedAt).toBe(item.publishedAt);
  });

  it('falls back to the GUID, scoped by feed, when an item has no link', () => {
    const { url: _url, ...noLink } = valencia;
    const a = articleFromFeedItem(noLink, { title: 'Feed A', link: 'https://a.example/' });
    const b = articleFromFeedItem(noLink, { title: 'Feed B', link: 'https://b.example/' });
    expect(a.id).not.toBe(b.id);
    expect(articleFromFeedItem(noLink, { title: 'Feed A', link: 'https://a.example/' }).id).toBe(a.id);
  });

  it('names the feed as the outlet when the item has no <source>', () => {
    const wire = feed.items.find((item) => !item.sourceName)!;
    expect(articleFromFeedItem(wire, feed).siteName).toBe('Newsdesk Demo Wire');
  });
});

describe('articleFromFeedItem ids and outlets', () => {
  const flash: FeedItem = { title: 'Ferry timetable changes from Monday', text: '  ', categories: [] };

  it('keeps the ids stored articles already have: GUID scoped by the key the poller passes, else title and text', () => {
    expect(articleFromFeedItem({ ...flash, guid: 'g-1' }, { title: 'Wire' }, 'feed-7').id).toBe(idFromGuid('g-1', 'feed-7'));
    const article = articleFromFeedItem(flash, { title: 'Wire' });
    expect(article.text).toBe('Ferry timetable changes from Monday'); // a headline-only item still has text to read
    expect(article.id).toBe(contentHash('Ferry timetable changes from Monday\nFerry timetable changes from Monday'));
  });

  it('credits the item’s <source>, else the feed’s title, else the host of its link', () => {
    const linked = { ...flash, url: 'https://www.ferries.example/timetable?utm_source=feed' };
    expect(outletName({ ...linked, sourceName: 'The Harbour Courier' }, { title: 'Wire' })).toBe('The Harbour Courier');
    expect(outletName(linked, { title: 'Wire' })).toBe('Wire');
    const untitled = parseFeed('<rss version="2.0"><channel><item><title>T</title><link>https://www.ferries.example/a</link></item></channel></rss>');
    expect(untitled.title).toBe('Untitled feed');
    expect(articleFromFeedItem(untitled.items[0]!, untitled).siteName).toBe('ferries.example');
  });
});

describe('createIngest', () => {
  it('implements the core IngestPort with the configured allow-list', async () => {
    const ingest = createIngest({ FETCH_ALLOW_HOSTS: [] });
    await expect(ingest.fetchArticle('http://127.0.0.1:9/')).rejects.toThrow('points back at this server');
    expect(ingest.articleFromText('Some pasted words.', 'A title').title).toBe('A title');
  });
});

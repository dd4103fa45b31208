import { describe, expect, it } from 'vitest';
import { FEED_TYPES, PAGE_AND_FEED_TYPES, isFeed, isPage } from '../../src/ingest/media-types.ts';

describe('telling a feed from a page', () => {
  it('knows a feed by its media type or by its first bytes, whatever type it was served with', () => {
    expect(isFeed('application/atom+xml', '')).toBe(true);
    expect(isFeed('text/html', '\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel/></rss>')).toBe(true);
    expect(isFeed('text/plain', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>')).toBe(true);
    expect(isFeed('application/json', '{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe(true);
  });

  it('does not call a page a feed because its text mentions JSON Feed or RSS', () => {
    expect(isFeed('text/html', '<html><body>See https://jsonfeed.org/version/1.1 and <rss> tags</body></html>')).toBe(false);
    expect(isFeed('application/json', '{"posts": []}')).toBe(false);
  });

  it('knows a page by its media type or by its first bytes', () => {
    expect(isPage('application/xhtml+xml', '')).toBe(true);
    expect(isPage('text/plain', '  <!DOCTYPE html><html><body>hi</body></html>')).toBe(true);
    expect(isPage('application/xml', '<rss version="2.0"></rss>')).toBe(false);
  });

  it('accepts pages and every feed type, feeds first only where a feed is wanted', () => {
    expect(PAGE_AND_FEED_TYPES).toEqual(['text/html', 'application/xhtml+xml', ...FEED_TYPES]);
    expect(FEED_TYPES).not.toContain('text/html');
  });
});

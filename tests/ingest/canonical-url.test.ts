import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/ingest/canonical-url.ts';

describe('canonicalUrl', () => {
  it.each([
    ['https://www.Example.com/news/story/', 'https://example.com/news/story'],
    ['http://example.com/news/story', 'https://example.com/news/story'],
    ['https://m.example.com/news/story', 'https://example.com/news/story'],
    ['https://mobile.example.com/news/story', 'https://example.com/news/story'],
    ['https://amp.example.com/news/story', 'https://example.com/news/story'],
    ['https://example.com/news/story/amp', 'https://example.com/news/story'],
    ['https://example.com/news/story/amp/', 'https://example.com/news/story'],
    ['https://example.com/news/story?amp=1', 'https://example.com/news/story'],
    ['https://example.com/news/story?outputType=amp', 'https://example.com/news/story'],
    [
      'https://example.com/news/story?utm_source=x&utm_medium=y&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&ref=home&cmpid=rss&ocid=msn',
      'https://example.com/news/story',
    ],
    ['https://example.com/news/story#comments', 'https://example.com/news/story'],
    ['https://example.com/search?q=b&page=2&a=1', 'https://example.com/search?a=1&page=2&q=b'],
    ['https://example.com/news?id=5&UTM_Campaign=z', 'https://example.com/news?id=5'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['https://example.com:8443/x/', 'https://example.com:8443/x'],
    ['https://www.example.com/', 'https://example.com'],
    ['https://amp.dev/about', 'https://amp.dev/about'],
    ['https://example.com/campaign/amplifier', 'https://example.com/campaign/amplifier'],
    ['not a url', 'not a url'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('folds the variants of one article into one key', () => {
    const variants = [
      'https://www.news.example/world/ferry-crash?utm_source=twitter',
      'http://m.news.example/world/ferry-crash/amp',
      'https://news.example/world/ferry-crash/#top',
    ];
    expect(new Set(variants.map(canonicalUrl)).size).toBe(1);
  });
});

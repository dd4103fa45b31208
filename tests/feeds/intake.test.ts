import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { takeInItems } from '../../src/feeds/intake.ts';
import type { FeedRecord } from '../../src/feeds/types.ts';
import { parseFeed } from '../../src/ingest/feeds.ts';
import { articleFromFeedItem } from '../../src/ingest/to-article.ts';
import { testServices } from '../helpers.ts';

describe('taking in a feed’s items', () => {
  it('dates an item from decades ahead at the time it was seen, so it cannot stay on top of digests', async () => {
    const now = '2026-12-06T12:00:00.000Z';
    const env = testServices({}, { clock: new ManualClock(now) });
    try {
      const parsed = parseFeed(
        readFileSync(new URL('../fixtures/feeds/relative-links.xml', import.meta.url), 'utf8'),
        '',
        'https://tidewater.example/feeds/rss.xml',
      );
      const gala = parsed.items.find((item) => item.title === 'Gala date set for 2087')!;
      expect(gala.publishedAt).toBe('2087-12-06T10:00:00.000Z'); // as served
      const feed: FeedRecord = { id: 'tide', location: 'https://tidewater.example/feeds/rss.xml', kind: 'url', title: parsed.title, addedAt: now };
      expect(await takeInItems(env.services, feed, parsed, true)).toBe(2);
      const stored = await env.services.library.get(articleFromFeedItem(gala, parsed, feed.id).id);
      expect(stored?.publishedAt).toBe(now);
    } finally {
      await env.cleanup();
    }
  });
});

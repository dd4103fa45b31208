import { afterEach, describe, expect, it } from 'vitest';
import { feedDigest } from '../../src/cli-digest.ts';
import { testServices } from '../helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('newsdesk digest --feed', () => {
  it('groups the demo feed’s two reports of the Lisbon ferry collision into one story with two outlets', async () => {
    const test = testServices();
    cleanups.push(test.cleanup);
    const message = await feedDigest(test.services, 'demo/feed.xml');
    expect(message.kind).toBe('digest');
    if (message.kind !== 'digest') return;
    const ferry = message.digest.stories.filter((story) => /ferr/i.test(story.title));
    expect(ferry).toHaveLength(1);
    expect(ferry[0]!.sources.map((source) => source.name).sort()).toEqual(['Newsdesk Demo Wire', 'The Harbour Courier']);
    expect(message.digest.stories).toHaveLength(7);
    for (const story of message.digest.stories) expect(story.analysis.summary.length).toBeGreaterThan(0);
  });

  it('leaves the bot’s own store untouched, so running it twice shows the same digest', async () => {
    const test = testServices();
    cleanups.push(test.cleanup);
    const first = await feedDigest(test.services, 'demo/feed.xml', { max: 3 });
    const second = await feedDigest(test.services, 'demo/feed.xml', { max: 3 });
    expect(first.kind === 'digest' && first.digest.stories.map((story) => story.title)).toEqual(
      second.kind === 'digest' && second.digest.stories.map((story) => story.title),
    );
    expect(await test.services.newsroom.feeds.subscriptions({ platform: 'console', tenantId: 'local', channelId: 'cli' })).toEqual([]);
  });

  it('refuses a bad --max and a missing file with a clear message', async () => {
    const test = testServices();
    cleanups.push(test.cleanup);
    await expect(feedDigest(test.services, 'demo/feed.xml', { max: 0 })).rejects.toThrow('--max takes a whole number from 1 to 50.');
    await expect(feedDigest(test.services, 'demo/no-such-feed.xml')).rejects.toThrow(/./);
  });
});

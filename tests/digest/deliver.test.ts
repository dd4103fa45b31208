import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { storyScore } from '../../src/digest/rank.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { testServices } from '../helpers.ts';

const NOW = '2026-11-26T12:00:00Z';
const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'news' };
const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

let server: FeedServer;
let env: ReturnType<typeof testServices>;
let clock: ManualClock;

beforeEach(async () => {
  server = await startFeedServer();
  clock = new ManualClock(NOW);
  env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1' }, { clock });
});

afterEach(async () => {
  await env.cleanup();
  await server.close();
});

function send(platform: FakePlatform, target = channel) {
  const { post, onPosted } = portPoster(env.services, platform, target);
  return deliverDigest(env.services, target, post, { onPosted });
}

describe('composing and posting a digest', () => {
  it('posts the new stories with summary, tags and sources, then nothing when nothing is new', async () => {
    server.routes.set('/a.xml', { body: rss('Alpha', [item(1, hoursAgo(1)), item(2, hoursAgo(2)), item(3, hoursAgo(3))]) });
    await addFeed(env.services, channel, `${server.url}/a.xml`);
    const platform = new FakePlatform();
    const run = await send(platform);
    expect(run).toMatchObject({ status: 'posted', stories: 3, storiesDelivered: 3 });
    const message = platform.sent[0]!.message;
    if (message.kind !== 'digest') throw new Error('expected a digest');
    const [first] = message.digest.stories;
    expect(first?.title).toBe(item(1, NOW).title);
    expect(first?.analysis.summary.length).toBeGreaterThan(0);
    expect(first?.sources).toEqual([{ name: 'Alpha', url: item(1, NOW).link }]);
    // The thread under the digest knows its articles, so follow-ups need no platform history.
    const threadArticles = await env.services.library.threadArticles('discord', 'thread-1');
    expect(threadArticles?.map((a) => a.title).sort()).toEqual([1, 2, 3].map((n) => item(n, NOW).title).sort());

    expect(await send(platform)).toEqual({ status: 'nothing-new' });
    expect(platform.sent).toHaveLength(1);
  });

  it('ranks a story covered by two of the channel’s feeds first, and lists only this channel’s sources', async () => {
    const shared = item(7, hoursAgo(5));
    server.routes.set('/a.xml', { body: rss('Alpha', [item(1, hoursAgo(1)), shared]) });
    server.routes.set('/b.xml', { body: rss('Beta', [{ ...shared, guid: 'b-7', link: 'https://m.beta.example/7?utm_source=x' }]) });
    server.routes.set('/private.xml', { body: rss('Private', [{ ...shared, guid: 'p-7', link: 'https://private.example/7' }]) });
    await addFeed(env.services, channel, `${server.url}/a.xml`);
    await addFeed(env.services, channel, `${server.url}/b.xml`);
    await addFeed(env.services, { ...channel, tenantId: 'other-guild' }, `${server.url}/private.xml`);
    const platform = new FakePlatform();
    await send(platform);
    const message = platform.sent[0]!.message;
    if (message.kind !== 'digest') throw new Error('expected a digest');
    expect(message.digest.stories.map((story) => story.title)).toEqual([shared.title, item(1, NOW).title]);
    expect(message.digest.stories[0]!.sources.map((source) => source.name)).toEqual(['Alpha', 'Beta']);
  });

  it('splits a long digest into parts that fit the platform', async () => {
    server.routes.set('/a.xml', {
      body: rss(
        'Alpha',
        Array.from({ length: 5 }, (_, i) => item(i, hoursAgo(1 + i))),
      ),
    });
    const local = { platform: 'console' as const, tenantId: 'local', channelId: 'x' };
    await addFeed(env.services, local, `${server.url}/a.xml`);
    const platform = new FakePlatform('console');
    const { post } = portPoster(env.services, platform, local);
    const run = await deliverDigest(env.services, local, post, { budget: { maxStories: 2, maxChars: 100_000 } });
    expect(run).toMatchObject({ status: 'posted', parts: 3, partsPosted: 3, storiesDelivered: 5 });
    expect(
      platform.sent.map((post) => (post.message.kind === 'digest' ? [post.message.part, post.message.parts, post.message.digest.stories.length] : [])),
    ).toEqual([
      [1, 3, 2],
      [2, 3, 2],
      [3, 3, 1],
    ]);
  });

  it('sends the stories of a part the platform refused in the next digest, and never one twice', async () => {
    server.routes.set('/a.xml', {
      body: rss(
        'Alpha',
        Array.from({ length: 5 }, (_, i) => item(i, hoursAgo(1 + i))),
      ),
      etag: '"1"',
    });
    await addFeed(env.services, channel, `${server.url}/a.xml`);
    await env.services.newsroom.schedules.setSettings(channel, { maxStories: 10, sentences: 2 });
    const platform = new FakePlatform();
    platform.failOn = (attempt) => attempt === 2;
    const { post, onPosted } = portPoster(env.services, platform, channel);
    const first = await deliverDigest(env.services, channel, post, { onPosted, budget: { maxStories: 2, maxChars: 100_000 } });
    expect(first).toMatchObject({ status: 'failed', parts: 3, partsPosted: 1, storiesDelivered: 2 });

    platform.failOn = () => false;
    const second = await deliverDigest(env.services, channel, post, { onPosted, budget: { maxStories: 2, maxChars: 100_000 } });
    expect(second).toMatchObject({ status: 'posted', storiesDelivered: 3 });
    const delivered = platform.digestStoryIds();
    expect(delivered).toHaveLength(5);
    expect(new Set(delivered).size).toBe(5);
  });

  it('scores recency and the number of sources', () => {
    const now = Date.parse(NOW);
    expect(storyScore({ id: 'a', newestAt: now, sourceCount: 1 }, now)).toBe(1);
    expect(storyScore({ id: 'b', newestAt: now - 12 * 3_600_000, sourceCount: 1 }, now)).toBeCloseTo(0.5);
    expect(storyScore({ id: 'c', newestAt: now - 12 * 3_600_000, sourceCount: 3 }, now)).toBeCloseTo(1.2);
  });
});

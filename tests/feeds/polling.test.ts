import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { FAILURES_BEFORE_NOTICE } from '../../src/feeds/health.ts';
import { pollDueFeeds } from '../../src/feeds/poller.ts';
import { addFeed, feedStatusViews } from '../../src/feeds/subscribe.ts';
import { createNewsroom } from '../../src/scheduler/newsroom.ts';
import { testServices } from '../helpers.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from './support.ts';

const NOW = '2026-11-26T12:00:00Z';
const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'c1' };
const MINUTE = 60_000;

let server: FeedServer;
let env: ReturnType<typeof testServices>;
let clock: ManualClock;

beforeEach(async () => {
  server = await startFeedServer();
  clock = new ManualClock(NOW);
  env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1' }, { clock });
  // Jitter fixed at its midpoint, so back-off times are exact.
  env.services.newsroom = createNewsroom(env.services.config, env.services.stores, clock, { random: () => 0.5 });
});

afterEach(async () => {
  await env.cleanup();
  await server.close();
});

const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

async function feedEntries(feedId: string) {
  return (await env.services.newsroom.stories.feedEntries([feedId])).get(feedId) ?? [];
}

describe('adding a feed', () => {
  it('reads the feed once and answers with its title and item count', async () => {
    server.routes.set('/feed.xml', { body: rss('Town Crier', [item(1, hoursAgo(1)), item(2, hoursAgo(2))]) });
    const added = await addFeed(env.services, channel, `${server.url}/feed.xml`);
    expect(added.feed.title).toBe('Town Crier');
    expect(added.itemCount).toBe(2);
  });

  it('follows a web page to the feed it advertises', async () => {
    server.routes.set('/', {
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><title>Crier</title><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>hi</body></html>',
    });
    server.routes.set('/rss', { body: rss('Town Crier', [item(1, hoursAgo(1))]) });
    const added = await addFeed(env.services, channel, `${server.url}/`);
    expect(added.feed.location).toBe(`${server.url}/rss`);
  });

  it('gives a clear error for a page without a feed and for a feed that is not one', async () => {
    server.routes.set('/plain', { contentType: 'text/html', body: '<!doctype html><html><head></head><body>no feed</body></html>' });
    // A cut-off feed is read as far as it goes; a body that is no feed at all cannot be.
    server.routes.set('/broken', { body: '<error><message>quota exceeded</message></error>' });
    await expect(addFeed(env.services, channel, `${server.url}/plain`)).rejects.toThrow(/does not advertise a feed/);
    await expect(addFeed(env.services, channel, `${server.url}/broken`)).rejects.toThrow(
      'That feed could not be read: it is XML (<error>), but not RSS or Atom.',
    );
    await expect(addFeed(env.services, channel, `${server.url}/missing`)).rejects.toThrow(/404/);
    expect(await env.services.newsroom.feeds.subscriptions(channel)).toEqual([]);
  });

  it('never lets a Discord or Slack channel read a local file, while the console may', async () => {
    for (const input of ['demo/feed.xml', '/etc/hostname', 'file:///etc/hostname']) {
      await expect(addFeed(env.services, channel, input)).rejects.toThrow(/must be an http or https link/);
      await expect(addFeed(env.services, { ...channel, platform: 'slack' }, input)).rejects.toThrow(/must be an http or https link/);
    }
    const added = await addFeed(env.services, { platform: 'console', tenantId: 'local', channelId: 'chat' }, 'demo/feed.xml');
    expect(added.feed.kind).toBe('file');
    expect(added.itemCount).toBe(8);
  });

  it('refuses a link of another scheme as a link, not as a missing file, on every platform', async () => {
    for (const platform of ['console', 'discord', 'slack'] as const) {
      await expect(addFeed(env.services, { ...channel, platform }, 'ftp://example.com/feed.xml')).rejects.toThrow(
        'I can only follow http and https links, not ftp:// ones.',
      );
    }
  });

  it('does not flood the channel on a new feed’s first poll: only the last day, at most five', async () => {
    const items = [...Array.from({ length: 8 }, (_, i) => item(i, hoursAgo(i + 1))), ...Array.from({ length: 4 }, (_, i) => item(20 + i, hoursAgo(30 + i)))];
    server.routes.set('/feed.xml', { body: rss('Busy', items) });
    const added = await addFeed(env.services, channel, `${server.url}/feed.xml`);
    expect(added.newItems).toBe(5);
    const titles = (await env.services.newsroom.stories.getMany((await feedEntries(added.feed.id)).map((e) => e.storyId))).map((s) => s.title);
    expect(titles.sort()).toEqual(
      items
        .slice(0, 5)
        .map((i) => i.title)
        .sort(),
    );
  });
});

describe('far-future item dates', () => {
  it('dates an item more than a day ahead at the time it was seen, and keeps one a few hours ahead', async () => {
    const ahead = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();
    server.routes.set('/feed.xml', { body: rss('Clock Skew', [item(1, ahead(24 * 365 * 10)), item(2, ahead(3)), item(3, hoursAgo(1))]) });
    const added = await addFeed(env.services, channel, `${server.url}/feed.xml`);
    expect(added.newItems).toBe(3);
    const entries = await feedEntries(added.feed.id);
    const articles = await env.services.library.getMany(entries.map((entry) => entry.articleId));
    const dates = new Map(articles.map((article) => [article.title, article.publishedAt]));
    expect(dates.get(item(1, NOW).title)).toBe(new Date(NOW).toISOString());
    expect(dates.get(item(2, NOW).title)).toBe(ahead(3));
    expect(dates.get(item(3, NOW).title)).toBe(hoursAgo(1));
  });
});

describe('polling', () => {
  it('uses conditional GET and takes in only new items, by GUID, link or content', async () => {
    server.routes.set('/feed.xml', { etag: '"v1"', body: rss('Crier', [item(1, hoursAgo(1))]) });
    const { feed } = await addFeed(env.services, channel, `${server.url}/feed.xml`);
    clock.advance(15 * MINUTE);
    const [notModified] = await pollDueFeeds(env.services);
    expect(notModified?.status).toBe('not-modified');
    expect(server.requests.at(-1)?.ifNoneMatch).toBe('"v1"');

    const edited = { ...item(1, hoursAgo(1)), text: 'The same story, with its text corrected by the editor after publication.' };
    const sameLinkNewGuid = { ...item(2, hoursAgo(1)), guid: 'regenerated-guid', link: item(1, NOW).link };
    const noGuidNoLink = { ...item(3, hoursAgo(0.5)), guid: undefined, link: undefined };
    server.routes.set('/feed.xml', { etag: '"v2"', body: rss('Crier', [edited, sameLinkNewGuid, noGuidNoLink, item(4, hoursAgo(0.2))]) });
    clock.advance(15 * MINUTE);
    const [changed] = await pollDueFeeds(env.services);
    expect(changed).toMatchObject({ status: 'new', newItems: 2 });

    clock.advance(15 * MINUTE);
    server.routes.set('/feed.xml', { etag: '"v3"', body: rss('Crier', [edited, noGuidNoLink, item(4, hoursAgo(0.2))]) });
    const [again] = await pollDueFeeds(env.services);
    expect(again).toMatchObject({ status: 'unchanged', newItems: 0 });
    expect((await feedEntries(feed.id)).length).toBe(3);
  });

  it('polls every 15 minutes by default and not before', async () => {
    server.routes.set('/feed.xml', { etag: '"v1"', body: rss('Crier', [item(1, hoursAgo(1))]) });
    await addFeed(env.services, channel, `${server.url}/feed.xml`);
    clock.advance(14 * MINUTE);
    expect(await pollDueFeeds(env.services)).toEqual([]);
    clock.advance(1 * MINUTE);
    expect(await pollDueFeeds(env.services)).toHaveLength(1);
  });

  it('sends at most two requests at a time to one host', async () => {
    const port = new URL(server.url).port;
    for (let i = 0; i < 8; i++) {
      server.routes.set(`/f${i}.xml`, { body: rss(`Feed ${i}`, [item(i, hoursAgo(1))]), etag: `"e${i}"` });
      await addFeed(env.services, { ...channel, channelId: `c${i}` }, `${server.url}/f${i}.xml`);
    }
    for (let i = 0; i < 8; i++) server.routes.set(`/f${i}.xml`, { ...server.routes.get(`/f${i}.xml`)!, delayMs: 30 });
    clock.advance(20 * MINUTE);
    const outcomes = await pollDueFeeds(env.services);
    expect(outcomes).toHaveLength(8);
    expect(server.peakConcurrent).toBeLessThanOrEqual(2);
    expect(env.services.newsroom.limiter.peakPerHost.get(`127.0.0.1:${port}`)).toBe(2);
  });

  it('backs off after failures, honours Retry-After, and tells the channel once when failing and once when recovered', async () => {
    const platform = new FakePlatform('discord');
    const notify = (target: ChannelRef, message: Parameters<FakePlatform['post']>[1]) => platform.post(target, message).then(() => undefined);
    server.routes.set('/feed.xml', { body: rss('Crier', [item(1, hoursAgo(1))]) });
    const { feed } = await addFeed(env.services, channel, `${server.url}/feed.xml`);
    server.routes.set('/feed.xml', { status: 500, body: 'oops', contentType: 'text/plain' });

    const waits: number[] = [];
    for (let failure = 1; failure <= FAILURES_BEFORE_NOTICE + 1; failure++) {
      const state = (await env.services.newsroom.feeds.state(feed.id))!;
      clock.set(state.nextPollAt);
      const [outcome] = await pollDueFeeds(env.services, notify);
      expect(outcome?.status).toBe('failed');
      const after = (await env.services.newsroom.feeds.state(feed.id))!;
      waits.push((Date.parse(after.nextPollAt) - clock.now().getTime()) / MINUTE);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    expect(platform.texts()).toHaveLength(1);
    expect(platform.texts()[0]).toMatch(/“Crier” has failed 3 polls in a row/);

    server.routes.set('/feed.xml', { status: 429, body: 'slow down', contentType: 'text/plain', headers: { 'retry-after': '36000' } });
    clock.set((await env.services.newsroom.feeds.state(feed.id))!.nextPollAt);
    await pollDueFeeds(env.services, notify);
    const limited = (await env.services.newsroom.feeds.state(feed.id))!;
    expect(Date.parse(limited.nextPollAt) - clock.now().getTime()).toBe(36_000_000);

    const views = await feedStatusViews(env.services, channel);
    expect(views[0]).toMatchObject({ consecutiveFailures: 5, lastError: expect.stringMatching(/slow down|429/) });

    server.routes.set('/feed.xml', { body: rss('Crier', [item(1, hoursAgo(1)), item(2, NOW)]) });
    clock.set(limited.nextPollAt);
    await pollDueFeeds(env.services, notify);
    expect(platform.texts()).toHaveLength(2);
    expect(platform.texts()[1]).toMatch(/works again/);
    expect((await feedStatusViews(env.services, channel))[0]).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: clock.now().toISOString() });
  });
});

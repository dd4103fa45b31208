import { afterEach } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import type { Services } from '../../src/core/services.ts';
import type { Article } from '../../src/core/types.ts';
import { startBot, type Bot } from '../discord/harness.ts';
import { xmlEscape } from '../feeds/support.ts';
import { TEAM_ID } from '../slack/fake-slack.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import type { OutletItem } from './fixtures.ts';

export function articleOf(item: OutletItem): Article {
  return { id: item.guid, title: item.title, url: item.link, siteName: item.siteName, publishedAt: item.published, text: item.text };
}

/**
 * Files items under their stories through one feed the channel follows, with the same store calls as
 * a feed poll (src/feeds/intake.ts), each seen at its publication time. Returns the story ids in order.
 */
export async function seedChannel(services: Services, channel: ChannelRef, items: OutletItem[], feedId = 'feed-test'): Promise<string[]> {
  const first = Math.min(...items.map((item) => Date.parse(item.published)));
  await services.newsroom.feeds.subscribe(channel, feedId, new Date(first - 60 * 60_000));
  const ids: string[] = [];
  for (const item of items) {
    const article = articleOf(item);
    const at = new Date(item.published);
    await services.library.save(article);
    const storyId = await services.newsroom.stories.add(article, feedId, item.siteName, at);
    await services.newsroom.stories.appendFeedEntries(feedId, [{ storyId, articleId: article.id, at: at.toISOString() }], at);
    ids.push(storyId);
  }
  return ids;
}

/** An aggregator's RSS feed: each item credits its outlet in <source>, as news aggregators do. */
export function aggregatorFeed(items: OutletItem[]): string {
  const entries = items.map(
    (item) => `<item><title>${xmlEscape(item.title)}</title><link>${xmlEscape(item.link)}</link><guid isPermaLink="false">${item.guid}</guid>
<pubDate>${new Date(item.published).toUTCString()}</pubDate><source url="https://${new URL(item.link).host}/rss">${xmlEscape(item.siteName)}</source>
<description>${xmlEscape(item.text)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coast News Aggregator</title><link>https://aggregator.example/</link><description>test feed</description>
${entries.join('\n')}
</channel></rss>`;
}

/**
 * A feature test's platforms at a fixed time: the Discord bot or Slack harness a test starts, its channel
 * seeded with stories, and everything (with what tests add to `cleanups`) closed after each test.
 */
export function featurePlatforms(now: string) {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return {
    cleanups,
    async discord(items: OutletItem[]): Promise<Bot> {
      const bot = await startBot({ articles: [], clock: new ManualClock(now) });
      cleanups.push(() => bot.close());
      await seedChannel(bot.services, { platform: 'discord', tenantId: bot.fake.ids.guildId, channelId: bot.fake.ids.channelId }, items);
      return bot;
    },
    /** The Slack harness with U0ADMIN a workspace admin, and channel C0NEWS seeded. */
    async slack(items: OutletItem[]): Promise<SlackHarness> {
      const harness = await startHarness(commands, { clock: new ManualClock(now) });
      cleanups.push(() => harness.stop());
      harness.fake.users.set('U0ADMIN', { is_admin: true });
      await seedChannel(harness.services, { platform: 'slack', tenantId: TEAM_ID, channelId: 'C0NEWS' }, items);
      return harness;
    },
  };
}

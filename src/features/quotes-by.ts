import type { ListEntry } from '../core/messages.ts';
import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { channelStories, shortDate } from './channel-stories.ts';
import { nameWords, namesEntity } from './names.ts';
import { quotesAsShown } from '../core/quote-runs.ts';

/** Articles read for one /quotes who: the newest this many (their analyses are cached). */
const MAX_ARTICLES = 200;
/** Quotes listed in one answer; the rest are counted. */
export const MAX_QUOTES = 15;

export interface QuotesBy {
  /** The speaker's fullest name found ("Ilse Varga" for "Varga"), else what was typed. */
  speaker: string;
  entries: ListEntry[];
  /** Distinct quotes found, including those beyond MAX_QUOTES. */
  total: number;
  storiesRead: number;
}

/**
 * What one person said across the channel's stories of the last `days` days, newest first: every
 * quote the engine attributes to a speaker who is that person ("Varga", "Ilse Varga" and "Mayor Ilse
 * Varga" are one), each with its story and link. The same words reported by two outlets are listed
 * once, with both, dated by its first report.
 */
export async function quotesBy(services: Services, channel: ChannelRef, who: string, days: number): Promise<QuotesBy> {
  const stories = await channelStories(services, channel, days);
  // The newest articles, read oldest first: a quote is dated by its first report.
  const articles = stories
    .flatMap((story) => story.articles.map((entry) => ({ ...entry, story })))
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_ARTICLES)
    .reverse();
  const found = new Map<string, { entry: ListEntry; at: number; storyId: string }>();
  let speaker = who.trim();
  for (const { article, source, at, story } of articles) {
    const analysis = await services.analysis.analyze(article, { tenant: channel.tenantId });
    for (const quote of quotesAsShown(analysis.quotes)) {
      if (!quote.speaker || !namesEntity(who, quote.speaker)) continue;
      if (nameWords(quote.speaker).length > nameWords(speaker).length) speaker = quote.speaker;
      const key = nameWords(quote.text).join(' ');
      const known = found.get(key);
      if (known) {
        // Another outlet of the same story is named by its outlet alone; another story by its title too.
        const name = known.storyId === story.id ? source : `${story.title} (${source})`;
        if (!known.entry.sources.some((existing) => existing.url === article.url)) known.entry.sources.push({ name, url: article.url });
        continue;
      }
      const sources = [{ name: `${story.title} (${source})`, url: article.url }];
      found.set(key, { entry: { label: shortDate(at), text: quote.text, quote: true, sources }, at, storyId: story.id });
    }
  }
  const all = [...found.values()].sort((a, b) => b.at - a.at);
  return { speaker, entries: all.slice(0, MAX_QUOTES).map((item) => item.entry), total: all.length, storiesRead: stories.length };
}

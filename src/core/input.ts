import { UserError } from './errors.ts';
import type { ChannelRef } from './platform.ts';
import { splitPastedText } from './pasted-text.ts';
import type { Services } from './services.ts';
import type { Article } from './types.ts';
import { tokenizeWords } from './words.ts';
import { linkScheme } from './link-scheme.ts';

const URL_PATTERN = /^https?:\/\/\S+$/i;
const STORY_NUMBER = /^#?(\d{1,3})$/;
export { linkScheme };

export const INPUT_HINT = 'Give me a link, paste the article text, or name a recent story (its number or words from its title).';

/**
 * Turns what a user typed into an article: a URL is fetched (safely), a number picks a recent story
 * shown in this channel, a few words match a recent story's title, and longer text is taken as the
 * article itself.
 */
export async function resolveArticle(services: Services, channel: ChannelRef, input: string | undefined, threadArticles?: Article[]): Promise<Article> {
  const value = (input ?? '').trim();
  if (value === '') {
    if (threadArticles?.[0]) return threadArticles[0];
    throw new UserError(INPUT_HINT);
  }
  if (URL_PATTERN.test(value)) {
    const article = await services.ingest.fetchArticle(value);
    await services.library.save(article);
    return article;
  }
  // "ftp://…", "file:///…": a link of a kind the bot never opens.
  const scheme = /\s/.test(value) ? undefined : linkScheme(value);
  if (scheme) throw new UserError(`I can only read http and https links, not ${scheme}:// ones.`);
  const number = STORY_NUMBER.exec(value);
  if (number) {
    // Only the one article is read: a channel remembers up to 50.
    const article = threadArticles?.length ? threadArticles[Number(number[1]) - 1] : await services.library.numbered(channel, Number(number[1]));
    if (article) return article;
    const recent = threadArticles?.length ? threadArticles : await services.library.listRecent(channel);
    throw new UserError(
      recent.length === 0
        ? `Story numbers come from this channel's digests, and there has been none here yet: run /digest now, then #${number[1]} is its story ${number[1]}. Or give me a link or the article text.`
        : `There is no story #${number[1]} here: the recent ones are numbered 1 to ${recent.length}.`,
    );
  }
  const words = tokenizeWords(value);
  if (words.length <= 12) {
    const recent = threadArticles?.length ? threadArticles : await services.library.listRecent(channel);
    const match = bestTitleMatch(recent, words);
    if (match) return match;
  }
  if (words.length < 25) {
    throw new UserError(`I found no recent story matching “${value.slice(0, 80)}”, and it is too short to summarise as an article. ${INPUT_HINT}`);
  }
  const pasted = splitPastedText(value);
  const article = services.ingest.articleFromText(pasted.body, pasted.title);
  await services.library.save(article);
  return article;
}

function bestTitleMatch(articles: Article[], words: string[]): Article | undefined {
  let best: Article | undefined;
  let bestScore = 0;
  for (const article of articles) {
    const title = new Set(tokenizeWords(article.title ?? ''));
    const hits = words.filter((word) => title.has(word)).length;
    const score = hits / words.length;
    if (score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}

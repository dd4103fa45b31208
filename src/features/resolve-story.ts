import { UserError } from '../core/errors.ts';
import { resolveArticle } from '../core/input.ts';
import type { CommandContext } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { channelStories, storyByTitle, storyOf, type ChannelStory } from './channel-stories.ts';

/** Stories a command can name by title or number: the channel's last week. */
const STORY_DAYS = 7;

/**
 * The story a command is about: a digest item number, words of a story's title, a link or pasted text
 * (a story of that one article), or, with no input, the story behind the thread it was typed in.
 */
export async function storyFor(ctx: CommandContext, services: Services): Promise<ChannelStory> {
  const input = typeof ctx.options.input === 'string' ? ctx.options.input.trim() : '';
  const stories = await channelStories(services, ctx.channel, STORY_DAYS);
  const now = services.clock.now().getTime();
  const threadArticles = ctx.threadId ? await services.library.threadArticles(ctx.platform, ctx.threadId) : undefined;
  if (input === '' && threadArticles?.length) {
    const inThread = [...new Map(threadArticles.map((article) => storyOf(stories, article, now)).map((story) => [story.id, story])).values()];
    if (inThread.length === 1) return inThread[0]!;
    throw new UserError(`This thread has ${inThread.length} stories: name one, e.g. /${ctx.command} 2.`);
  }
  // Words of a title first among the channel's feed stories (a digest may not have shown them yet).
  if (input !== '' && !/^#?\d{1,3}$/.test(input) && !/^\S+:\/\//.test(input) && input.split(/\s+/).length <= 12) {
    const byTitle = storyByTitle(stories, input);
    if (byTitle) return byTitle;
  }
  const article = await resolveArticle(services, ctx.channel, input === '' ? undefined : input, threadArticles);
  return storyOf(stories, article, now);
}

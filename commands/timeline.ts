import type { CommandDef } from '../src/core/command.ts';
import { storyFor } from '../src/features/resolve-story.ts';
import { MAX_EVENTS, storyTimeline, timelineEntries } from '../src/features/story-timeline.ts';
import { articleOption, replyAnalysis, suggestRecent } from './_article-input.ts';

export const timeline: CommandDef = {
  name: 'timeline',
  description: 'The dated events of a story, merged from all its articles, in time order',
  options: [{ ...articleOption, description: 'A story (its digest number or words of its title), a link, or article text' }],
  async run(ctx, services) {
    const story = await storyFor(ctx, services);
    if (story.articles.length === 1) {
      // One article: its own timeline as the engine gives it.
      await replyAnalysis(ctx, services, story.articles[0]!.article, 'timeline');
      return;
    }
    const events = await storyTimeline(services, story, ctx.channel.tenantId);
    const outlets = new Set(story.articles.map((entry) => entry.source)).size;
    const articles = story.articles.length;
    const more = events.length > MAX_EVENTS ? ` ${events.length - MAX_EVENTS} later events not shown.` : '';
    await ctx.reply({
      kind: 'list',
      title: `Timeline: ${story.title}`,
      url: story.articles[0]?.article.url,
      entries: timelineEntries(events),
      empty: `No dated events in the ${articles} articles of this story.`,
      note: `From ${articles} articles by ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}; times as the articles give them.${more}`,
    });
  },
  autocomplete: (request, services) => suggestRecent(request.channel, request.value, services),
};

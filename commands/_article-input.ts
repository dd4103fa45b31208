import type { OptionChoice, OptionDef } from '../src/core/command.ts';
import { languageNotice } from '../src/core/language-notice.ts';
import { articleRef } from '../src/core/messages.ts';
import { resolveArticle } from '../src/core/input.ts';
import type { CommandContext } from '../src/core/platform.ts';
import type { Services } from '../src/core/services.ts';
import type { Article } from '../src/core/types.ts';
import { timelineAsShown } from '../src/features/story-timeline.ts';

/** The "what article?" option shared by /summary, /quotes and /timeline. */
export const articleOption: OptionDef = {
  name: 'input',
  description: 'A link, the article text, or a recent story (its number or title)',
  type: 'string',
  required: false,
  autocomplete: true,
};

/** The article a command is about: the input, else the article behind the thread it was typed in. */
export async function articleFor(ctx: CommandContext, services: Services): Promise<Article> {
  const input = ctx.options.input;
  const threadArticles = ctx.threadId ? await services.library.threadArticles(ctx.platform, ctx.threadId) : undefined;
  return resolveArticle(services, ctx.channel, typeof input === 'string' ? input : undefined, threadArticles);
}

/** Recent stories of the channel whose titles contain what the user has typed so far. */
export async function suggestRecent(channel: CommandContext['channel'], typed: string, services: Services): Promise<OptionChoice[]> {
  const needle = typed.trim().toLowerCase();
  const recent = await services.library.listRecent(channel);
  return recent
    .map((article, index) => ({ article, number: index + 1 }))
    .filter(({ article }) => article.title && (needle === '' || article.title.toLowerCase().includes(needle)))
    .slice(0, 25)
    .map(({ article, number }) => ({ name: `#${number} ${article.title}`.slice(0, 100), value: String(number) }));
}

/** A command that shows one view of an article's analysis (/quotes, /timeline). */
/**
 * Replies with one article's quotes or timeline. Empty quotes or timeline of an article the engine
 * cannot read would say "none": the reply says why instead.
 */
export async function replyAnalysis(ctx: CommandContext, services: Services, article: Article, view: 'quotes' | 'timeline'): Promise<void> {
  const analysis = await services.analysis.analyze(article, { tenant: ctx.channel.tenantId });
  const notice = languageNotice(analysis, view);
  if (notice) await ctx.reply({ kind: 'text', text: notice, tone: 'info' });
  else {
    const shown = view === 'timeline' ? timelineAsShown(article, analysis) : analysis;
    await ctx.reply({ kind: 'analysis', view, article: articleRef(article), analysis: shown });
  }
}

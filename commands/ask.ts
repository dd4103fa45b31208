import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { resolveArticle } from '../src/core/input.ts';
import { articleRef } from '../src/core/messages.ts';
import type { Article } from '../src/core/types.ts';
import { suggestRecent } from './_article-input.ts';

/** How many recent articles /ask reads when no article is named. */
const RECENT_SCOPE = 20;

export const ask: CommandDef = {
  name: 'ask',
  description: 'Ask about the recent stories here (or one article); the answer cites its sentence',
  options: [
    { name: 'question', description: 'Your question', type: 'string', required: true },
    { name: 'about', description: 'A link or recent story to answer from', type: 'string', autocomplete: true, namedOnly: true },
  ],
  async run(ctx, services) {
    const question = String(ctx.options.question ?? '').trim();
    if (question === '') throw new UserError('What would you like to know? Usage: /ask <question> [about:<link or story>]');
    const articles = await scope(ctx, services);
    const answer = await services.analysis.answer(question, articles, { tenant: ctx.channel.tenantId });
    const article = answer ? articles.find((candidate) => candidate.id === answer.articleId) : undefined;
    await ctx.reply({ kind: 'answer', question, answer, article: article ? articleRef(article) : undefined });
  },
  autocomplete: (request, services) => suggestRecent(request.channel, request.value, services),
};

async function scope(...[ctx, services]: Parameters<CommandDef['run']>): Promise<Article[]> {
  const threadArticles = ctx.threadId ? await services.library.threadArticles(ctx.platform, ctx.threadId) : undefined;
  const about = ctx.options.about;
  if (typeof about === 'string' && about.trim() !== '') {
    return [await resolveArticle(services, ctx.channel, about, threadArticles)];
  }
  if (threadArticles?.length) return threadArticles;
  const recent = (await services.library.listRecent(ctx.channel)).slice(0, RECENT_SCOPE);
  if (recent.length === 0) {
    throw new UserError('I have no stories in this channel to answer from yet. Name one with about:<link>, or run /summary or /digest first.');
  }
  return recent;
}

import type { CommandDef } from '../src/core/command.ts';
import { languageNotice } from '../src/core/language-notice.ts';
import { articleRef } from '../src/core/messages.ts';
import { articleFor, articleOption, suggestRecent } from './_article-input.ts';

export const summary: CommandDef = {
  name: 'summary',
  description: 'Summarise an article: a link, pasted text, or a recent story',
  options: [articleOption, { name: 'sentences', description: 'How many sentences (1–10)', type: 'integer', min: 1, max: 10, namedOnly: true }],
  async run(ctx, services) {
    const article = await articleFor(ctx, services);
    const sentences = typeof ctx.options.sentences === 'number' ? ctx.options.sentences : services.config.SUMMARY_SENTENCES;
    const analysis = await services.analysis.analyze(article, { sentences, tenant: ctx.channel.tenantId });
    await ctx.reply(
      { kind: 'analysis', view: 'summary', article: articleRef(article), analysis },
      { thread: { title: article.title ?? 'Summary', articleIds: [article.id] } },
    );
    const notice = languageNotice(analysis, 'summary');
    if (notice) await ctx.replyEphemeral({ kind: 'text', text: notice, tone: 'info' });
  },
  autocomplete: (request, services) => suggestRecent(request.channel, request.value, services),
};

import type { CommandDef } from '../src/core/command.ts';
import { articleRef } from '../src/core/messages.ts';
import { articleFor, articleOption, suggestRecent } from './_article-input.ts';

export const timeline: CommandDef = {
  name: 'timeline',
  description: 'The dated events of an article, in time order',
  options: [articleOption],
  async run(ctx, services) {
    const article = await articleFor(ctx, services);
    const analysis = await services.analysis.analyze(article, { tenant: ctx.channel.tenantId });
    await ctx.reply({ kind: 'analysis', view: 'timeline', article: articleRef(article), analysis });
  },
  autocomplete: (request, services) => suggestRecent(request.channel, request.value, services),
};

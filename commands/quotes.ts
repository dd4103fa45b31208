import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { quotesBy } from '../src/features/quotes-by.ts';
import { articleFor, articleOption, replyAnalysis, suggestRecent } from './_article-input.ts';

/** Stories are indexed per feed for a week (src/stories), so a week is as far back as /quotes who: looks. */
const MAX_DAYS = 7;

export const quotes: CommandDef = {
  name: 'quotes',
  description: 'The key quotes of an article, or who:"name" for what a person said in recent stories',
  options: [
    articleOption,
    { name: 'who', description: 'A person: lists what they said across this channel’s recent stories', type: 'string', namedOnly: true },
    { name: 'days', description: `With who: how many days back (1–${MAX_DAYS}, default ${MAX_DAYS})`, type: 'integer', min: 1, max: MAX_DAYS, namedOnly: true },
  ],
  async run(ctx, services) {
    const who = typeof ctx.options.who === 'string' ? ctx.options.who.trim() : '';
    if (who === '') {
      if (ctx.options.days !== undefined) throw new UserError('days: goes with who:, as in /quotes who:"Jane Ortega" days:3.');
      await replyAnalysis(ctx, services, await articleFor(ctx, services), 'quotes');
      return;
    }
    if (typeof ctx.options.input === 'string' && ctx.options.input.trim() !== '') {
      throw new UserError('Give either an article or who:"name", not both.');
    }
    if (who.length > 100) throw new UserError('That name is too long: give a person’s name, as in who:"Jane Ortega".');
    const days = typeof ctx.options.days === 'number' ? ctx.options.days : MAX_DAYS;
    const found = await quotesBy(services, ctx.channel, who, days);
    const span = days === 1 ? 'the last day' : `the last ${days} days`;
    const more = found.total > found.entries.length ? `${found.total - found.entries.length} older quotes not shown. ` : '';
    await ctx.reply({
      kind: 'list',
      title: `Quotes by ${found.speaker}`,
      entries: found.entries,
      empty:
        found.storiesRead === 0
          ? `This channel has no stories from ${span} yet: add a feed with /feeds add <link>, or summarise an article with /summary.`
          : `I found no quotes by ${who} in this channel’s ${found.storiesRead} ${found.storiesRead === 1 ? 'story' : 'stories'} from ${span}.`,
      note: `${more}Newest first, from ${found.storiesRead} ${found.storiesRead === 1 ? 'story' : 'stories'} of ${span}.`,
    });
  },
  autocomplete: (request, services) => suggestRecent(request.channel, request.value, services),
};

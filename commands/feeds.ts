import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { PAUSED_LINE } from '../src/scheduler/paused-notice.ts';
import { safeTitle } from '../src/core/text-safety.ts';
import { describeFilter } from '../src/feeds/filter.ts';
import { addFeed, channelFeeds, feedStatusViews, removeFeed, setFeedFilter } from '../src/feeds/subscribe.ts';

export const feeds: CommandDef = {
  name: 'feeds',
  description: 'The news feeds this channel follows',
  subcommands: [
    {
      name: 'add',
      description: 'Follow a feed (RSS, Atom, JSON Feed) or a site that advertises one',
      manage: true,
      options: [{ name: 'url', description: 'The feed’s link, or a page that links to its feed', type: 'string', required: true }],
    },
    {
      name: 'remove',
      description: 'Stop following a feed',
      manage: true,
      options: [{ name: 'feed', description: 'Its number in /feeds list, its link, or words of its title', type: 'string', required: true, autocomplete: true }],
    },
    { name: 'list', description: 'The feeds here, with their health and filters', ephemeral: true },
    {
      name: 'filter',
      description: 'Choose which of a feed’s stories reach this channel (no include/exclude: remove the filter)',
      manage: true,
      options: [
        { name: 'feed', description: 'Its number in /feeds list, its link, or words of its title', type: 'string', required: true, autocomplete: true },
        { name: 'include', description: 'Only stories with one of: words, "phrases", topic:x, person:"…", org:x, place:x', type: 'string', namedOnly: true, rest: true },
        { name: 'exclude', description: 'Never stories with any of: words, "phrases", topic:x, person:"…", org:x, place:x', type: 'string', namedOnly: true, rest: true },
      ],
    },
  ],
  async run(ctx, services) {
    if (ctx.subcommand === 'add') {
      const added = await addFeed(services, ctx.channel, String(ctx.options.url ?? ''));
      const schedule = await services.newsroom.schedules.get(ctx.channel);
      const items = `${added.itemCount} item${added.itemCount === 1 ? '' : 's'}`;
      const next = schedule
        ? `Its new stories go in the next digest (${schedule.label}, ${schedule.timezone}).`
        : 'There is no digest schedule here yet: try /digest schedule daily 08:00, or /digest now.';
      await ctx.reply({ kind: 'text', tone: 'success', text: `Now following “${safeTitle(added.feed.title, 100)}” (${items}). ${next}` });
      return;
    }
    if (ctx.subcommand === 'remove') {
      const removed = await removeFeed(services, ctx.channel, String(ctx.options.feed ?? ''));
      await ctx.reply({ kind: 'text', tone: 'success', text: `No longer following “${safeTitle(removed.title, 100)}”.` });
      return;
    }
    if (ctx.subcommand === 'filter') {
      const { feed, filter } = await setFeedFilter(services, ctx.channel, String(ctx.options.feed ?? ''), String(ctx.options.include ?? ''), String(ctx.options.exclude ?? ''));
      const title = safeTitle(feed.title, 100);
      const text = filter
        ? `Stories from “${title}” now reach this channel’s digests only as this filter allows: ${safeTitle(describeFilter(filter) ?? '', 600)}.`
        : `Every story from “${title}” reaches this channel’s digests again (no filter).`;
      await ctx.reply({ kind: 'text', tone: 'success', text });
      return;
    }
    if (ctx.subcommand === 'list') {
      const views = await feedStatusViews(services, ctx.channel);
      if (views.length === 0) {
        await ctx.replyEphemeral({ kind: 'text', tone: 'info', text: 'This channel follows no feeds yet. Add one with /feeds add <link>.' });
        return;
      }
      await ctx.replyEphemeral({ kind: 'feeds', feeds: views });
      if (await services.newsroom.health.paused(ctx.channel)) await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: PAUSED_LINE });
      return;
    }
    throw new UserError('Use /feeds add <link>, /feeds remove <feed>, /feeds list or /feeds filter <feed> include:… exclude:….');
  },
  async autocomplete(request, services) {
    const typed = request.value.trim().toLowerCase();
    const list = await channelFeeds(services, request.channel);
    return list
      .map((feed, index) => ({ feed, number: index + 1 }))
      .filter(({ feed }) => typed === '' || feed.title.toLowerCase().includes(typed) || feed.location.toLowerCase().includes(typed))
      .slice(0, 25)
      .map(({ feed, number }) => ({ name: `#${number} ${safeTitle(feed.title, 90)}`, value: String(number) }));
  },
};

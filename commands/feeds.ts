import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { PAUSED_LINE } from '../src/scheduler/paused-notice.ts';
import { safeTitle } from '../src/core/text-safety.ts';
import { describeFilter } from '../src/feeds/filter.ts';
import { describeImport, exportOpml, importOpml } from '../src/feeds/opml-io.ts';
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
      options: [
        { name: 'feed', description: 'Its number in /feeds list, its link, or words of its title', type: 'string', required: true, autocomplete: true },
      ],
    },
    { name: 'list', description: 'The feeds here, with their health and filters', ephemeral: true },
    {
      name: 'import',
      description: 'Follow every feed an OPML file lists (the subscription list feed readers export)',
      manage: true,
      options: [{ name: 'file', description: 'The OPML file (on Slack and in the chat: a link to it)', type: 'attachment', required: true }],
    },
    { name: 'export', description: 'The feeds here as an OPML file, for a feed reader or another channel' },
    {
      name: 'filter',
      description: 'Choose which of a feed’s stories reach this channel (no include/exclude: remove the filter)',
      manage: true,
      options: [
        { name: 'feed', description: 'Its number in /feeds list, its link, or words of its title', type: 'string', required: true, autocomplete: true },
        {
          name: 'include',
          description: 'Only stories with one of: words, "phrases", topic:x, person:"…", org:x, place:x',
          type: 'string',
          namedOnly: true,
          rest: true,
        },
        {
          name: 'exclude',
          description: 'Never stories with any of: words, "phrases", topic:x, person:"…", org:x, place:x',
          type: 'string',
          namedOnly: true,
          rest: true,
        },
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
    if (ctx.subcommand === 'import') {
      const report = await importOpml(services, ctx.channel, String(ctx.options.file ?? ''));
      const tone = report.failed.length > 0 || report.leftOut.length > 0 ? 'warning' : 'success';
      await ctx.reply({ kind: 'text', tone, text: describeImport(report) });
      return;
    }
    if (ctx.subcommand === 'export') {
      const file = await exportOpml(services, ctx.channel);
      if (file.count === 0) throw new UserError('This channel follows no feeds yet, so there is nothing to export.');
      const text = `The ${file.count} feed${file.count === 1 ? '' : 's'} of this channel as OPML.`;
      if (!ctx.replyFile) throw new UserError('This platform cannot send files.');
      await ctx.replyFile({ filename: file.filename, content: file.content, mediaType: 'text/x-opml', text });
      return;
    }
    if (ctx.subcommand === 'filter') {
      const { feed, filter } = await setFeedFilter(
        services,
        ctx.channel,
        String(ctx.options.feed ?? ''),
        String(ctx.options.include ?? ''),
        String(ctx.options.exclude ?? ''),
      );
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
    throw new UserError(
      'Use /feeds add <link>, /feeds remove <feed>, /feeds list, /feeds filter <feed> include:… exclude:…, /feeds import <OPML file> or /feeds export.',
    );
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

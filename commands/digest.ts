import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { CommandContext } from '../src/core/platform.ts';
import type { Services } from '../src/core/services.ts';
import { deliverDigest, digestLockKey } from '../src/digest/deliver.ts';
import { featureStore } from '../src/features/index.ts';
import { pollFeeds } from '../src/feeds/poller.ts';
import { PAUSED_LINE } from '../src/scheduler/paused-notice.ts';
import { formatRun, nextRuns, parseSchedule, splitTimeZone } from '../src/scheduler/spec.ts';

export const digest: CommandDef = {
  name: 'digest',
  description: 'This channel’s news digest: when it is posted, and how',
  subcommands: [
    {
      name: 'schedule',
      description: 'Post digests on a schedule (“daily 08:00”, “weekdays 09:30 Europe/Berlin”, or cron)',
      manage: true,
      options: [
        { name: 'when', description: 'A preset such as daily 08:00 or weekdays 9:30am, or a cron expression', type: 'string', required: true },
        { name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin (default: the bot’s)', type: 'string', namedOnly: true },
      ],
    },
    { name: 'now', description: 'Post the digest of new stories now', manage: true },
    {
      name: 'live',
      description: 'Post new stories as they arrive; later coverage goes in the story’s thread',
      manage: true,
      options: [
        {
          name: 'mode',
          description: 'on or off',
          type: 'string',
          required: true,
          choices: [
            { name: 'on', value: 'on' },
            { name: 'off', value: 'off' },
          ],
        },
      ],
    },
    { name: 'off', description: 'Stop scheduled digests here', manage: true },
    {
      name: 'settings',
      description: 'Stories per digest and sentences per summary',
      manage: true,
      options: [
        { name: 'stories', description: 'Most stories in one digest (1–25)', type: 'integer', min: 1, max: 25, namedOnly: true },
        { name: 'sentences', description: 'Sentences per summary (1–10)', type: 'integer', min: 1, max: 10, namedOnly: true },
      ],
    },
  ],
  async run(ctx, services) {
    switch (ctx.subcommand) {
      case 'schedule':
        return schedule(ctx, services);
      case 'now':
        return now(ctx, services);
      case 'off':
        return off(ctx, services);
      case 'settings':
        return settings(ctx, services);
      case 'live':
        return live(ctx, services);
      default:
        throw new UserError('Use /digest schedule <when>, /digest now, /digest live on|off, /digest off or /digest settings.');
    }
  },
};

async function schedule(ctx: CommandContext, services: Services): Promise<void> {
  const split = splitTimeZone(String(ctx.options.when ?? ''));
  const zone =
    typeof ctx.options.timezone === 'string' && ctx.options.timezone.trim() !== ''
      ? ctx.options.timezone
      : (split.timezone ?? services.config.DEFAULT_TIMEZONE);
  const spec = parseSchedule(split.when, zone);
  const at = services.clock.now();
  await services.newsroom.schedules.set({ ...spec, channel: ctx.channel, since: at.toISOString(), setBy: ctx.user.id });
  const runs = nextRuns(spec, at, 3).map((run) => `• ${formatRun(run, spec.timezone)}`);
  const feeds = await services.newsroom.feeds.subscriptions(ctx.channel);
  const hint = feeds.length === 0 ? '\nThis channel follows no feeds yet: add one with /feeds add <link>.' : '';
  await ctx.reply({
    kind: 'text',
    tone: 'success',
    text: `Digests here: ${spec.label} (${spec.timezone}, cron “${spec.cron}”). The next three:\n${runs.join('\n')}${hint}`,
  });
}

async function now(ctx: CommandContext, services: Services): Promise<void> {
  const subs = await services.newsroom.feeds.subscriptions(ctx.channel);
  if (subs.length === 0) throw new UserError('This channel follows no feeds yet. Add one with /feeds add <link>.');
  // Feeds due for a poll are read first, so "now" means now; the rest were read within their interval.
  const states = await services.newsroom.feeds.states(subs.map((sub) => sub.feedId));
  const due = subs.filter((_, index) => {
    const state = states[index];
    return !state || Date.parse(state.nextPollAt) <= services.clock.now().getTime();
  });
  if (due.length > 0)
    await pollFeeds(
      services,
      due.map((sub) => sub.feedId),
    );
  // Parts a crash left sending are completed by the scheduler through the platform port, which can check the channel for them.
  const run = await deliverDigest(services, ctx.channel, (message, thread, delivery) => ctx.reply(message, { thread, key: delivery.key }), { resume: false });
  if (run.status === 'busy') throw new UserError(await busyAnswer(ctx, services));
  if (run.status === 'nothing-new') {
    await ctx.replyEphemeral({ kind: 'text', tone: 'info', text: 'Nothing new since the last digest here.' });
    return;
  }
  if (run.status === 'failed') {
    throw new Error(`digest stopped after ${run.partsPosted} of ${run.parts} parts`, { cause: run.error });
  }
}

/**
 * Another run holds the channel's digest lease. A live run renews it; one whose process stopped lets
 * it run out (at most one lease length), after which the digest can be posted again: say when.
 */
async function busyAnswer(ctx: CommandContext, services: Services): Promise<string> {
  const left = await services.newsroom.locks.remaining?.(digestLockKey(ctx.channel)).catch(() => undefined);
  const seconds = left === undefined ? undefined : Math.max(1, Math.ceil(left / 1000));
  return (
    'A digest for this channel is being posted right now.' +
    (seconds === undefined ? '' : ` If it does not arrive, try again in ${seconds} s: the run holding it may have stopped, and its turn ends by then.`)
  );
}

async function live(ctx: CommandContext, services: Services): Promise<void> {
  const store = featureStore(services);
  const current = await store.live(ctx.channel);
  const now = services.clock.now();
  if (ctx.options.mode === 'off') {
    if (current?.on) await store.setLive(ctx.channel, { ...current, on: false });
    await ctx.reply({
      kind: 'text',
      tone: 'success',
      text: current?.on ? 'Live mode is off here. Scheduled digests and /digest now carry the new stories.' : 'Live mode was not on here.',
    });
    return;
  }
  if (current?.on) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'info', text: 'Live mode is already on here.' });
    return;
  }
  await store.setLive(ctx.channel, { on: true, since: now.toISOString(), setBy: ctx.user.id });
  await store.watchChannel(ctx.channel, now);
  const feeds = await services.newsroom.feeds.subscriptions(ctx.channel);
  const hint = feeds.length === 0 ? ' This channel follows no feeds yet: add one with /feeds add <link>.' : '';
  await ctx.reply({
    kind: 'text',
    tone: 'success',
    text: `Live mode is on: new stories from this channel’s feeds are posted as they arrive (at most one post a minute; a burst comes as one message), and later coverage of a story goes into its thread with only what is new.${hint}`,
  });
}

async function off(ctx: CommandContext, services: Services): Promise<void> {
  const existed = await services.newsroom.schedules.remove(ctx.channel);
  await ctx.reply({
    kind: 'text',
    tone: 'success',
    text: existed
      ? 'Scheduled digests are off here. Feeds are still read; /digest now still posts one.'
      : 'There was no digest schedule here. Set one with /digest schedule daily 08:00.',
  });
}

async function settings(ctx: CommandContext, services: Services): Promise<void> {
  const current = await services.newsroom.schedules.settings(ctx.channel);
  const stories = typeof ctx.options.stories === 'number' ? ctx.options.stories : undefined;
  const sentences = typeof ctx.options.sentences === 'number' ? ctx.options.sentences : undefined;
  const next = { maxStories: stories ?? current.maxStories, sentences: sentences ?? current.sentences };
  if (stories !== undefined || sentences !== undefined) await services.newsroom.schedules.setSettings(ctx.channel, next);
  const scheduleRecord = await services.newsroom.schedules.get(ctx.channel);
  const when = scheduleRecord ? `${scheduleRecord.label} (${scheduleRecord.timezone})` : 'not scheduled';
  const changed = stories !== undefined || sentences !== undefined ? 'Saved. ' : '';
  const paused = (await services.newsroom.health.paused(ctx.channel)) ? `\n${PAUSED_LINE}` : '';
  await ctx.replyEphemeral({
    kind: 'text',
    tone: changed ? 'success' : 'info',
    text: `${changed}Digest here: at most ${next.maxStories} stories, ${next.sentences} sentence${next.sentences === 1 ? '' : 's'} per summary; schedule: ${when}. Change with /digest settings stories:<1–25> sentences:<1–10>.${paused}`,
  });
}

import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { CommandContext } from '../src/core/platform.ts';
import type { Services } from '../src/core/services.ts';
import { closedDmsText, MAX_FOLLOWS } from '../src/features/follows.ts';
import { featureStore } from '../src/features/index.ts';
import { nameKey, nameWords } from '../src/features/names.ts';

export const follow: CommandDef = {
  name: 'follow',
  description: 'Get a direct message when a new story here names a person, organisation, place or topic',
  ephemeral: true,
  options: [
    { name: 'name', description: 'Who or what to follow (“Putin”, “Maritime Safety Board”, “climate”); “list” shows yours', type: 'string' },
    { name: 'remove', description: 'Stop following this (its name or its number in /follow list)', type: 'string', namedOnly: true },
  ],
  async run(ctx, services) {
    const store = featureStore(services);
    // Using /follow again is the way back after direct messages were found closed (said first if not said yet).
    const closed = await store.closedDms(ctx.channel.platform, ctx.channel.tenantId, ctx.user.id);
    if (closed && !closed.told) await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: closedDmsText(closed.storyTitle) });
    if (closed) await store.setClosedDms(ctx.channel.platform, ctx.channel.tenantId, ctx.user.id, undefined);
    const typed = typeof ctx.options.name === 'string' ? ctx.options.name.trim() : '';
    const removing = typeof ctx.options.remove === 'string' ? ctx.options.remove.trim() : /^remove\s+(.+)$/i.exec(typed)?.[1]?.trim();
    if (removing !== undefined) return remove(ctx, services, removing);
    if (typed === '' || typed.toLowerCase() === 'list') return list(ctx, services);
    return add(ctx, services, typed);
  },
};

async function mine(ctx: CommandContext, services: Services) {
  const all = await featureStore(services).follows(ctx.channel);
  return { all, own: all.filter((entry) => entry.userId === ctx.user.id) };
}

async function add(ctx: CommandContext, services: Services, typed: string): Promise<void> {
  if (typed.length > 100) throw new UserError('That is too long to follow: give a name or a topic, as in /follow Maritime Safety Board.');
  const key = nameKey(typed);
  if (key === '') throw new UserError('Give a name or a topic to follow, as in /follow Vladimir Putin or /follow climate.');
  const store = featureStore(services);
  const { all, own } = await mine(ctx, services);
  const words = nameWords(typed).join(' ');
  const same = own.find((entry) => nameWords(entry.name).join(' ') === words);
  if (same) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'info', text: `You already follow “${same.name}” here.` });
    return;
  }
  if (own.length >= MAX_FOLLOWS) throw new UserError(`You follow ${MAX_FOLLOWS} names here already, the most I keep: remove one with /follow remove:<name>.`);
  const now = services.clock.now();
  await store.setFollows(ctx.channel, [...all, { userId: ctx.user.id, name: typed, key, addedAt: now.toISOString() }]);
  await store.watchChannel(ctx.channel, now);
  const feeds = await services.newsroom.feeds.subscriptions(ctx.channel);
  const hint = feeds.length === 0 ? ' This channel follows no feeds yet, so nothing will come until a manager adds one with /feeds add <link>.' : '';
  await ctx.replyEphemeral({
    kind: 'text',
    tone: 'success',
    text: `Following “${typed}”: when a new story from this channel’s feeds names it, I’ll send you a direct message (once per story, at most ${services.config.FOLLOW_DAILY_CAP} a day).${hint}`,
  });
}

async function list(ctx: CommandContext, services: Services): Promise<void> {
  const { own } = await mine(ctx, services);
  await ctx.replyEphemeral({
    kind: 'list',
    title: 'What you follow here',
    entries: own.map((entry, index) => ({ label: `${index + 1}`, text: entry.name, sources: [] })),
    empty: 'You follow nothing here yet. Try /follow <a name or a topic>.',
    note: `Direct messages: once per story, at most ${services.config.FOLLOW_DAILY_CAP} a day. Stop one with /follow remove:<name or number>.`,
  });
}

async function remove(ctx: CommandContext, services: Services, what: string): Promise<void> {
  const { all, own } = await mine(ctx, services);
  const number = /^#?(\d{1,2})$/.exec(what);
  const words = nameWords(what).join(' ');
  const target = number ? own[Number(number[1]) - 1] : own.find((entry) => nameWords(entry.name).join(' ') === words);
  if (!target) {
    throw new UserError(own.length === 0 ? 'You follow nothing here.' : `You don’t follow “${what}” here. /follow list shows what you follow.`);
  }
  await featureStore(services).setFollows(
    ctx.channel,
    all.filter((entry) => entry !== target && !(entry.userId === target.userId && entry.name === target.name)),
  );
  await ctx.replyEphemeral({ kind: 'text', tone: 'success', text: `No longer following “${target.name}”.` });
}

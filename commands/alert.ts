import type { CommandDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { CommandContext } from '../src/core/platform.ts';
import type { Services } from '../src/core/services.ts';
import { channelAlerts, MAX_ALERTS, resolveRole, setChannelAlerts } from '../src/features/alerts.ts';
import { featureStore } from '../src/features/index.ts';
import { nameKey, nameWords } from '../src/features/names.ts';

export const alert: CommandDef = {
  name: 'alert',
  description: 'Ping a role when a story in this channel names a person, organisation, place or topic',
  subcommands: [
    {
      name: 'add',
      description: 'Ping a role (Slack: a user group, as @handle) in any post here whose story names this',
      manage: true,
      options: [
        { name: 'name', description: 'Who or what (“Petra Lindqvist”, “Maritime Safety Board”, “elections”)', type: 'string', required: true },
        { name: 'role', description: 'The role to ping (Slack: a user group, as @handle)', type: 'role', required: true, namedOnly: true },
      ],
    },
    { name: 'list', description: 'The alerts in this channel', ephemeral: true },
    {
      name: 'remove',
      description: 'Stop an alert',
      manage: true,
      options: [{ name: 'alert', description: 'Its name or its number in /alert list', type: 'string', required: true }],
    },
  ],
  async run(ctx, services) {
    if (ctx.subcommand === 'add') return add(ctx, services);
    if (ctx.subcommand === 'list') return list(ctx, services);
    if (ctx.subcommand === 'remove') return remove(ctx, services);
    throw new UserError('Use /alert add <name> role:@role, /alert list or /alert remove <name>.');
  },
};

function mention(ctx: CommandContext, role: string): string {
  // Shown as code, so the confirmation itself never pings the role.
  return ctx.platform === 'discord' ? `role ${role}` : ctx.platform === 'slack' ? `user group ${role}` : `@${role}`;
}

async function add(ctx: CommandContext, services: Services): Promise<void> {
  const name = String(ctx.options.name ?? '').trim();
  if (name.length > 100) throw new UserError('That name is too long: give a person, an organisation, a place or a topic.');
  const key = nameKey(name);
  if (key === '') throw new UserError('Give a name or a topic, as in /alert add "Maritime Safety Board" role:@desk.');
  const role = await resolveRole(ctx, String(ctx.options.role ?? ''));
  const store = featureStore(services).store;
  const current = await channelAlerts(store, ctx.channel);
  const words = nameWords(name).join(' ');
  if (current.some((existing) => existing.role === role && nameWords(existing.name).join(' ') === words)) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'info', text: `That alert is already set here.` });
    return;
  }
  if (current.length >= MAX_ALERTS) throw new UserError(`This channel has ${MAX_ALERTS} alerts already; remove one with /alert remove.`);
  await setChannelAlerts(store, ctx.channel, [...current, { name, key, role, addedAt: services.clock.now().toISOString(), by: ctx.user.id }]);
  await ctx.reply({
    kind: 'text',
    tone: 'success',
    text: `Alert set: a digest or live post here with a story that names “${name}” will ping ${mention(ctx, role)}, and nothing else.`,
  });
}

async function list(ctx: CommandContext, services: Services): Promise<void> {
  const alerts = await channelAlerts(featureStore(services).store, ctx.channel);
  await ctx.replyEphemeral({
    kind: 'list',
    title: 'Alerts in this channel',
    entries: alerts.map((entry, index) => ({ label: `${index + 1}`, text: `${entry.name} → ${mention(ctx, entry.role)}`, sources: [] })),
    empty: 'No alerts here yet. A manager can add one with /alert add <name> role:@role.',
  });
}

async function remove(ctx: CommandContext, services: Services): Promise<void> {
  const store = featureStore(services).store;
  const alerts = await channelAlerts(store, ctx.channel);
  const what = String(ctx.options.alert ?? '').trim();
  const number = /^#?(\d{1,2})$/.exec(what);
  const words = nameWords(what).join(' ');
  const target = number ? alerts[Number(number[1]) - 1] : alerts.find((entry) => nameWords(entry.name).join(' ') === words);
  if (!target) throw new UserError(alerts.length === 0 ? 'There are no alerts here.' : `There is no alert for “${what}” here. /alert list shows them.`);
  await setChannelAlerts(
    store,
    ctx.channel,
    alerts.filter((entry) => entry !== target),
  );
  await ctx.reply({ kind: 'text', tone: 'success', text: `Alert for “${target.name}” removed.` });
}

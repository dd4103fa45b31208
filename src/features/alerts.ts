import type Keyv from 'keyv';
import type { AlertMention } from '../core/messages.ts';
import { channelKey, type ChannelRef, type CommandContext } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Analysis, Article, Story } from '../core/types.ts';
import { UserError } from '../core/errors.ts';
import { featureStore } from './index.ts';
import { nameKey, namesEntity, nameWords, taggedEntities } from './names.ts';

/** Alerts one channel may have. */
export const MAX_ALERTS = 25;

export interface Alert {
  name: string;
  key: string;
  /** Discord role id / Slack user-group id. */
  role: string;
  addedAt: string;
  by: string;
}

function alertsKey(channel: ChannelRef): string {
  return `al:${channelKey(channel)}`;
}

export async function channelAlerts(store: Keyv, channel: ChannelRef): Promise<Alert[]> {
  return ((await store.get(alertsKey(channel))) as Alert[] | undefined) ?? [];
}

export async function setChannelAlerts(store: Keyv, channel: ChannelRef, alerts: Alert[]): Promise<void> {
  await store.set(alertsKey(channel), alerts);
}

const SLACK_GROUP_MENTION = /^<!subteam\^(S[A-Z0-9]{2,20})(?:\|@?([^>]*))?>$/;
const SLACK_GROUP_ID = /^(S[A-Z0-9]{2,20})$/;
const SLACK_GROUP_HANDLE = /^@?([a-z0-9][a-z0-9._-]{0,79})$/i;

/**
 * The role id in what was given: Discord, the role option's id (or "<@&…>"), never @everyone (its id is
 * the server's); Slack, a user group as Slack escapes it ("<!subteam^S0…|@team>") or its id (S…); the
 * terminal chat, a plain name. A Slack handle as typed ("@editors") needs the workspace's groups: resolveRole.
 */
export function parseRole(channel: ChannelRef, typed: string): string {
  const value = typed.trim();
  if (channel.platform === 'discord') {
    const id = /^<@&(\d{1,20})>$/.exec(value)?.[1] ?? /^(\d{15,20})$/.exec(value)?.[1];
    if (id === channel.tenantId) throw new UserError('role: that is @everyone; pick a role of people who asked for these alerts.');
    if (id) return id;
    throw new UserError('role: pick a role by typing @ in the role option.');
  }
  if (channel.platform === 'slack') {
    const id = SLACK_GROUP_MENTION.exec(value)?.[1] ?? SLACK_GROUP_ID.exec(value)?.[1];
    if (id) return id;
    throw new UserError('role: give a user group, as in role:@news-desk (or its id, S…).');
  }
  if (/^@?[\w-]{1,40}$/.test(value)) return value.replace(/^@/, '');
  throw new UserError('role: give a name such as @editors.');
}

/**
 * The role an /alert names, checked: on Slack the user group must be one of the workspace's (looked up
 * by id or by handle, so "@editors" as typed works as well as Slack's escaped mention). When the app
 * may not list the groups, only the escaped mention or an id is taken, unchecked.
 */
export async function resolveRole(ctx: Pick<CommandContext, 'channel' | 'userGroups'>, typed: string): Promise<string> {
  const value = typed.trim();
  if (ctx.channel.platform !== 'slack') return parseRole(ctx.channel, value);
  const mention = SLACK_GROUP_MENTION.exec(value);
  const id = mention?.[1] ?? SLACK_GROUP_ID.exec(value)?.[1];
  const handle = mention?.[2] || (id ? undefined : SLACK_GROUP_HANDLE.exec(value)?.[1]);
  if (!id && !handle) return parseRole(ctx.channel, value);
  const groups = await ctx.userGroups?.();
  if (!groups) {
    if (id) return id;
    throw new UserError(`role: I may not list this workspace's user groups, so I can't tell which one “${value}” is; give its id (S…).`);
  }
  const found = groups.find((group) => group.id === id) ?? (id ? undefined : groups.find((group) => group.handle.toLowerCase() === handle!.toLowerCase()));
  if (found) return found.id;
  throw new UserError(`role: there is no user group “${value}” in this workspace. Give one as @handle (Slack suggests them as you type @).`);
}

/** The alerts a message with these stories triggers: each alerted role once, with the names its stories gave and which stories. */
export async function alertsFor(services: Services, channel: ChannelRef, stories: Story[]): Promise<AlertMention[]> {
  const alerts = await channelAlerts(featureStore(services).store, channel);
  if (alerts.length === 0) return [];
  const analysed = [];
  for (const story of stories) {
    const analyses = await Promise.all(story.articles.map((article) => services.analysis.analyze(article, { tenant: channel.tenantId })));
    analysed.push({ id: story.id, analyses: [story.analysis, ...analyses] });
  }
  return mentionsOf(alerts, analysed);
}

/**
 * The alerts a live story's later coverage triggers that it has not triggered yet (`alerted`: the roles
 * its post or an earlier update pinged): a role whose name only later coverage brings is pinged once.
 */
export async function newAlertsFor(
  services: Services,
  channel: ChannelRef,
  storyId: string,
  articles: Article[],
  alerted: readonly string[],
): Promise<AlertMention[]> {
  const alerts = (await channelAlerts(featureStore(services).store, channel)).filter((alert) => !alerted.includes(alert.role));
  if (alerts.length === 0) return [];
  const analyses = await Promise.all(articles.map((article) => services.analysis.analyze(article, { tenant: channel.tenantId })));
  return mentionsOf(alerts, [{ id: storyId, analyses }]);
}

/**
 * The mentions these stories' analyses trigger: each role whose alert a story's tags match (a name as
 * names.ts matches them, a topic whole) once, with the names matched and the stories that matched.
 */
function mentionsOf(alerts: Alert[], stories: { id: string; analyses: Pick<Analysis, 'tags'>[] }[]): AlertMention[] {
  const byRole = new Map<string, { names: Set<string>; storyIds: string[] }>();
  for (const story of stories) {
    const entities = story.analyses.flatMap((analysis) => taggedEntities(analysis.tags));
    for (const alert of alerts) {
      const hit = entities.find((entity) =>
        entity.kind === 'topic'
          ? nameWords(entity.name).join(' ') === nameWords(alert.name).join(' ')
          : nameKey(entity.name) === alert.key && namesEntity(alert.name, entity.name),
      );
      if (!hit) continue;
      const hits = byRole.get(alert.role) ?? { names: new Set<string>(), storyIds: [] };
      hits.names.add(hit.name);
      if (!hits.storyIds.includes(story.id)) hits.storyIds.push(story.id);
      byRole.set(alert.role, hits);
    }
  }
  return [...byRole].map(([role, hits]) => ({ role, names: [...hits.names], storyIds: hits.storyIds }));
}

import type Keyv from 'keyv';
import type { AlertMention } from '../core/messages.ts';
import { channelKey, type ChannelRef, type PlatformName } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Story } from '../core/types.ts';
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

/**
 * The role id in what was typed: Discord "<@&123…>" (what picking a role in the option gives) or the
 * id; Slack "<!subteam^S0…|@team>" (a user group, as Slack escapes it in command text) or the id.
 */
export function parseRole(platform: PlatformName, typed: string): string {
  const value = typed.trim();
  if (platform === 'discord') {
    const id = /^<@&(\d{1,20})>$/.exec(value)?.[1] ?? /^(\d{15,20})$/.exec(value)?.[1];
    if (id) return id;
    throw new UserError('role: pick a role by typing @ in the role option (it becomes <@&…>), or give its id.');
  }
  if (platform === 'slack') {
    const id = /^<!subteam\^(S[A-Z0-9]{2,20})(?:\|[^>]*)?>$/.exec(value)?.[1] ?? /^(S[A-Z0-9]{2,20})$/.exec(value)?.[1];
    if (id) return id;
    throw new UserError('role: give a user group, as in role:@news-desk (Slack sends it as <!subteam^S…>), or its id (S…).');
  }
  if (/^@?[\w-]{1,40}$/.test(value)) return value.replace(/^@/, '');
  throw new UserError('role: give a name such as @editors.');
}

/** The alerts a message with these stories triggers: each alerted role once, with the names its stories gave. */
export async function alertsFor(services: Services, channel: ChannelRef, stories: Story[]): Promise<AlertMention[]> {
  const alerts = await channelAlerts(featureStore(services).store, channel);
  if (alerts.length === 0) return [];
  const byRole = new Map<string, Set<string>>();
  for (const story of stories) {
    const analyses = await Promise.all(story.articles.map((article) => services.analysis.analyze(article, { tenant: channel.tenantId })));
    const entities = [story.analysis, ...analyses].flatMap((analysis) => taggedEntities(analysis.tags));
    for (const alert of alerts) {
      const hit = entities.find((entity) =>
        entity.kind === 'topic' ? nameWords(entity.name).join(' ') === nameWords(alert.name).join(' ') : nameKey(entity.name) === alert.key && namesEntity(alert.name, entity.name),
      );
      if (!hit) continue;
      const names = byRole.get(alert.role) ?? new Set<string>();
      names.add(hit.name);
      byRole.set(alert.role, names);
    }
  }
  return [...byRole].map(([role, names]) => ({ role, names: [...names] }));
}

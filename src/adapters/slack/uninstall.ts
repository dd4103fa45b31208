import type { ChannelRef } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import type { KeyvInstallationStore } from './installations.ts';

export interface ForgottenWorkspace {
  teamId: string;
  /** Channels whose schedule or feeds were removed. */
  channels: number;
}

/**
 * A workspace removed the app (app_uninstalled) or revoked its bot token (tokens_revoked): its tokens
 * are deleted and its channels' schedules and feed subscriptions removed, so no digest is attempted
 * there again and its feeds stop being polled unless another channel follows them. Other workspaces
 * are untouched: every key involved names this team. Stories already read stay in the shared cache.
 */
export async function forgetWorkspace(
  services: Services,
  installations: KeyvInstallationStore,
  teamId: string,
  enterprise: { enterpriseId?: string; isEnterpriseInstall?: boolean } = {},
): Promise<ForgottenWorkspace> {
  const { newsroom } = services;
  await installations.deleteInstallation({
    teamId,
    enterpriseId: enterprise.enterpriseId,
    isEnterpriseInstall: enterprise.isEnterpriseInstall ?? false,
  } as Parameters<KeyvInstallationStore['deleteInstallation']>[0]);
  const ids = new Set(await installations.channels(teamId));
  // Schedules set before the channel index existed (or in single-token mode) are found by their tenant.
  for (const record of await newsroom.schedules.all()) {
    if (record.channel.platform === 'slack' && record.channel.tenantId === teamId) ids.add(record.channel.channelId);
  }
  let channels = 0;
  for (const channelId of ids) {
    const channel: ChannelRef = { platform: 'slack', tenantId: teamId, channelId };
    const removed = (await newsroom.schedules.get(channel)) !== undefined && (await newsroom.schedules.remove(channel));
    const subscriptions = await newsroom.feeds.subscriptions(channel);
    for (const subscription of subscriptions) await newsroom.feeds.unsubscribe(channel, subscription.feedId);
    await newsroom.health.resume(channel);
    await newsroom.health.delivered(channel);
    if (removed || subscriptions.length > 0) channels += 1;
  }
  await installations.forgetChannels(teamId);
  services.logger.info(
    { platform: 'slack', tenant: teamId, channels },
    'slack: workspace removed the app; its tokens, schedules and feed subscriptions are deleted',
  );
  return { teamId, channels };
}

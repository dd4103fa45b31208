import type Keyv from 'keyv';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';

/** How fetchInstallation's error starts when the workspace has none (Bolt passes only the message on). */
export const NO_INSTALLATION = 'no installation for';

/**
 * Bolt's installation store on the project's keyv store (`installations` namespace: the SQLite file, or
 * Redis when several processes share the work), so every process answers every workspace. A workspace
 * install is kept under its team id, an org-wide (Enterprise Grid) install under its enterprise id.
 * The store also remembers, per workspace, the channels where commands were typed: the App Home lists
 * them and an uninstall clears them, without scanning every channel of every workspace.
 */
export class KeyvInstallationStore implements InstallationStore {
  /** Channels already recorded by this process (saves a store read per command). */
  private readonly known = new Set<string>();

  constructor(
    private readonly store: Keyv,
    private readonly logger?: Logger,
  ) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = installationKey(installation.isEnterpriseInstall, installation.team?.id, installation.enterprise?.id);
    if (!key) throw new Error('an installation without a team or an enterprise id cannot be stored');
    await this.store.set(key, installation);
    this.logger?.info(
      { platform: 'slack', tenant: installation.team?.id, enterprise: installation.enterprise?.id, scopes: installation.bot?.scopes },
      'slack: installed in a workspace',
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) throw new Error(`${NO_INSTALLATION} ${describeQuery(query)}`);
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query.isEnterpriseInstall, query.teamId, query.enterpriseId);
    if (key) await this.store.delete(key);
  }

  /**
   * The installation that serves the query, or undefined (a workspace of an org install falls back to
   * it). A workspace served by its org's install is remembered (`org:<team id>`), so calls that know only
   * the workspace (a scheduled digest names its channel's team) find the org's token too.
   */
  async find(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean> | undefined> {
    const own = installationKey(query.isEnterpriseInstall, query.teamId, query.enterpriseId);
    const found = own ? ((await this.store.get(own)) as Installation<'v1' | 'v2', boolean> | undefined) : undefined;
    if (found && query.isEnterpriseInstall && query.teamId && query.enterpriseId) await this.rememberOrg(query.teamId, query.enterpriseId);
    if (found || query.isEnterpriseInstall || !query.enterpriseId) return found;
    const org = (await this.store.get(`enterprise:${query.enterpriseId}`)) as Installation<'v1' | 'v2', boolean> | undefined;
    if (org && query.teamId) await this.rememberOrg(query.teamId, query.enterpriseId);
    return org;
  }

  /** The enterprise whose org-wide install serves this workspace, once a request from it was seen. */
  async enterpriseOf(teamId: string): Promise<string | undefined> {
    return (await this.store.get(`org:${teamId}`)) as string | undefined;
  }

  private async rememberOrg(teamId: string, enterpriseId: string): Promise<void> {
    const known = `org:${teamId}:${enterpriseId}`;
    if (this.known.has(known)) return;
    await this.store.set(`org:${teamId}`, enterpriseId);
    this.known.add(known);
  }

  /** Drops the user token of an installation (the user revoked it); the bot token stays. */
  async dropUserToken(teamId: string): Promise<boolean> {
    const key = `team:${teamId}`;
    const found = (await this.store.get(key)) as Installation<'v1' | 'v2', boolean> | undefined;
    if (!found?.user?.token) return false;
    await this.store.set(key, { ...found, user: { id: found.user.id } });
    return true;
  }

  /** Remembers that a command ran in this channel of the workspace. */
  async recordChannel(teamId: string, channelId: string): Promise<void> {
    const known = `${teamId}:${channelId}`;
    if (this.known.has(known)) return;
    const channels = await this.channels(teamId);
    if (!channels.includes(channelId)) await this.store.set(`channels:${teamId}`, [...channels, channelId]);
    this.known.add(known);
  }

  async channels(teamId: string): Promise<string[]> {
    return ((await this.store.get(`channels:${teamId}`)) as string[] | undefined) ?? [];
  }

  async forgetChannels(teamId: string): Promise<void> {
    await this.store.delete(`channels:${teamId}`);
    for (const known of this.known) if (known.startsWith(`${teamId}:`)) this.known.delete(known);
  }
}

function installationKey(enterpriseInstall: boolean | undefined, teamId: string | undefined, enterpriseId: string | undefined): string | undefined {
  if (enterpriseInstall && enterpriseId) return `enterprise:${enterpriseId}`;
  return teamId ? `team:${teamId}` : undefined;
}

function describeQuery(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${String(query.enterpriseId)}` : `team ${String(query.teamId)}`;
}

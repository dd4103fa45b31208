import type { InstallProvider } from '@slack/oauth';
import { PlatformCallError } from '../../core/platform-error.ts';
import { NO_INSTALLATION, type KeyvInstallationStore } from './installations.ts';

/** The code a call gets when its workspace has no installation (uninstalled, or never installed). */
export const NOT_INSTALLED = 'not_installed';

/**
 * Which bot token a Web API call for a workspace uses. With one SLACK_BOT_TOKEN it is the client's own
 * (undefined here); with OAuth it is the workspace's installation, read through Bolt's installer (the
 * same authorize() that serves incoming requests, which also refreshes rotating tokens).
 */
export interface SlackTokens {
  bot(teamId: string | undefined): Promise<string | undefined>;
}

export const clientToken: SlackTokens = { bot: async () => undefined };

/**
 * A workspace of an Enterprise Grid org installed org-wide has no install of its own: its token is the
 * org's, found through the enterprise the store saw its requests come from. A rotating token that
 * expires within two hours is refreshed by authorize() (oauth.v2.access, grant_type=refresh_token)
 * and the new pair stored, whichever process asks first.
 */
export function installedTokens(installer: InstallProvider, installations?: Pick<KeyvInstallationStore, 'enterpriseOf'>): SlackTokens {
  return {
    async bot(teamId) {
      if (!teamId) throw new PlatformCallError('gone', 'authorize', NOT_INSTALLED);
      let token: string | undefined;
      try {
        const enterpriseId = await installations?.enterpriseOf(teamId);
        token = (await installer.authorize({ teamId, enterpriseId, isEnterpriseInstall: enterpriseId !== undefined })).botToken;
      } catch (error) {
        // A workspace that removed the app can't be posted to again: its channels count as gone. Any
        // other failure (the store unreachable, a token refresh refused) is worth another try.
        const missing = error instanceof Error && error.message.includes(NO_INSTALLATION);
        throw new PlatformCallError(missing ? 'gone' : 'transient', 'authorize', missing ? NOT_INSTALLED : 'authorize_failed', { cause: error });
      }
      if (!token) throw new PlatformCallError('gone', 'authorize', NOT_INSTALLED);
      return token;
    },
  };
}

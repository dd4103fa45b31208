import type { CommandDef } from '../../core/command.ts';
import { UMBRELLA, ownSlashCommands, umbrellaUsageHint, usageHint } from './commands.ts';
import { truncate } from './mrkdwn.ts';

// The Slack app manifest, derived from the command list so the app registered in Slack always has the
// commands the code answers. slack-manifest.json (HTTP) and slack-manifest.socket-mode.json at the top
// of the repo are written by write-manifest.ts; a test fails when they fall behind.

export const BOT_SCOPES = [
  'commands', // slash commands
  'chat:write', // digests, answers, thread replies
  'chat:write.public', // post digests in public channels the bot was not invited to
  'users:read', // users.info: is the user a workspace admin or owner?
  'channels:history', // message events in public channels (thread replies)
  'groups:history', // message events in private channels the bot is in
  'files:write', // /feeds export: the channel's feeds as an OPML file (files.uploadV2)
  'usergroups:read', // /alert add … role:@group: check that the user group exists
] as const;

export const BOT_EVENTS = [
  'message.channels',
  'message.groups',
  'app_home_opened', // the App Home tab: channels, feeds, schedules, feed health
  'app_uninstalled', // forget the workspace's tokens, schedules and feeds
  'tokens_revoked',
] as const;

/** Where Slack sends commands and events in HTTP mode; replace the host with yours. */
export const EXAMPLE_REQUEST_URL = 'https://newsdesk.example.com/slack/events';
/** Where Slack sends an admin back after installing (OAuth, any workspace); same host as above. */
export const EXAMPLE_REDIRECT_URL = 'https://newsdesk.example.com/slack/oauth_redirect';

export interface ManifestOptions {
  socketMode: boolean;
  requestUrl?: string;
}

export function buildManifest(commands: readonly CommandDef[], options: ManifestOptions): Record<string, unknown> {
  const url = options.socketMode ? undefined : (options.requestUrl ?? EXAMPLE_REQUEST_URL);
  const slash = (name: string, description: string, hint: string) => ({
    command: `/${name}`,
    ...(url ? { url } : {}),
    description: truncate(description, 100),
    ...(hint ? { usage_hint: truncate(hint, 100) } : {}),
    should_escape: false,
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'newsdesk',
      description: 'News digests with summaries, quotes and timelines; ask follow-ups in the thread.',
      background_color: '#1f3a5f',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'newsdesk', always_online: true },
      slash_commands: [
        ...ownSlashCommands(commands).map((command) => slash(command.name, command.description, usageHint(command))),
        slash(UMBRELLA, 'newsdesk: feeds, digests, help and every other command', umbrellaUsageHint(commands)),
      ],
    },
    oauth_config: { ...(url ? { redirect_urls: [redirectUrlFor(url)] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: false },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

function redirectUrlFor(requestUrl: string): string {
  return requestUrl.endsWith('/slack/events') ? requestUrl.replace(/\/slack\/events$/, '/slack/oauth_redirect') : EXAMPLE_REDIRECT_URL;
}

export function manifestJson(commands: readonly CommandDef[], options: ManifestOptions): string {
  return `${JSON.stringify(buildManifest(commands, options), null, 2)}\n`;
}

export const MANIFEST_FILES = { http: 'slack-manifest.json', socket: 'slack-manifest.socket-mode.json' } as const;

// Gateway and REST objects as Discord sends them (API v10), trimmed to what a bot sees and uses.

let counter = 0n;
/** Snowflake-shaped ids (17–19 digits): discord.js routes rate limits by them. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + BigInt(Date.now() % 1_000_000) * 1_000_000n + counter).toString();
}

export const MANAGE_CHANNELS = 1n << 4n;
/** View, send, embed, read history, use commands, send in threads, create public threads (no Manage Channels). */
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n) | (1n << 38n) | (1n << 35n);

export interface FakeIds {
  appId: string;
  guildId: string;
  channelId: string;
}

export function botUser(ids: FakeIds) {
  return { id: ids.appId, username: 'newsdesk', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
}

export function humanUser(id: string, username: string) {
  return { id, username, discriminator: '0', global_name: username, avatar: null, flags: 0 };
}

export function readyPayload(ids: FakeIds, gatewayUrl: string) {
  return {
    v: 10,
    user: { ...botUser(ids), verified: true, mfa_enabled: false, email: null },
    guilds: [{ id: ids.guildId, unavailable: true }],
    session_id: `session-${ids.appId}`,
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: ids.appId, flags: 1 << 19 },
    private_channels: [],
    relationships: [],
  };
}

export function textChannel(ids: FakeIds, id: string, name: string) {
  return {
    id,
    type: 0,
    guild_id: ids.guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0,
  };
}

export function threadChannel(ids: FakeIds, id: string, parentId: string, name: string) {
  const now = new Date().toISOString();
  return {
    id,
    type: 11,
    guild_id: ids.guildId,
    parent_id: parentId,
    owner_id: ids.appId,
    name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now, locked: false, create_timestamp: now },
  };
}

export function guildCreate(ids: FakeIds, channels: unknown[], threads: unknown[]) {
  return {
    id: ids.guildId,
    name: 'Newsroom',
    icon: null,
    owner_id: '1100000000000000009',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    features: [],
    roles: [
      {
        id: ids.guildId,
        name: '@everyone',
        permissions: MEMBER_PERMISSIONS.toString(),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    channels,
    threads,
    members: [{ user: botUser(ids), roles: [], joined_at: '2026-01-01T00:00:00Z', deaf: false, mute: false, flags: 0 }],
    member_count: 3,
    joined_at: '2026-01-01T00:00:00Z',
    large: false,
    unavailable: false,
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

export function interactionPayload(
  ids: FakeIds,
  input: {
    id: string;
    token: string;
    type: 2 | 4;
    name: string;
    options: InteractionOption[];
    channel: { id: string; type: number; parent_id?: string | null; name: string };
    user: ReturnType<typeof humanUser>;
    permissions: bigint;
    resolved?: Record<string, unknown>;
  },
) {
  return {
    id: input.id,
    application_id: ids.appId,
    type: input.type,
    token: input.token,
    version: 1,
    data: {
      id: '1100000000000000100',
      name: input.name,
      type: 1,
      options: input.options,
      guild_id: ids.guildId,
      ...(input.resolved ? { resolved: input.resolved } : {}),
    },
    guild_id: ids.guildId,
    guild: { id: ids.guildId, locale: 'en-US', features: [] },
    channel_id: input.channel.id,
    channel: { ...input.channel, guild_id: ids.guildId, flags: 0, permissions: input.permissions.toString() },
    member: {
      user: input.user,
      roles: [],
      joined_at: '2026-01-01T00:00:00Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: input.permissions.toString(),
    },
    app_permissions: MEMBER_PERMISSIONS.toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': ids.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/** Who a message would notify, by Discord's rules: only content mentions, filtered by allowed_mentions. */
export function pingsOf(content: string, allowed: { parse?: string[]; users?: string[]; roles?: string[] } | undefined): string[] {
  const parse = allowed ? (allowed.parse ?? []) : ['everyone', 'users', 'roles'];
  const pings: string[] = [];
  if (parse.includes('everyone')) pings.push(...(content.match(/@(everyone|here)\b/g) ?? []));
  for (const [, role] of content.matchAll(/<@&(\d+)>/g)) if (parse.includes('roles') || allowed?.roles?.includes(role!)) pings.push(`role:${role}`);
  for (const [, user] of content.matchAll(/<@!?(\d+)>/g)) if (parse.includes('users') || allowed?.users?.includes(user!)) pings.push(`user:${user}`);
  return pings;
}

export function messageJson(
  ids: FakeIds,
  message: { id: string; channel_id: string; content: string; embeds: unknown[]; flags?: number; nonce?: string | number },
  guildId?: string,
) {
  return {
    id: message.id,
    channel_id: message.channel_id,
    ...(guildId ? { guild_id: guildId } : {}),
    author: botUser(ids),
    content: message.content,
    embeds: message.embeds,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: message.flags ?? 0,
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

/** A 429 as Discord sends it: JSON body plus the rate-limit headers discord.js reads. */
export function rateLimited(retryAfter: number): [number, unknown, Record<string, string>] {
  return [
    429,
    { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
    {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': 'fake-bucket',
      'x-ratelimit-scope': 'user',
    },
  ];
}

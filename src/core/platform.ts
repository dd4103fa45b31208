import type { OutgoingMessage, ThreadRequest } from './messages.ts';

export type PlatformName = 'discord' | 'slack' | 'console';

/** Where a command was typed or a digest goes. Ids are the platform's own. */
export interface ChannelRef {
  platform: PlatformName;
  /** Discord guild id / Slack team id / "local" for the console. */
  tenantId: string;
  channelId: string;
}

/** A key that names a channel across platforms, for storage. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.tenantId}:${channel.channelId}`;
}

export function threadKey(platform: PlatformName, threadId: string): string {
  return `${platform}:${threadId}`;
}

/** A posted message, as the adapter knows it (to start a thread under it, or to record delivery). */
export interface PostedMessage {
  id: string;
  /** The thread the bot opened under it, when one was asked for. */
  threadId?: string;
}

/**
 * The port every platform adapter implements for messages the bot sends on its own (digests,
 * feed notices). Commands use `CommandContext` instead. Each adapter renders the neutral message
 * itself and splits it to fit its limits; `post` resolves once every part is accepted by the platform
 * and rejects if any part could not be sent (so the caller does not record it as delivered). The
 * caller records the returned thread (`recordPosted`), as the dispatcher does for commands.
 */
export interface PlatformPort {
  readonly name: PlatformName;
  post(channel: ChannelRef, message: OutgoingMessage, options?: PostOptions): Promise<PostedMessage>;
  /**
   * A direct message to one person (a digest paused because the bot can't post in the channel).
   * Resolves false when the person can't be written to (DMs closed, unknown user).
   */
  notifyUser?(tenantId: string, userId: string, message: OutgoingMessage): Promise<boolean>;
  /**
   * A message in the channel that only this person sees, outside any command (Slack ephemeral
   * messages). Discord has none: such notices wait for the person's next command (src/features).
   */
  notifyPrivately?(channel: ChannelRef, userId: string, message: OutgoingMessage): Promise<boolean>;
  /** Replaces a message the bot posted (live mode's "covered by N outlets"); only its first platform message is edited. */
  edit?(channel: ChannelRef, messageId: string, message: OutgoingMessage): Promise<void>;
}

export interface PostOptions {
  thread?: ThreadRequest;
  /**
   * A delivery key the posted messages carry (Discord nonce and embed footer, Slack metadata), so the
   * channel can be checked for them after a crash. Each platform message of the part gets `key.N`.
   */
  key?: string;
  /** Check the channel's recent messages for the key first and send only the messages not found there. */
  resume?: boolean;
  /** Post inside this thread of the channel (a PostedMessage's threadId) instead of in the channel. */
  inThread?: string;
}

/** A value given to a command option, already typed by the adapter (Discord) or the text parser (Slack, console). */
export type OptionValue = string | number | boolean;

/**
 * What a command handler gets: who asked, where, with which options, and how to answer.
 * It never sees a platform SDK.
 */
export interface CommandContext {
  platform: PlatformName;
  channel: ChannelRef;
  user: { id: string; name?: string };
  /** Set when the command was typed inside a thread the bot knows (Slack, console). */
  threadId?: string;
  command: string;
  subcommand?: string;
  options: Record<string, OptionValue | undefined>;
  /** Channel-manager rights: Discord Manage Channels; Slack admin/owner or allow-listed. */
  canManage: boolean;
  /** Acknowledge now (within the platform's 3 s), answer later. Calling it twice is harmless. */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Answer in the channel, for everyone; with `thread`, open a thread under the answer. */
  reply(message: OutgoingMessage, options?: { thread?: ThreadRequest; key?: string }): Promise<PostedMessage>;
  /** Answer only the person who asked. */
  replyEphemeral(message: OutgoingMessage): Promise<void>;
  /**
   * Answer with a file (an export): a Discord attachment, a Slack file upload, a file written to the
   * data folder in the terminal chat. Absent where the platform cannot send files.
   */
  replyFile?(file: OutgoingFile): Promise<void>;
  /**
   * The workspace's user groups (Slack), to check one typed in a command. Absent where the platform
   * has none; undefined when the app may not list them.
   */
  userGroups?(): Promise<UserGroup[] | undefined>;
}

export interface UserGroup {
  id: string;
  /** What people type after @ ("editors"). */
  handle: string;
}

export interface OutgoingFile {
  filename: string;
  content: string;
  mediaType: string;
  /** The words posted with the file. */
  text: string;
}

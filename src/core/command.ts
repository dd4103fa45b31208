import type { Services } from './services.ts';
import type { CommandContext } from './platform.ts';

// The platform-neutral shape of a slash command. Adapters register from these definitions
// (Discord: application commands with typed options; Slack and the console: parsed free text).

/**
 * 'attachment': a file the user attaches (Discord); the command receives its link. Where a platform
 * has no attachments (Slack, the terminal chat) it is typed as a link (or, in the terminal, a path).
 */
/**
 * 'role': a role to mention (Discord: the role option, picked from the server's roles; the command
 * receives the role's id). Elsewhere typed as text (a Slack user group, a name in the terminal chat)
 * and checked by the command.
 */
export type OptionType = 'string' | 'integer' | 'boolean' | 'attachment' | 'role';

export interface OptionChoice {
  name: string;
  value: string | number;
}

export interface OptionDef {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: OptionChoice[];
  /** Suggest values while the user types (feed names, recent stories). */
  autocomplete?: boolean;
  min?: number;
  max?: number;
  /**
   * In free-text form (Slack, console) positional options take words in order and the last one takes
   * the rest of the line; a named-only option must be written `name:value`.
   */
  namedOnly?: boolean;
  /**
   * In free-text form, a named option that takes every following word up to the next named option,
   * quotes kept (`include:tide "north quay" exclude:sport`): a list of terms, not one value.
   */
  rest?: boolean;
}

export interface SubcommandDef {
  name: string;
  description: string;
  options?: OptionDef[];
  /** Needs channel-manager rights (overrides the command's). */
  manage?: boolean;
  /** Answer only the person who asked (overrides the command's). */
  ephemeral?: boolean;
}

export interface AutocompleteRequest {
  channel: CommandContext['channel'];
  subcommand?: string;
  option: string;
  value: string;
}

export interface CommandDef {
  name: string;
  description: string;
  /** Either options or subcommands, as Discord requires. */
  options?: OptionDef[];
  subcommands?: SubcommandDef[];
  /** Needs channel-manager rights (Discord: Manage Channels; Slack: admin/owner or allow-list). */
  manage?: boolean;
  /** Answer only the person who asked (help, settings). */
  ephemeral?: boolean;
  run(ctx: CommandContext, services: Services): Promise<void>;
  autocomplete?(request: AutocompleteRequest, services: Services): Promise<OptionChoice[]>;
}

export function needsManage(command: CommandDef, subcommand?: string): boolean {
  const sub = command.subcommands?.find((candidate) => candidate.name === subcommand);
  return sub?.manage ?? command.manage ?? false;
}

export function isEphemeral(command: CommandDef, subcommand?: string): boolean {
  const sub = command.subcommands?.find((candidate) => candidate.name === subcommand);
  return sub?.ephemeral ?? command.ephemeral ?? false;
}

export function optionsOf(command: CommandDef, subcommand?: string): OptionDef[] {
  if (!command.subcommands) return command.options ?? [];
  return command.subcommands.find((candidate) => candidate.name === subcommand)?.options ?? [];
}

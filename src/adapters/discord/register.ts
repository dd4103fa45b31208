import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  REST,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDef, OptionChoice, OptionDef, SubcommandDef } from '../../core/command.ts';
import { LIMITS, truncateAtWord } from './limits.ts';

// CommandDef -> Discord application command JSON. Generic over the definitions: whatever commands/
// holds is registered with typed options, choices, ranges and autocomplete, unchanged.

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();

export function commandJson(command: CommandDef): CommandJson {
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: description(command.description),
    options: command.subcommands ? command.subcommands.map(subcommandJson) : optionsJson(command.options ?? []),
    // Discord hides the command from members without Manage Channels. It can only say so per command,
    // so a command with both open and managing subcommands stays visible and the dispatcher checks
    // the member's permissions at run time (it always does, whatever Discord shows).
    default_member_permissions: managesOnly(command) ? MANAGE_CHANNELS : null,
    // Commands act on a channel's feeds and stories: guilds only. `contexts` supersedes dm_permission
    // where Discord knows it; both are sent so older API behaviour agrees.
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

export function commandsJson(commands: readonly CommandDef[]): CommandJson[] {
  return commands.map(commandJson);
}

function managesOnly(command: CommandDef): boolean {
  if (command.subcommands?.length) return command.subcommands.every((sub) => sub.manage ?? command.manage ?? false);
  return command.manage ?? false;
}

function subcommandJson(sub: SubcommandDef): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: sub.name,
    description: description(sub.description),
    options: optionsJson(sub.options ?? []),
  };
}

/** Discord wants required options before optional ones; the order is otherwise kept. */
function optionsJson(options: OptionDef[]): APIApplicationCommandBasicOption[] {
  const sorted = [...options.filter((option) => option.required), ...options.filter((option) => !option.required)];
  return sorted.map(optionJson);
}

function optionJson(option: OptionDef): APIApplicationCommandBasicOption {
  const base = { name: option.name, description: description(option.description), required: option.required ?? false };
  // Discord refuses autocomplete together with fixed choices: the choices win.
  const autocomplete = option.autocomplete && !option.choices?.length ? { autocomplete: true as const } : {};
  switch (option.type) {
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
        ...(option.choices?.length ? { choices: choicesJson(option.choices).map((choice) => ({ ...choice, value: Number(choice.value) })) } : autocomplete),
      };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    case 'role':
      return { ...base, type: ApplicationCommandOptionType.Role };
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(option.choices?.length ? { choices: choicesJson(option.choices).map((choice) => ({ ...choice, value: String(choice.value) })) } : autocomplete),
      };
  }
}

/** At most 25 choices of at most 100 characters, as Discord accepts them (fixed choices and autocomplete alike). */
export function choicesJson(choices: OptionChoice[]): APIApplicationCommandOptionChoice[] {
  return choices.slice(0, LIMITS.choices).map((choice) => ({
    name: truncateAtWord(choice.name, LIMITS.choiceName) || String(choice.value).slice(0, LIMITS.choiceName),
    value: typeof choice.value === 'string' ? choice.value.slice(0, LIMITS.choiceValue) : choice.value,
  }));
}

function description(text: string): string {
  return truncateAtWord(text, LIMITS.commandDescription);
}

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Registers in one guild (instant, for development) instead of globally. */
  guildId?: string;
  /** Another REST base, e.g. a local fake (default: Discord's own). */
  apiUrl?: string;
}

/** Replaces the application's commands (guild-scoped when a guild is given) with these; returns what Discord stored. */
export async function deployCommands(commands: readonly CommandDef[], options: DeployOptions): Promise<{ id: string; name: string }[]> {
  const rest = new REST({ version: '10', ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  return (await rest.put(route, { body: commandsJson(commands) })) as { id: string; name: string }[];
}

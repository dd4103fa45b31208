import type { CommandDef } from '../../core/command.ts';
import { UserError, isUserError } from '../../core/errors.ts';
import { parseCommandText, type ParsedCommand } from '../../core/parse-text.ts';

// Slack gives an app one slash command per name and passes the rest of the line as free text. The
// mapping is derived from the neutral command list, so a new command works without code here:
// - a command with plain options gets its own slash command (`/summary <url|text>`, `/ask …`);
// - a command with subcommands lives under the umbrella (`/newsdesk feeds add <url>`), because Slack
//   has no subcommands and short names such as /feeds are easily taken by other apps;
// - every command also answers under the umbrella (`/newsdesk summary …`), and `/newsdesk` alone is help.

export const UMBRELLA = 'newsdesk';

/** Names too generic to claim as workspace-wide slash commands; they live under the umbrella only. */
const UMBRELLA_ONLY = new Set(['help']);

export interface SlashRoute {
  command: CommandDef;
  subcommand?: string;
  options: ParsedCommand['options'];
}

/** The commands that get a slash command of their own (the manifest registers these plus the umbrella). */
export function ownSlashCommands(commands: readonly CommandDef[]): CommandDef[] {
  return commands.filter((command) => !command.subcommands && !UMBRELLA_ONLY.has(command.name) && command.name !== UMBRELLA);
}

/** How users type a neutral command in Slack: "/summary" or "/newsdesk feeds". Unknown names are left alone. */
export function invocationFor(commands: readonly CommandDef[]): (name: string) => string {
  const own = new Set(ownSlashCommands(commands).map((command) => command.name));
  const known = new Set(commands.map((command) => command.name));
  return (name) => (own.has(name) || !known.has(name) ? `/${name}` : `/${UMBRELLA} ${name}`);
}

/** Rewrites "/feeds add …" in a usage line or hint to the way Slack types it. */
export function slackWording(commands: readonly CommandDef[], text: string): string {
  return rewriteInvocations(text, invocationFor(commands));
}

export function rewriteInvocations(text: string, invocation: (name: string) => string): string {
  return text.replace(/(^|[\s(“"'·])\/([a-z][\w-]*)/g, (_match, before: string, name: string) => `${before}${invocation(name)}`);
}

/**
 * A slash command and its text to the neutral command with typed options. Wrong input throws a
 * UserError whose message names the Slack command and ends with its usage line.
 */
export function routeSlashCommand(commands: readonly CommandDef[], slash: string, text: string): SlashRoute {
  const name = slash.replace(/^\//, '').toLowerCase();
  try {
    if (name !== UMBRELLA) {
      const command = commands.find((candidate) => candidate.name === name);
      if (!command) throw new UserError(`I don't know /${name}. ${umbrellaHint(commands)}`);
      return { command, ...parseCommandText(command, text) };
    }
    const trimmed = text.trim();
    const first = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    const rest = trimmed.slice(first.length);
    if (first === '') {
      const help = commands.find((candidate) => candidate.name === 'help');
      if (!help) throw new UserError(umbrellaHint(commands));
      return { command: help, ...parseCommandText(help, '') };
    }
    const command = commands.find((candidate) => candidate.name === first && candidate.name !== UMBRELLA);
    if (!command) throw new UserError(`/${UMBRELLA} has no “${first}”. ${umbrellaHint(commands)}`);
    return { command, ...parseCommandText(command, rest) };
  } catch (error) {
    if (isUserError(error)) throw new UserError(slackWording(commands, error.message), { cause: error });
    throw error;
  }
}

function umbrellaHint(commands: readonly CommandDef[]): string {
  const names = commands.filter((command) => command.name !== UMBRELLA).map((command) => command.name);
  return `Usage: /${UMBRELLA} <${names.join(' | ')}> …  ·  /${UMBRELLA} help lists everything.`;
}

/** The usage hint Slack shows while someone types the command. */
export function usageHint(command: CommandDef): string {
  const options = command.options ?? [];
  return options.map((option) => (option.required ? `<${option.name}>` : option.namedOnly ? `[${option.name}:…]` : `[${option.name}]`)).join(' ');
}

export function umbrellaUsageHint(commands: readonly CommandDef[]): string {
  return commands
    .filter((command) => command.name !== UMBRELLA)
    .map((command) => (command.subcommands ? `${command.name} ${command.subcommands.map((sub) => sub.name).join('|')}` : command.name))
    .join(' · ');
}

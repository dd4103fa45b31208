import { optionsOf, type CommandDef, type OptionDef } from './command.ts';
import { UserError } from './errors.ts';
import type { OptionValue } from './platform.ts';

export interface ParsedCommand {
  subcommand?: string;
  options: Record<string, OptionValue>;
}

const NAMED = /^(?:--([a-z_][\w-]*)(?:=(.*))?|([a-z_][\w-]*):(.+))$/i;

/**
 * Free text after a command name (Slack, the terminal chat) into the same typed options Discord gives:
 * `name:value` or `--name value` for any option, positional words for the rest in order, the last
 * positional option taking the remainder of the line. Wrong input throws a UserError with a usage line.
 */
export function parseCommandText(command: CommandDef, text: string): ParsedCommand {
  const all = splitWords(text);
  let words = all.map((word) => word.text);
  let subcommand: string | undefined;
  if (command.subcommands) {
    const first = words[0]?.toLowerCase();
    const sub = command.subcommands.find((candidate) => candidate.name === first);
    if (!sub) {
      const names = command.subcommands.map((candidate) => candidate.name).join(', ');
      throw new UserError(first ? `/${command.name} has no “${first}”: use one of ${names}.\n${usageOf(command)}` : usageOf(command));
    }
    subcommand = sub.name;
    words = words.slice(1);
  }
  // Word k of `words` is word k + skipped of `all`: what stood between two words is kept when they
  // are joined again, so a pasted article keeps its line breaks.
  const skipped = all.length - words.length;
  const rejoin = (indices: number[]): string =>
    indices
      .map((at, k) => (k === 0 ? '' : at === indices[k - 1]! + 1 ? text.slice(all[skipped + at - 1]!.end, all[skipped + at]!.start) : ' ') + words[at])
      .join('');
  const defs = optionsOf(command, subcommand);
  const options: Record<string, OptionValue> = {};
  const positional: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const named = NAMED.exec(word);
    const name = named?.[1] ?? named?.[3];
    const def = name ? defs.find((candidate) => candidate.name === name.toLowerCase()) : undefined;
    if (named && !def && named[1]) {
      throw new UserError(`Unknown option “--${name}”.\n${usageOf(command, subcommand)}`);
    }
    if (!def) {
      positional.push(i);
      continue;
    }
    let raw = named?.[2] ?? named?.[4];
    if (def.rest) {
      const taken: number[] = [];
      while (i + 1 < words.length && !isNamedOption(words[i + 1]!, defs)) taken.push(++i);
      options[def.name] = [raw, taken.length ? rejoin(taken) : undefined].filter((part) => part !== undefined).join(' ');
      continue;
    }
    if (raw === undefined) {
      raw = def.type === 'boolean' && !isBooleanWord(words[i + 1]) ? 'true' : words[++i];
      if (raw === undefined) throw new UserError(`“--${def.name}” needs a value.\n${usageOf(command, subcommand)}`);
    }
    options[def.name] = convert(def, unquote(raw), command, subcommand);
  }
  const slots = defs.filter((def) => !def.namedOnly && options[def.name] === undefined);
  slots.forEach((def, index) => {
    if (positional.length === 0) return;
    const taken = index === slots.length - 1 ? positional.splice(0) : positional.splice(0, 1);
    options[def.name] = convert(def, unquote(rejoin(taken)), command, subcommand);
  });
  if (positional.length > 0) {
    throw new UserError(`I didn't understand “${positional.map((at) => words[at]).join(' ')}”.\n${usageOf(command, subcommand)}`);
  }
  const missing = defs.find((def) => def.required && options[def.name] === undefined);
  if (missing) throw new UserError(`/${command.name}${subcommand ? ` ${subcommand}` : ''} needs ${missing.name}.\n${usageOf(command, subcommand)}`);
  return { subcommand, options };
}

/** Checks a value against its option's type, range and choices. Discord does the same before it sends. */
export function convert(def: OptionDef, raw: string, command: CommandDef, subcommand?: string): OptionValue {
  const fail = (why: string): never => {
    throw new UserError(`${def.name} ${why}.\n${usageOf(command, subcommand)}`);
  };
  let value: OptionValue = raw;
  if (def.type === 'integer') {
    if (!/^-?\d+$/.test(raw)) fail('must be a whole number');
    value = Number(raw);
    if (def.min !== undefined && value < def.min) fail(`must be at least ${def.min}`);
    if (def.max !== undefined && value > def.max) fail(`must be at most ${def.max}`);
  } else if (def.type === 'boolean') {
    if (!isBooleanWord(raw)) fail('must be yes or no');
    value = /^(true|yes|on|1)$/i.test(raw);
  }
  if (def.choices && !def.choices.some((choice) => String(choice.value) === String(value))) {
    fail(`must be one of ${def.choices.map((choice) => choice.value).join(', ')}`);
  }
  return value;
}

function isNamedOption(word: string, defs: OptionDef[]): boolean {
  const named = NAMED.exec(word);
  const name = named?.[1] ?? named?.[3];
  return name !== undefined && defs.some((def) => def.name === name.toLowerCase());
}

function isBooleanWord(word: string | undefined): boolean {
  return word !== undefined && /^(true|false|yes|no|on|off|1|0)$/i.test(word);
}

/** Words with their offsets, keeping "quoted phrases" together. */
function splitWords(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(/(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function unquote(value: string): string {
  return value.replace(/^["“](.*)["”]$/s, '$1');
}

/** One usage line per subcommand, e.g. `/digest schedule <when> [timezone:…]`. */
export function usageOf(command: CommandDef, subcommand?: string): string {
  const subs = command.subcommands
    ? command.subcommands.filter((sub) => !subcommand || sub.name === subcommand).map((sub) => ({ prefix: ` ${sub.name}`, options: sub.options ?? [] }))
    : [{ prefix: '', options: command.options ?? [] }];
  const lines = subs.map(({ prefix, options }) => `/${command.name}${prefix}${options.map(formatOption).join('')}`);
  return `Usage: ${lines.join('  ·  ')}`;
}

function formatOption(def: OptionDef): string {
  const body = def.namedOnly ? `${def.name}:…` : `<${def.name}>`;
  return def.required ? ` ${body}` : ` [${body.replace(/^<(.*)>$/, '$1')}]`;
}

import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { parseCommandText, usageOf } from '../../src/core/parse-text.ts';

const run = async () => undefined;
const summary: CommandDef = {
  name: 'summary',
  description: 'Summarise',
  options: [
    { name: 'input', description: 'link or text', type: 'string' },
    { name: 'sentences', description: 'how many', type: 'integer', min: 1, max: 10, namedOnly: true },
  ],
  run,
};
const digest: CommandDef = {
  name: 'digest',
  description: 'Digests',
  subcommands: [
    {
      name: 'schedule',
      description: 'Set',
      options: [
        { name: 'when', description: 'cron', type: 'string', required: true },
        { name: 'timezone', description: 'zone', type: 'string', namedOnly: true },
      ],
    },
    { name: 'now', description: 'Now' },
    {
      name: 'settings',
      description: 'Settings',
      options: [
        {
          name: 'mode',
          description: 'm',
          type: 'string',
          choices: [
            { name: 'Short', value: 'short' },
            { name: 'Long', value: 'long' },
          ],
        },
        { name: 'tags', description: 't', type: 'boolean' },
      ],
    },
  ],
  run,
};

describe('parseCommandText', () => {
  it('gives the whole rest of the line to the last positional option', () => {
    expect(parseCommandText(summary, 'The council voted on Tuesday to close the bridge.')).toEqual({
      subcommand: undefined,
      options: { input: 'The council voted on Tuesday to close the bridge.' },
    });
  });

  it('keeps the line breaks of pasted text, so its headline and paragraphs stay apart', () => {
    const pasted = 'Bridge to close for a year\n\nDUNMORE — The council voted on Tuesday to close the bridge.\nRepairs start in May.';
    expect(parseCommandText(summary, `sentences:2 ${pasted}`).options).toEqual({ input: pasted, sentences: 2 });
    expect(parseCommandText(summary, `${pasted}  sentences:2`).options).toEqual({ input: pasted, sentences: 2 });
  });

  it('reads named options in both spellings and converts integers', () => {
    expect(parseCommandText(summary, 'https://example.org/a sentences:5').options).toEqual({ input: 'https://example.org/a', sentences: 5 });
    expect(parseCommandText(summary, '--sentences 2 https://example.org/a').options).toEqual({ input: 'https://example.org/a', sentences: 2 });
  });

  it('picks the subcommand and keeps a cron expression together', () => {
    expect(parseCommandText(digest, 'schedule 30 9 * * 1-5 timezone:Europe/Paris')).toEqual({
      subcommand: 'schedule',
      options: { when: '30 9 * * 1-5', timezone: 'Europe/Paris' },
    });
  });

  it('refuses an unknown option, a bad integer, a value outside the range or the choices, with a usage line', () => {
    expect(() => parseCommandText(summary, 'x --colour red')).toThrowError(/Unknown option “--colour”.\nUsage: \/summary/);
    expect(() => parseCommandText(summary, 'x sentences:many')).toThrowError(/sentences must be a whole number/);
    expect(() => parseCommandText(summary, 'x sentences:11')).toThrowError(/at most 10/);
    expect(() => parseCommandText(digest, 'settings mode:huge')).toThrowError(/one of short, long/);
    expect(() => parseCommandText(digest, 'settings tags:maybe')).toThrowError(UserError);
  });

  it('refuses a missing subcommand or required option, and extra words', () => {
    expect(() => parseCommandText(digest, '')).toThrowError(/Usage: \/digest schedule <when> \[timezone:…\]/);
    expect(() => parseCommandText(digest, 'weekly')).toThrowError(/has no “weekly”/);
    expect(() => parseCommandText(digest, 'schedule')).toThrowError(/needs when/);
    expect(() => parseCommandText(digest, 'now please')).toThrowError(/didn't understand “please”/);
  });

  it('reads booleans and quoted values', () => {
    expect(parseCommandText(digest, 'settings tags:no mode:"long"').options).toEqual({ tags: false, mode: 'long' });
  });

  it('writes usage lines for every subcommand', () => {
    expect(usageOf(digest)).toBe('Usage: /digest schedule <when> [timezone:…]  ·  /digest now  ·  /digest settings [mode] [tags]');
  });
});

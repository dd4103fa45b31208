import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? match[2]!);
}

describe('the seams', () => {
  it('keeps platform SDKs and adapters out of the core and the commands', () => {
    const offenders: string[] = [];
    for (const dir of ['src/core', 'commands', 'src/engine']) {
      for (const file of sources(join(root, dir))) {
        for (const spec of importsOf(file)) {
          if (/^(discord\.js|@discordjs\/|@slack\/)/.test(spec) || spec.includes('/adapters/')) offenders.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  // src/dotenv.ts is the part of the configuration the CLI reads before it needs the whole of it
  // (.env and whether a model key is set), split from config.ts to keep zod out of start-up.
  it('reads process.env only in src/config.ts and src/dotenv.ts', () => {
    const offenders = sources(join(root, 'src'))
      .filter((file) => !file.endsWith(join('src', 'config.ts')) && !file.endsWith(join('src', 'dotenv.ts')) && !file.includes(join('src', 'eval')))
      .filter((file) => /process\.env\b/.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('lists every command once, with names the platforms accept', () => {
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      const subs = command.subcommands?.map((sub) => sub.name) ?? [];
      expect(new Set(subs).size).toBe(subs.length);
    }
  });
});

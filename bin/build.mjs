#!/usr/bin/env node
// Compiles src/ and commands/ into dist/ with tsc (tsconfig.build.json) and copies prompts/ beside
// them, so the bot and the CLI start as plain JavaScript. `npm install` runs it (`prepare`); the
// `newsdesk` command runs it first when a source is newer than the last build.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
const stamp = join(dist, '.built');
const SOURCES = ['src', 'commands', 'prompts', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time (ms) of a file or of any file under a folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

/** True when dist/ is missing or older than any source. */
export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newest(join(root, source)) > built);
}

/** Where tsc lives, or undefined when TypeScript is not installed (an install without dev dependencies). */
export function tscPath() {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** Builds dist/; returns false (after tsc printed why) when compiling failed. */
export function build({ quiet = false } = {}) {
  const tsc = tscPath();
  if (!tsc) throw new Error('TypeScript is not installed (npm install without --omit=dev), so dist/ cannot be built.');
  // The stamp gets the time the build started: a file edited during the build makes the next start rebuild.
  const started = new Date();
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: quiet ? 'ignore' : ['ignore', 2, 2] });
  if (result.status !== 0) return false;
  rmSync(join(dist, 'prompts'), { recursive: true, force: true });
  cpSync(join(root, 'prompts'), join(dist, 'prompts'), { recursive: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (tscPath()) process.exitCode = build() ? 0 : 1;
  // An install without dev dependencies: nothing to compile with, and bin/newsdesk.mjs runs the sources through tsx.
  else process.stderr.write('newsdesk: TypeScript is not installed, so dist/ is not built; the newsdesk command will run the sources through tsx.\n');
}

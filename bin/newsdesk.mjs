#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm install`), rebuilding it first when a source
// is newer. Without TypeScript installed and no usable build, it falls back to the sources through tsx.
import { build, dist, isStale, root, tscPath } from './build.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let entry = join(dist, 'src', 'cli.js');
if (isStale()) {
  if (tscPath()) {
    process.stderr.write('newsdesk: sources changed since the last build; compiling into dist/ …\n');
    if (!build()) {
      process.stderr.write('newsdesk: the build failed (above); fix it, or run `npm run typecheck` to see every error.\n');
      process.exit(1);
    }
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(root, 'src', 'cli.ts');
  }
}
const { runCli } = await import(pathToFileURL(entry).href);
process.exitCode = await runCli(process.argv.slice(2));

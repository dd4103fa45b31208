// Writes the Slack app manifests at the top of the repo from the command list:
//   npx tsx src/adapters/slack/write-manifest.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commands } from '../../../commands/index.ts';
import { MANIFEST_FILES, manifestJson } from './manifest.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
writeFileSync(join(root, MANIFEST_FILES.http), manifestJson(commands, { socketMode: false }));
writeFileSync(join(root, MANIFEST_FILES.socket), manifestJson(commands, { socketMode: true }));

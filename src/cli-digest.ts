import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { UserError } from './core/errors.ts';
import type { OutgoingMessage } from './core/messages.ts';
import type { ChannelRef } from './core/platform.ts';
import type { Services } from './core/services.ts';
import { composeDigest } from './digest/compose.ts';
import { addFeed } from './feeds/subscribe.ts';
import { checkLocalFileSize } from './local-file.ts';

/** The command line is a trusted local user, like the terminal chat: it may read feed files. */
const CLI_CHANNEL: ChannelRef = { platform: 'console', tenantId: 'local', channelId: 'cli' };

/**
 * `newsdesk digest --feed <url|file>`: the digest a channel that just subscribed to the feed would get,
 * through the same feed reading, story grouping and ranking as the bot. It works on a throw-away store,
 * so running it twice shows the same digest and the bot's own data is never touched; analyses still
 * come from the configured engine.
 */
export async function feedDigest(services: Services, source: string, options: { max?: number } = {}): Promise<OutgoingMessage> {
  const max = options.max ?? 10;
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new UserError('--max takes a whole number from 1 to 50.');
  // A local feed file is read whole by the feed reader, so its size is checked first.
  if (!/^https?:\/\//i.test(source)) await checkLocalFileSize(source);
  const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-digest-'));
  const local = createServices(loadConfig({ ...configEnv(services), DATA_DIR: scratch }), services.logger, {
    clock: services.clock,
    ingest: services.ingest,
    engine: services.analysis.engine,
  });
  try {
    await addFeed(local, CLI_CHANNEL, source);
    const digest = await composeDigest(local, CLI_CHANNEL, { maxStories: max, sentences: services.config.SUMMARY_SENTENCES });
    if (!digest) return { kind: 'text', text: 'That feed has no recent stories.' };
    return { kind: 'digest', digest };
  } finally {
    await local.stores.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The parsed config back as variables, so the scratch services differ only in where they keep data. */
function configEnv(services: Services): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(services.config)) {
    if (value === undefined || key === 'REDIS_URL') continue;
    env[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createServices, type AppOverrides } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Logger } from '../src/core/logger.ts';
import type { OutgoingMessage, ThreadRequest } from '../src/core/messages.ts';
import type { CommandContext, PostedMessage } from '../src/core/platform.ts';
import type { Services } from '../src/core/services.ts';

/** Services on a fresh SQLite file in a temp folder; `cleanup` closes and removes it. */
export function testServices(env: Record<string, string> = {}, overrides: AppOverrides = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  const logs: Record<string, unknown>[] = [];
  const logger = capturingLogger(logs);
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const services: Services = createServices(config, logger, overrides);
  return {
    services,
    logs,
    dataDir,
    async cleanup() {
      await services.stores.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function capturingLogger(logs: Record<string, unknown>[]): Logger {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

export interface Recorded {
  replies: { message: OutgoingMessage; thread?: ThreadRequest }[];
  ephemeral: OutgoingMessage[];
  deferred: { ephemeral?: boolean }[];
}

/** A command context that records what the command answered, as a platform adapter would send it. */
export function recordingContext(partial: Partial<CommandContext> & Pick<CommandContext, 'command'>): { ctx: CommandContext; recorded: Recorded } {
  const recorded: Recorded = { replies: [], ephemeral: [], deferred: [] };
  let threads = 0;
  const ctx: CommandContext = {
    platform: 'console',
    channel: { platform: 'console', tenantId: 'local', channelId: 'test' },
    user: { id: 'u1' },
    options: {},
    canManage: false,
    defer: async (options) => {
      recorded.deferred.push(options ?? {});
    },
    reply: async (message, options): Promise<PostedMessage> => {
      recorded.replies.push({ message, thread: options?.thread });
      return { id: `m${recorded.replies.length}`, threadId: options?.thread ? `thread-${++threads}` : undefined };
    },
    replyEphemeral: async (message) => {
      recorded.ephemeral.push(message);
    },
    ...partial,
  };
  return { ctx, recorded };
}

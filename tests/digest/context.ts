import type { OutgoingMessage, ThreadRequest } from '../../src/core/messages.ts';
import type { CommandContext, PostedMessage } from '../../src/core/platform.ts';

// TEMPORARY copy of recordingContext from tests/helpers.ts, whose import of src/app.ts fails until src/ingest/port.ts lands.
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

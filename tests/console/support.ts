import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import { commands } from '../../commands/index.ts';
import { startConsoleChat } from '../../src/adapters/console/chat.ts';
import type { AppOverrides } from '../../src/app.ts';
import { testServices } from '../helpers.ts';

/**
 * Terminal chats on fresh services for the tests of a file: `chat()` (optionally with a clock or other
 * overrides) starts one and returns the session,
 * what it printed so far and its services; every chat is closed and its data removed after each test.
 */
export function consoleChats() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return function chat(overrides: AppOverrides = {}) {
    const test = testServices({}, overrides);
    cleanups.push(test.cleanup);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const session = startConsoleChat(test.services, commands, { input, output });
    cleanups.push(async () => session.close());
    return { session, printed: () => printed, services: test.services };
  };
}

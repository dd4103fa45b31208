import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { startConsoleChat } from '../../src/adapters/console/chat.ts';
import { testServices } from '../helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('/help lists the news features', () => {
  it('shows who said what, story timelines, follows, live mode and alerts with their usage', async () => {
    const test = testServices();
    cleanups.push(test.cleanup);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const chat = startConsoleChat(test.services, commands, { input: new PassThrough(), output });
    cleanups.push(async () => chat.close());
    await chat.handleLine('/help');
    for (const usage of [
      '/quotes [input] [who:…] [days:…]',
      '/timeline [input]',
      '/follow [name] [remove:…]',
      '★ /digest live <mode>',
      '★ /alert add <name> role:…',
      '/alert list',
      '★ /alert remove <alert>',
    ]) {
      expect(printed).toContain(usage);
    }
    expect(printed).toContain('Ping a role (Slack: a user group, as @handle) in any post here whose story names this');
  });
});

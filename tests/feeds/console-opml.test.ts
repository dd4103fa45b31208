import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { startConsoleChat } from '../../src/adapters/console/chat.ts';
import { parseOpml, writeOpml } from '../../src/ingest/opml.ts';
import { testServices } from '../helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('OPML in the terminal chat', () => {
  it('imports an OPML file by path and exports the channel’s feeds to a file under DATA_DIR/exports', async () => {
    const test = testServices();
    cleanups.push(test.cleanup);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const session = startConsoleChat(test.services, commands, { input: new PassThrough(), output });
    cleanups.push(async () => session.close());
    const demo = new URL('../../demo/feed.xml', import.meta.url).pathname;
    const list = `${test.services.config.DATA_DIR}/list.opml`;
    writeFileSync(list, writeOpml('local', [{ url: 'https://unreachable.invalid/feed.xml', title: 'Nowhere' }], new Date()));
    // A local path is not an http(s) feed address: an OPML from the chat may still only list links.
    await session.handleLine(`/feeds import ${list}`);
    expect(printed).toContain('OPML “local”: 1 feed — 0 added, 0 already followed, 1 failed.');
    await session.handleLine(`/feeds add ${demo}`);
    await session.handleLine('/feeds export');
    const path = /Written to (\S+\.opml)/.exec(printed)?.[1];
    expect(path).toContain('/exports/');
    expect(parseOpml(readFileSync(path!, 'utf8')).feeds).toEqual([]); // the demo feed is a local file, not a link
    expect(readFileSync(path!, 'utf8')).toContain(`xmlUrl="${demo}"`);
  });
});

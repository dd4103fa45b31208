import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { UserError } from '../../src/core/errors.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { importOpml } from '../../src/feeds/opml-io.ts';
import { MAX_FEEDS_PER_CHANNEL } from '../../src/feeds/subscribe.ts';
import { parseOpml, writeOpml } from '../../src/ingest/opml.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from '../discord/fake-payloads.ts';
import { visibleText } from '../discord/discord-limits.ts';
import { startBot, type Bot } from '../discord/harness.ts';
import { testServices } from '../helpers.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { startHarness, type SlackHarness } from '../slack/harness.ts';
import { item, rss, startFeedServer, type FeedServer } from './support.ts';

const opmlFixture = new URL('../fixtures/feeds/subscriptions.opml', import.meta.url);
const SUBCOMMAND = 1;
const ATTACHMENT = 11;
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;

let server: FeedServer | undefined;
let bot: Bot | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await bot?.close();
  await slack?.stop();
  await server?.close();
  bot = slack = server = undefined;
});

describe('OPML files', () => {
  it('lists every feed once, nested outlines included, and names what it skipped', () => {
    const opml = parseOpml(readFileSync(opmlFixture, 'utf8'));
    expect(opml.title).toBe('Mara’s reading list');
    expect(opml.feeds).toEqual([
      { url: 'https://tidewater.example/rss.xml', title: 'Tidewater Bulletin', siteUrl: 'https://tidewater.example/' },
      { url: 'https://orchard.example/feed.atom', title: 'The Orchard Gazette' },
      { url: 'https://lantern.example/podcast.xml', title: 'Lantern Street Radio' },
    ]);
    expect(opml.invalid).toEqual(['gopher://old.example/feed']);
  });

  it('refuses a DTD or entity declarations outright, and anything that is not OPML', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline xmlUrl="https://x.example/&b;"/></body></opml>';
    expect(() => parseOpml(laughs)).toThrow(UserError);
    expect(() => parseOpml(laughs)).toThrow('it declares a DTD or entities');
    expect(() => parseOpml('<rss version="2.0"><channel/></rss>')).toThrow('it is XML (<rss>), not OPML');
    expect(() => parseOpml('')).toThrow('it is empty');
  });

  it('writes OPML 2.0 that reads back the same, escaping titles', () => {
    const feeds = [{ url: 'https://a.example/rss?x=1&y=2', title: 'Fish & “Chips” <daily>', siteUrl: 'https://a.example/' }, { url: 'https://b.example/feed' }];
    const text = writeOpml('newsdesk feeds', feeds, new Date('2026-12-07T09:00:00Z'));
    expect(text).toContain('<opml version="2.0">');
    expect(parseOpml(text).feeds).toEqual([feeds[0], { url: 'https://b.example/feed', title: 'https://b.example/feed' }]);
  });

  it('newsdesk opml <file> lists what the file holds', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/newsdesk.mjs', 'opml', opmlFixture.pathname], {
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    expect(stdout).toContain('3 feeds in “Mara’s reading list”:');
    expect(stdout).toContain('The Orchard Gazette — https://orchard.example/feed.atom');
    expect(stdout).toContain('not an http(s) feed address, skipped: gopher://old.example/feed');
  });
});

function opmlFor(base: string, paths: string[]): string {
  return writeOpml(
    'test list',
    paths.map((path) => ({ url: `${base}${path}`, title: `Feed ${path}` })),
    new Date('2026-12-07T09:00:00Z'),
  );
}

describe('importing OPML', () => {
  it('adds what it can, reports already-followed and failed feeds with reasons, and leaves out what passes the channel limit', async () => {
    server = await startFeedServer();
    for (const name of ['a', 'b', 'c']) server.routes.set(`/${name}.xml`, { body: rss(`Feed ${name.toUpperCase()}`, [item(1, '2026-12-07T08:00:00Z')]) });
    server.routes.set('/list.opml', { contentType: 'text/x-opml', body: opmlFor(server.url, ['/a.xml', '/missing.xml', '/a.xml', '/b.xml', '/c.xml']) });
    const env = testServices({ FETCH_ALLOW_HOSTS: '127.0.0.1' });
    const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'c1' };
    try {
      // The channel has room for two more feeds.
      for (let index = 0; index < MAX_FEEDS_PER_CHANNEL - 2; index++) await env.services.newsroom.feeds.subscribe(channel, `other-${index}`, new Date());
      const report = await importOpml(env.services, channel, `${server.url}/list.opml`);
      expect(report.added.map((feed) => feed.title)).toEqual(['Feed A', 'Feed B']);
      expect(report.failed).toEqual([expect.objectContaining({ url: `${server.url}/missing.xml`, reason: expect.stringContaining('404') })]);
      expect(report.leftOut.map((feed) => feed.url)).toEqual([`${server.url}/c.xml`]);
      const again = await importOpml(env.services, channel, `${server.url}/list.opml`);
      expect(again.already.map((feed) => feed.url)).toEqual([`${server.url}/a.xml`, `${server.url}/b.xml`]);
      await expect(importOpml(env.services, channel, '/etc/passwd')).rejects.toThrow('Give the OPML file as an http or https link');
    } finally {
      await env.cleanup();
    }
  });

  it('/feeds import takes a Discord attachment, and /feeds export answers with an OPML attachment', async () => {
    server = await startFeedServer();
    server.routes.set('/a.xml', { body: rss('Feed A', [item(1, '2026-12-07T08:00:00Z')]) });
    server.routes.set('/attachments/list.opml', { contentType: 'application/octet-stream', body: opmlFor(server.url, ['/a.xml', '/gone.xml']) });
    bot = await startBot({ env: { FETCH_ALLOW_HOSTS: '127.0.0.1' } });
    const { fake } = bot;
    const attachment = {
      id: '1500000000000000001',
      filename: 'list.opml',
      size: 300,
      url: `${server.url}/attachments/list.opml`,
      proxy_url: `${server.url}/attachments/list.opml`,
      content_type: 'text/x-opml',
    };
    const imported = fake.interact('feeds', [{ name: 'import', type: SUBCOMMAND, options: [{ name: 'file', type: ATTACHMENT, value: attachment.id }] }], {
      permissions: MANAGER,
      resolved: { attachments: { [attachment.id]: attachment } },
    });
    const answer = await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${imported.token}/messages/@original`), 15_000);
    const text = visibleText(answer.body);
    expect(text).toContain('2 feeds — 1 added, 0 already followed, 1 failed');
    expect(text).toContain('gone.xml');

    const exported = fake.interact('feeds', [{ name: 'export', type: SUBCOMMAND, options: [] }], { permissions: MANAGER });
    const file = await fake.waitFor((request) => request.method === 'PATCH' && request.path.endsWith(`/${exported.token}/messages/@original`), 15_000);
    expect(file.body.content).toBe('The 1 feed of this channel as OPML.');
    expect(file.files?.map((entry) => entry.name)).toEqual(['newsdesk-feeds.opml']);
    expect(parseOpml(file.files![0]!.content).feeds).toEqual([expect.objectContaining({ url: `${server.url}/a.xml`, title: 'Feed A' })]);
  });
});

describe('OPML on Slack', () => {
  it('/feeds import takes a link, /feeds export uploads the file (files.uploadV2)', async () => {
    server = await startFeedServer();
    server.routes.set('/a.xml', { body: rss('Feed A', [item(1, '2026-12-07T08:00:00Z')]) });
    server.routes.set('/list.opml', { contentType: 'text/x-opml', body: opmlFor(server.url, ['/a.xml']) });
    slack = await startHarness(commands, { env: { FETCH_ALLOW_HOSTS: '127.0.0.1' } });
    const harness = slack;
    harness.fake.users.set('U0ADMIN', { is_admin: true });
    const command = (text: string, id: string) =>
      postSigned(harness.eventsUrl, slashCommandBody({ command: '/newsdesk', text, user_id: 'U0ADMIN', response_url: harness.fake.responseUrl(id) }));
    await command(`feeds import ${server.url}/list.opml`, 'import');
    const report = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('1 added'));
    expect(String(report.args.text)).toContain('OPML “test list”: 1 feed — 1 added, 0 already followed, 0 failed.');
    await command('feeds export', 'export');
    const done = await harness.fake.waitForCall('files.completeUploadExternal');
    expect(String(done.args.channel_id)).toBe('C0NEWS');
    const uploaded = [...harness.fake.uploads.values()].find((body) => body.includes('<opml'));
    expect(uploaded).toContain(`xmlUrl="${server.url}/a.xml"`);
  });
});

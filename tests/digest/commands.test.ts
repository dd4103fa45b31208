import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { dispatch } from '../../src/core/dispatcher.ts';
import type { CommandContext } from '../../src/core/platform.ts';
import { parseCommandText } from '../../src/core/parse-text.ts';
import { ensureDemoFeed } from '../../src/feeds/subscribe.ts';
import { recordingContext, testServices } from '../helpers.ts';

const consoleChannel = { platform: 'console' as const, tenantId: 'local', channelId: 'chat' };
let env: ReturnType<typeof testServices>;

beforeEach(() => {
  env = testServices({}, { clock: new ManualClock('2026-11-26T15:00:00Z') });
});
afterEach(() => env.cleanup());

async function run(text: string, partial: Partial<CommandContext> = {}) {
  const [name, ...rest] = text.replace(/^\//, '').split(' ');
  const command = commands.find((candidate) => candidate.name === name)!;
  const parsed = parseCommandText(command, rest.join(' '));
  const { ctx, recorded } = recordingContext({
    command: name!,
    subcommand: parsed.subcommand,
    options: parsed.options,
    channel: consoleChannel,
    canManage: true,
    ...partial,
  });
  await dispatch(commands, ctx, env.services);
  return recorded;
}

describe('/feeds and /digest in the terminal chat', () => {
  it('shows the demo stories on /digest now after the demo feed is subscribed', async () => {
    const added = await ensureDemoFeed(env.services, consoleChannel);
    expect(added?.itemCount).toBe(8);
    expect(await ensureDemoFeed(env.services, consoleChannel)).toBeUndefined();
    const recorded = await run('/digest now');
    const digests = recorded.replies.filter((reply) => reply.message.kind === 'digest');
    expect(digests).toHaveLength(1);
    const message = digests[0]!.message;
    if (message.kind !== 'digest') throw new Error('expected a digest');
    expect(message.digest.stories.length).toBeGreaterThanOrEqual(5);
    expect(message.digest.stories.some((story) => /Varga/.test(story.title))).toBe(true);
    // The thread maps to the articles, and "/summary 1" finds them as recent stories.
    expect(await env.services.library.threadArticles('console', 'thread-1')).toHaveLength(digests[0]!.thread!.articleIds.length);
    expect(await env.services.library.listRecent(consoleChannel)).not.toHaveLength(0);

    const again = await run('/digest now');
    expect(again.replies).toEqual([]);
    expect(again.ephemeral[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/Nothing new/) });
  });

  it('schedules with a preset and a zone, answering with the next three runs', async () => {
    const recorded = await run('/digest schedule weekdays 09:30 Europe/Berlin');
    const text = recorded.replies[0]?.message.kind === 'text' ? recorded.replies[0].message.text : '';
    expect(text).toMatch(/weekdays 09:30 \(Europe\/Berlin, cron “30 9 \* \* 1-5”\)/);
    expect(text.match(/09:30 CET/g)).toHaveLength(3);
    expect((await env.services.newsroom.schedules.get(consoleChannel))?.timezone).toBe('Europe/Berlin');

    const bad = await run('/digest schedule daily 8 o’clock');
    expect(bad.ephemeral[0]).toMatchObject({ kind: 'text', tone: 'warning' });
    const off = await run('/digest off');
    expect(off.replies[0]?.message).toMatchObject({ text: expect.stringMatching(/off here/) });
    expect(await env.services.newsroom.schedules.get(consoleChannel)).toBeUndefined();
  });

  it('changes and shows digest settings', async () => {
    await run('/digest settings stories:4 sentences:2');
    expect(await env.services.newsroom.schedules.settings(consoleChannel)).toEqual({ maxStories: 4, sentences: 2 });
    const shown = await run('/digest settings');
    expect(shown.ephemeral[0]).toMatchObject({ text: expect.stringMatching(/at most 4 stories, 2 sentences/) });
  });

  it('lists feeds with their health and removes one by number', async () => {
    await run('/feeds add demo/feed.xml');
    const list = await run('/feeds list');
    expect(list.ephemeral[0]).toMatchObject({ kind: 'feeds', feeds: [{ title: 'Newsdesk Demo Wire', consecutiveFailures: 0 }] });
    const removed = await run('/feeds remove 1');
    expect(removed.replies[0]?.message).toMatchObject({ text: expect.stringMatching(/No longer following “Newsdesk Demo Wire”/) });
    expect(await env.services.newsroom.feeds.subscriptions(consoleChannel)).toEqual([]);
  });

  it('needs channel-manager rights to change feeds or schedules', async () => {
    const discord = { platform: 'discord' as const, tenantId: 'g', channelId: 'c' };
    const recorded = await run('/feeds add https://example.org/feed.xml', { channel: discord, platform: 'discord', canManage: false });
    expect(recorded.ephemeral[0]).toMatchObject({ text: expect.stringMatching(/Manage Channels/) });
    const schedule = await run('/digest schedule daily 08:00', { channel: discord, platform: 'discord', canManage: false });
    expect(schedule.ephemeral[0]).toMatchObject({ text: expect.stringMatching(/Manage Channels/) });
    expect(await env.services.newsroom.feeds.subscriptions(discord)).toEqual([]);
  });
});

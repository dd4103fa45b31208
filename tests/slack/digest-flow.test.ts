import { afterEach, describe, expect, it } from 'vitest';
import { serveDemoFeed } from '../demo-feed-server.ts';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { messageEventBody, postSigned, slashCommandBody } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness | undefined;
let feedServer: Awaited<ReturnType<typeof serveDemoFeed>> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  await feedServer?.close();
  feedServer = undefined;
});

describe('a channel’s news on Slack, end to end', () => {
  it('follows a feed, posts a numbered digest, answers a follow-up in its thread, summarises story 1 and shows feed health', async () => {
    feedServer = await serveDemoFeed();
    const { host } = feedServer;
    // The demo feed's stories are from the afternoon of 25 November 2026.
    h = await startHarness(commands, { env: { FETCH_ALLOW_HOSTS: host }, clock: new ManualClock('2026-11-25T16:00:00Z') });
    const harness = h;
    harness.fake.users.set('U0ADMIN', { is_admin: true });
    const command = (text: string, id: string, slash = '/newsdesk') =>
      postSigned(harness.eventsUrl, slashCommandBody({ command: slash, text, user_id: 'U0ADMIN', response_url: harness.fake.responseUrl(id) }));

    await command(`feeds add http://${host}/feed.xml`, 'add');
    const added = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Now following'));
    expect(String(added.args.text)).toContain('Now following “Newsdesk Demo Wire”');

    await command('digest now', 'now');
    const digest = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('📰 News digest'));
    const blocks = JSON.stringify(digest.args.blocks);
    expect(blocks).toContain('1. *<');
    expect(blocks).toContain('Challenger Varga levels world chess title match with sharp win in Game 9');

    const ts = String(digest.result?.ts);
    const question = messageEventBody('Ev0CHESS', { channel: 'C0NEWS', ts: '1770000000.000100', thread_ts: ts, text: 'When is Game 10 of the chess match?' });
    await postSigned(harness.eventsUrl, question, { contentType: 'application/json' });
    const answer = await harness.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(JSON.stringify(answer.args.blocks)).toContain('Game 10 is on Friday');

    // "/summary 1" is the digest's story 1.
    await command('1', 'summary1', '/summary');
    const summary = await harness.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).startsWith('Summary:'));
    expect(String(summary.args.text)).toContain('Challenger Varga');

    await command('feeds list', 'list');
    const health = await harness.fake.waitForResponse((post) => post.id === 'list');
    expect(health.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(health.body.blocks)).toMatch(/Newsdesk Demo Wire.*✅ Last read/);
  });
});

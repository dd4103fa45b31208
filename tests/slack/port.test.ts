import { afterEach, describe, expect, it } from 'vitest';
import { portPoster } from '../../src/digest/deliver.ts';
import { commands } from '../../commands/index.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { digest, story } from './fixtures.ts';
import { TEAM_ID, messageEventBody, postSigned } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

const CHANNEL: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: 'C0DIGEST' };

describe('slack platform port (digests posted by the bot)', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  async function postLongDigest(harness: SlackHarness) {
    const stories = Array.from({ length: 60 }, (_, i) => story(i + 1, 4));
    const articles = stories.flatMap((entry) => entry.articles);
    for (const article of articles) await harness.services.library.save(article);
    // As the scheduler does: post through the port, then record the thread.
    const { post, onPosted } = portPoster(harness.services, harness.slack.port, CHANNEL);
    const thread = { title: 'Digest', articleIds: articles.map((a) => a.id) };
    const posted = await post({ kind: 'digest', digest: digest(stories) }, thread, { key: 'port-test.1', resume: false });
    await onPosted?.(posted, thread);
    return { posted, articles, calls: harness.fake.callsOf('chat.postMessage').filter((call) => call.args.channel === 'C0DIGEST') };
  }

  it('posts a long digest as several channel messages in order and remembers the thread under each', async () => {
    h = await startHarness(commands);
    h.fake.rateLimitNext('chat.postMessage', 0);
    const { posted, articles, calls } = await postLongDigest(h);
    expect(calls.length).toBeGreaterThan(1);
    // The 429 was retried: every part arrived once.
    expect(h.fake.calls.filter((call) => call.method === 'chat.postMessage').map((call) => call.status)).toEqual([429, ...calls.map(() => 200)]);
    calls.slice(1).forEach((call, index) => expect(JSON.stringify(call.args.blocks)).toContain(`continued (${index + 2}/${calls.length})`));
    const firstTs = String(calls[0]!.result?.ts);
    expect(posted).toEqual({ id: firstTs, threadId: `C0DIGEST:${firstTs}` });
    expect(await h.services.library.threadArticles('slack', posted.threadId!)).toHaveLength(articles.length);
    // The channel's recent stories (what "/summary 2" picks from) are the digest's, in its order.
    expect((await h.services.library.listRecent(CHANNEL)).map((article) => article.id).slice(0, 10)).toEqual(
      articles.slice(0, 10).map((article) => article.id),
    );

    // A question under the second part is answered in that part's thread.
    const secondTs = String(calls[1]!.result?.ts);
    const event = messageEventBody('Ev0DIGEST', {
      channel: 'C0DIGEST',
      ts: '1760000999.000400',
      thread_ts: secondTs,
      text: 'What did the council approve for plan 7?',
    });
    expect((await postSigned(h.eventsUrl, event, { contentType: 'application/json' })).status).toBe(200);
    const answer = await h.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === secondTs);
    expect(JSON.stringify(answer.args.blocks)).toContain('waterfront');
  });

  it('spaces the parts of a long digest in one channel instead of hammering Slack', async () => {
    const waits: number[] = [];
    h = await startHarness(commands, { start: { pacing: { intervalMs: 1000, burst: 3, sleep: async (ms) => void waits.push(ms) } } });
    const { calls } = await postLongDigest(h);
    expect(waits).toHaveLength(calls.length - 3);
    for (const wait of waits) expect(wait).toBeGreaterThan(0);
  });

  it('refuses a channel of another platform', async () => {
    h = await startHarness(commands);
    await expect(h.slack.port.post({ ...CHANNEL, platform: 'discord' }, { kind: 'text', text: 'hi' })).rejects.toThrow(/discord/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { dispatch } from '../../src/core/dispatcher.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { deliverDigest, portPoster } from '../../src/digest/deliver.ts';
import { addFeed } from '../../src/feeds/subscribe.ts';
import { UsageLedger } from '../../src/llm/usage.ts';
import { FakePlatform, item, rss, startFeedServer, type FeedServer } from '../feeds/support.ts';
import { recordingContext, testServices } from '../helpers.ts';
import { BRIDGE } from './articles.ts';
import { block, completion, type FakeOpenAI, type Script, startFakeOpenAI } from './fake-openai.ts';

const NOW = '2026-11-26T12:00:00Z';

/** A dull but valid model: the first line of the article as its summary, nothing else. */
const firstLineModel: Script = (request) => {
  const data = block(request.messages[1]!.content, 'ARTICLE') ?? '';
  const first = data.replace(/^Title: .*\n\n/, '').split('\n')[0]!;
  return completion(
    { summary: [first], tags: { people: [], organizations: [], places: [], topics: ['news'] }, quotes: [], timeline: [] },
    { prompt_tokens: 400, completion_tokens: 60 },
  );
};

let fake: FakeOpenAI;
let feeds: FeedServer;
let clock: ManualClock;
let env: ReturnType<typeof testServices>;

function start(extra: Record<string, string> = {}) {
  env = testServices(
    { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'test-model', FETCH_ALLOW_HOSTS: '127.0.0.1', ...extra },
    { clock },
  );
  return env.services;
}

beforeEach(async () => {
  fake = await startFakeOpenAI();
  feeds = await startFeedServer();
  clock = new ManualClock(NOW);
});
afterEach(async () => {
  await env?.cleanup();
  await fake.close();
  await feeds.close();
});

describe('the model engine inside the app', () => {
  it('is the primary engine when OPENAI_API_KEY is set, and absent without it', async () => {
    const services = start();
    expect(services.analysis.engine.info).toMatchObject({ name: 'llm', model: 'test-model' });
    await env.cleanup();
    env = testServices({}, { clock });
    expect(env.services.analysis.engine.info.name).toBe('embedded');
  });

  it('costs one model call for an article that 100 channels receive in their digests', async () => {
    fake.script = firstLineModel;
    const services = start();
    feeds.routes.set('/wire.xml', { body: rss('Wire', [item(1, '2026-11-26T11:00:00Z')]) });
    const channels: ChannelRef[] = Array.from({ length: 100 }, (_, i) => ({ platform: 'discord', tenantId: `guild-${i % 10}`, channelId: `news-${i}` }));
    for (const channel of channels) await addFeed(services, channel, `${feeds.url}/wire.xml`);
    const platform = new FakePlatform();
    const runs = await Promise.all(
      channels.map((channel) => {
        const { post, onPosted } = portPoster(services, platform, channel);
        return deliverDigest(services, channel, post, { onPosted });
      }),
    );
    expect(runs.every((run) => run.status === 'posted')).toBe(true);
    expect(platform.sent).toHaveLength(100);
    for (const sent of platform.sent) {
      if (sent.message.kind !== 'digest') throw new Error('expected a digest');
      expect(sent.message.digest.stories[0]!.analysis.engine).toMatchObject({ name: 'llm', model: 'test-model' });
    }
    expect(fake.requests).toHaveLength(1);
    // The one call is paid for by the tenant whose channel asked first; nobody else is charged.
    const ledger = new UsageLedger(services.stores.usage, clock);
    const calls = await Promise.all(Array.from({ length: 10 }, (_, g) => ledger.month(`guild-${g}`).then((month) => month.calls)));
    expect(calls.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('lets the embedded engine answer once a tenant’s monthly budget is spent, without caching that as the model’s', async () => {
    fake.script = firstLineModel;
    const services = start({ LLM_MONTHLY_TOKEN_BUDGET: '800' });
    const other = { ...BRIDGE, id: 'other', text: `${BRIDGE.text}\n\nThe council meets again in January.` };
    const third = { ...BRIDGE, id: 'third', text: `${BRIDGE.text}\n\nA ferry will run while the bridge is shut.` };
    expect((await services.analysis.analyze(BRIDGE, { tenant: 'g1' })).engine.name).toBe('llm');
    expect((await services.analysis.analyze(other, { tenant: 'g1' })).engine.name).toBe('llm');
    // 2 × 460 tokens: the month's 800 are spent.
    expect((await services.analysis.analyze(third, { tenant: 'g1' })).engine.name).toBe('embedded');
    expect(fake.requests).toHaveLength(2);
    // Another guild still has its budget; an already analysed article costs nothing to anyone.
    expect((await services.analysis.analyze(third, { tenant: 'g2' })).engine.name).toBe('llm');
    expect((await services.analysis.analyze(BRIDGE, { tenant: 'g1' })).engine.name).toBe('llm');
    expect(fake.requests).toHaveLength(3);
    // Questions fall back too.
    const answer = await services.analysis.answer('When will the bridge reopen?', [BRIDGE], { tenant: 'g1' });
    expect(answer?.engine.name).toBe('embedded');
    expect(fake.requests).toHaveLength(3);
    // A new month, a new budget: the model is asked again (the fallback was not cached as its answer).
    clock.set('2026-12-01T00:00:01Z');
    const fourth = { ...BRIDGE, id: 'fourth', text: `${BRIDGE.text}\n\nCyclists will get a separate lane.` };
    expect((await services.analysis.analyze(fourth, { tenant: 'g1' })).engine.name).toBe('llm');
  });

  it('shows admins this month’s usage and the budget with /usage', async () => {
    fake.script = firstLineModel;
    const services = start({ LLM_MONTHLY_TOKEN_BUDGET: '10000' });
    await services.analysis.analyze(BRIDGE, { tenant: 'g1' });
    const channel: ChannelRef = { platform: 'discord', tenantId: 'g1', channelId: 'news' };

    const refused = recordingContext({ command: 'usage', platform: 'discord', channel, canManage: false });
    await dispatch(commands, refused.ctx, services);
    expect(refused.recorded.ephemeral[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/Manage Channels/) });

    const admin = recordingContext({ command: 'usage', platform: 'discord', channel, canManage: true });
    await dispatch(commands, admin.ctx, services);
    expect(admin.recorded.deferred).toEqual([{ ephemeral: true }]);
    expect(admin.recorded.replies).toEqual([]);
    const shown = admin.recorded.ephemeral[0];
    if (shown?.kind !== 'text') throw new Error('expected text');
    expect(shown.text).toContain('test-model');
    expect(shown.text).toContain('November 2026: 460 tokens (400 prompt + 60 completion) in 1 model call.');
    expect(shown.text).toContain('Monthly budget: 10,000 tokens, 4% used, 9,540 left.');

    const elsewhere = recordingContext({ command: 'usage', platform: 'discord', channel: { ...channel, tenantId: 'g2' }, canManage: true });
    await dispatch(commands, elsewhere.ctx, services);
    expect((elsewhere.recorded.ephemeral[0] as { text: string }).text).toContain('November 2026: 0 tokens');
  });
});

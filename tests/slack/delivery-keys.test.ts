import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { PlatformCallError } from '../../src/core/platform-error.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { DELIVERY_EVENT } from '../../src/adapters/slack/outbox.ts';
import { digest, story } from './fixtures.ts';
import { TEAM_ID } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

const CHANNEL: ChannelRef = { platform: 'slack', tenantId: TEAM_ID, channelId: 'C0KEYS' };

describe('slack delivery keys', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('sends each message of a part with its key in metadata, and a resumed part finds them in the history instead of posting again', async () => {
    h = await startHarness(commands);
    const message = { kind: 'digest' as const, digest: digest(Array.from({ length: 30 }, (_, i) => story(i + 1, 4))) };
    const thread = { title: 'Digest', articleIds: [] };
    const first = await h.slack.port.post(CHANNEL, message, { thread, key: 'k1.1' });
    const posts = h.fake.callsOf('chat.postMessage').filter((call) => call.args.channel === 'C0KEYS');
    expect(posts.length).toBeGreaterThan(1);
    posts.forEach((call, index) => expect(call.args.metadata).toEqual({ event_type: DELIVERY_EVENT, event_payload: { key: `k1.1.${index + 1}` } }));

    // A crash lost the last message: the resumed part posts only that one.
    const lastIndex = h.fake.posted.map((entry) => entry.channel).lastIndexOf('C0KEYS');
    h.fake.posted.splice(lastIndex, 1);
    const again = await h.slack.port.post(CHANNEL, message, { thread, key: 'k1.1', resume: true });
    expect(again).toEqual(first);
    expect(h.fake.callsOf('conversations.history')).toHaveLength(1);
    expect(h.fake.callsOf('chat.postMessage').filter((call) => call.args.channel === 'C0KEYS')).toHaveLength(posts.length + 1);
    expect(h.fake.posted.filter((entry) => entry.channel === 'C0KEYS')).toHaveLength(posts.length);
  });

  it('reports channel_not_found as gone, naming the call', async () => {
    h = await startHarness(commands);
    h.fake.once('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    const error = await h.slack.port.post(CHANNEL, { kind: 'text', text: 'hello' }, { key: 'k2.1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformCallError);
    expect(error).toMatchObject({ kind: 'gone', code: 'channel_not_found', call: 'chat.postMessage' });
  });
});

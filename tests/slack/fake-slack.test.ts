import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, FakeSlack } from './fake-slack.ts';

// The fake's own contract, for code that relies on it (delivery keys in message metadata).
describe('the fake Slack keeps message metadata, as Slack does', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('returns metadata from conversations.history only with include_all_metadata, newest first', async () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const metadata = { event_type: 'newsdesk_part', event_payload: { part: 'digest-7-part-1' } };
    const first = await client.chat.postMessage({ channel: 'C0NEWS', text: 'part 1', metadata });
    const second = await client.chat.postMessage({ channel: 'C0NEWS', text: 'part 2' });
    await client.chat.postMessage({ channel: 'C0NEWS', text: 'a reply', thread_ts: String(first.ts) });

    const withMetadata = await client.conversations.history({ channel: 'C0NEWS', include_all_metadata: true });
    expect(withMetadata.messages?.map((message) => message.ts)).toEqual([second.ts, first.ts]);
    expect(withMetadata.messages?.[1]?.metadata).toEqual(metadata);
    const plain = await client.conversations.history({ channel: 'C0NEWS', limit: 1 });
    expect(plain.messages?.map((message) => [message.ts, message.metadata])).toEqual([[second.ts, undefined]]);
    const older = await client.conversations.history({ channel: 'C0NEWS', latest: String(second.ts), include_all_metadata: true });
    expect(older.messages?.map((message) => message.ts)).toEqual([first.ts]);
  });
});

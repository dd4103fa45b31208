import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { CommandDef } from '../../src/core/command.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { allText } from './fixtures.ts';
import { messageEventBody, postSigned, slashCommandBody, type ApiCall } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

/** A configuration command (needs admin rights), as /feeds add is, that touches nothing outside. */
const topics: CommandDef = {
  name: 'topics',
  description: 'Topics this channel follows',
  subcommands: [
    { name: 'add', description: 'Follow a topic', manage: true, options: [{ name: 'topic', description: 'Topic', type: 'string', required: true }] },
    { name: 'list', description: 'Topics followed here' },
  ],
  async run(ctx) {
    await ctx.replyEphemeral({ kind: 'text', tone: 'success', text: `Following “${String(ctx.options.topic)}” in this channel.` });
  },
};

const blocksText = (call: ApiCall) => JSON.stringify(call.args.blocks ?? []);

describe('slack over HTTP (real Bolt against a fake Slack)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHarness([...commands, topics], { env: { SLACK_ADMIN_USERS: 'U0LISTED' } });
  });
  afterEach(async () => {
    await h.stop();
  });

  const command = (fields: { command: string; text: string; id: string; user_id?: string; channel_id?: string }) =>
    postSigned(h.eventsUrl, slashCommandBody({ ...fields, response_url: h.fake.responseUrl(fields.id) }));

  it('checks the token with auth.test at start', () => {
    expect(h.fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('acks a signed /summary at once, posts the summary in the channel and answers a question in its thread once', async () => {
    const ack = await command({ command: '/summary', text: HARBOUR_ARTICLE, id: 'sum1' });
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');

    const post = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS');
    expect(post.args.thread_ts).toBeUndefined();
    expect(blocksText(post)).toContain('Grand Harbour');
    expect(blocksText(post)).toContain('Reply in this thread');
    const ts = String(post.result?.ts);

    // The question, and Slack delivering it again (as after a slow answer), at the same time.
    const event = messageEventBody('Ev0QUESTION', {
      channel: 'C0NEWS',
      ts: '1760000999.000100',
      thread_ts: ts,
      text: 'How long will the harbour stay closed?',
    });
    const [first, retry] = await Promise.all([
      postSigned(h.eventsUrl, event, { contentType: 'application/json' }),
      postSigned(h.eventsUrl, event, { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const answer = await h.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(allTextOf(answer)).toContain('How long will the harbour stay closed?');
    expect(allTextOf(answer)).toMatch(/Friday|three days/);
    const handled = await h.waitForLogs((line) => line.eventId === 'Ev0QUESTION' && typeof line.outcome === 'string', 2);
    expect(handled.map((line) => line.outcome).sort()).toEqual(['answered', 'duplicate']);
    expect(h.fake.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
  });

  it('never answers a bot: its own posts echoed back by Slack, nor another bot writing in its thread', async () => {
    await command({ command: '/summary', text: HARBOUR_ARTICLE, id: 'sum-bots' });
    const ts = String((await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS')).result?.ts);
    // Another app's bot asks a question in the thread (two bots answering each other would never stop).
    const otherBot = messageEventBody('Ev0OTHERBOT', {
      channel: 'C0NEWS',
      ts: '1760000999.000700',
      thread_ts: ts,
      text: 'How long will the harbour stay closed?',
      user: 'U0OTHERBOT',
      bot_id: 'B0OTHER',
    });
    await postSigned(h.eventsUrl, otherBot, { contentType: 'application/json' });
    const [ignored] = await h.waitForLogs((line) => line.eventId === 'Ev0OTHERBOT' && typeof line.outcome === 'string', 1);
    expect(ignored!.outcome).toBe('not-a-thread-reply');

    // A person's question is answered once; the answer comes back as the bot's own message event.
    const question = messageEventBody('Ev0PERSON', {
      channel: 'C0NEWS',
      ts: '1760000999.000800',
      thread_ts: ts,
      text: 'How long will the harbour stay closed?',
    });
    await postSigned(h.eventsUrl, question, { contentType: 'application/json' });
    await h.waitForLogs((line) => line.eventId === 'Ev0PERSON' && line.outcome === 'answered', 1);
    await h.fake.drainEchoes();
    // Handled in order after the echoes: by the time this one is logged, the echoes were too.
    const later = messageEventBody('Ev0LATER', { channel: 'C0NEWS', ts: '1760000999.000900', thread_ts: '1700000000.000001', text: 'lunch?' });
    await postSigned(h.eventsUrl, later, { contentType: 'application/json' });
    await h.waitForLogs((line) => line.eventId === 'Ev0LATER' && typeof line.outcome === 'string', 1);
    expect(h.fake.posted.filter((message) => message.thread_ts === ts)).toHaveLength(1);
    expect(h.logs.filter((line) => String(line.eventId ?? '').startsWith('Ev0ECHO') && line.outcome === 'answered')).toEqual([]);
  });

  it('apologises in the thread with an error id when an answer cannot be posted', async () => {
    await command({ command: '/summary', text: HARBOUR_ARTICLE, id: 'sum2' });
    const ts = String((await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS')).result?.ts);
    h.fake.once('chat.postMessage', () => ({ body: { ok: false, error: 'msg_blocks_too_long' } }));
    const event = messageEventBody('Ev0FAILS', { channel: 'C0NEWS', ts: '1760000999.000500', thread_ts: ts, text: 'Who ran the barge?' });
    await postSigned(h.eventsUrl, event, { contentType: 'application/json' });
    const apology = await h.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    const logged = await h.waitForLog((line) => line.msg === 'slack: follow-up question failed');
    expect(String(apology.args.text)).toContain(`quote this id to the bot's admins: ${String(logged.errorId)}`);
    expect(logged).toMatchObject({ channel: 'C0NEWS', thread: `C0NEWS:${ts}` });
  });

  it('refuses a bad signature and a stale timestamp with 401 and does nothing', async () => {
    const body = slashCommandBody({ command: '/summary', text: HARBOUR_ARTICLE, response_url: h.fake.responseUrl('bad') });
    const forged = await postSigned(h.eventsUrl, body, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await postSigned(h.eventsUrl, body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('answers wrong input with a usage line in the ack itself, only to the asker', async () => {
    const ack = await command({ command: '/summary', text: 'https://news.example.com/a sentences:lots', id: 'usage' });
    expect(ack.status).toBe(200);
    expect(ack.json?.response_type).toBe('ephemeral');
    expect(String(ack.json?.text)).toContain('sentences must be a whole number');
    expect(JSON.stringify(ack.json?.blocks)).toContain('Usage: /summary');
    const umbrella = await command({ command: '/newsdesk', text: 'topics remove x', id: 'usage2' });
    expect(JSON.stringify(umbrella.json)).toContain('/newsdesk topics add');
  });

  it('sends /newsdesk help to the asker through response_url, naming commands the Slack way', async () => {
    const ack = await command({ command: '/newsdesk', text: 'help', id: 'help1' });
    expect(ack.body).toBe('');
    const response = await h.fake.waitForResponse((post) => post.id === 'help1');
    expect(response.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(response.body.blocks);
    expect(text).toContain('/newsdesk feeds add');
    expect(text).toContain('/summary');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('lets only admins, owners and allow-listed users run configuration commands', async () => {
    h.fake.users.set('U0READER', {});
    h.fake.users.set('U0ADMIN', { is_admin: true });
    await command({ command: '/newsdesk', text: 'topics add harbour', id: 'reader', user_id: 'U0READER' });
    const refusal = await h.fake.waitForResponse((post) => post.id === 'reader');
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(refusal.body)).toContain('workspace admin or owner');

    await command({ command: '/newsdesk', text: 'topics add harbour', id: 'admin', user_id: 'U0ADMIN' });
    expect(JSON.stringify((await h.fake.waitForResponse((post) => post.id === 'admin')).body)).toContain('Following “harbour”');

    await command({ command: '/newsdesk', text: 'topics add ferries', id: 'listed', user_id: 'U0LISTED' });
    expect(JSON.stringify((await h.fake.waitForResponse((post) => post.id === 'listed')).body)).toContain('Following “ferries”');
    // The allow-list needs no look-up.
    expect(h.fake.callsOf('users.info').map((call) => call.args.user)).toEqual(['U0READER', 'U0ADMIN']);
  });

  it('runs the real /feeds and /digest commands through /newsdesk, hints naming Slack commands', async () => {
    h.fake.users.set('U0OWNER', { is_owner: true });
    await command({ command: '/newsdesk', text: 'feeds list', id: 'feeds' });
    const feeds = await h.fake.waitForResponse((post) => post.id === 'feeds');
    expect(feeds.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(feeds.body.blocks)).toContain('Add one with /newsdesk feeds add &lt;link&gt;');

    await command({ command: '/newsdesk', text: 'digest schedule "daily 08:00" timezone:Europe/Malta', id: 'schedule', user_id: 'U0OWNER' });
    const confirmation = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS');
    expect(JSON.stringify(confirmation.args.blocks)).toMatch(/08:00/);

    await command({ command: '/newsdesk', text: 'digest now', id: 'now', user_id: 'U0OWNER' });
    // A UserError from the command: short, only for the asker, naming the Slack command.
    const refusal = await h.fake.waitForResponse((post) => post.id === 'now');
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(refusal.body)).toContain('follows no feeds yet. Add one with /newsdesk feeds add');
  });

  it('retries chat.postMessage after a 429 and posts once', async () => {
    h.fake.rateLimitNext('chat.postMessage', 0);
    await command({ command: '/summary', text: HARBOUR_ARTICLE, id: 'limited' });
    await h.fake.waitForCall('chat.postMessage');
    expect(h.fake.calls.filter((call) => call.method === 'chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('answers through response_url in a channel the bot is not in, and says how to get threads', async () => {
    h.fake.once('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await command({ command: '/summary', text: HARBOUR_ARTICLE, id: 'private', channel_id: 'G0PRIVATE' });
    const inChannel = await h.fake.waitForResponse((post) => post.id === 'private' && post.body.response_type === 'in_channel');
    expect(JSON.stringify(inChannel.body.blocks)).toContain('Grand Harbour');
    const hint = await h.fake.waitForResponse((post) => post.id === 'private' && post.body.response_type === 'ephemeral');
    expect(JSON.stringify(hint.body)).toContain('/invite @newsdesk');
  });
});

function allTextOf(call: ApiCall): string {
  return allText([{ text: String(call.args.text ?? ''), blocks: (call.args.blocks ?? []) as never }]);
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { APP_TOKEN, BOT_TOKEN, messageEventBody, slashCommandBody } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

/** A slash command as Socket Mode delivers it: the same fields as the HTTP form, as an object. */
function slashEnvelope(id: string, fields: { command: string; text: string; response_url: string }) {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: Object.fromEntries(new URLSearchParams(slashCommandBody(fields))),
  };
}

function eventEnvelope(id: string, body: string, retryAttempt = 0) {
  return {
    envelope_id: id,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt ? 'timeout' : '',
    payload: JSON.parse(body) as Record<string, unknown>,
  };
}

describe('slack in Socket Mode (real Bolt and socket-mode client against a fake Slack)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHarness(commands, { socketMode: true });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('opens the connection with the app token and listens on no HTTP port', () => {
    const open = h.fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(h.fake.callsOf('auth.test')[0]!.token).toBe(BOT_TOKEN);
    expect(h.slack.address).toBeUndefined();
  });

  it('acks a slash command envelope, then posts the answer; a question in its thread is answered there', async () => {
    const ack = await h.fake.sendEnvelope(slashEnvelope('env-1', { command: '/summary', text: HARBOUR_ARTICLE, response_url: h.fake.responseUrl('s1') }));
    expect(ack.envelope_id).toBe('env-1');
    expect(ack.payload ?? {}).toEqual({});
    const post = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS');
    expect(JSON.stringify(post.args.blocks)).toContain('Grand Harbour');

    const ts = String(post.result?.ts);
    const body = messageEventBody('Ev0SOCKET', { channel: 'C0NEWS', ts: '1760000999.000200', thread_ts: ts, text: 'Who is the harbour master?' });
    const eventAck = await h.fake.sendEnvelope(eventEnvelope('env-2', body));
    expect(eventAck.envelope_id).toBe('env-2');
    // Slack sends the event again when an ack is late; it is answered once.
    await h.fake.sendEnvelope(eventEnvelope('env-3', body, 1));
    const answer = await h.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(JSON.stringify(answer.args.blocks)).toContain('Camilleri');
    const handled = await h.waitForLogs((line) => line.eventId === 'Ev0SOCKET' && typeof line.outcome === 'string', 2);
    expect(handled.map((line) => line.outcome).sort()).toEqual(['answered', 'duplicate']);
    expect(h.fake.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
  });

  it('answers once when Slack delivers the same event twice at the same time (both sent before either is acked)', async () => {
    await h.fake.sendEnvelope(slashEnvelope('env-6', { command: '/summary', text: HARBOUR_ARTICLE, response_url: h.fake.responseUrl('s3') }));
    const ts = String((await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS')).result?.ts);
    const body = messageEventBody('Ev0RACE', { channel: 'C0NEWS', ts: '1760000999.000400', thread_ts: ts, text: 'Who is the harbour master?' });
    const acks = await h.fake.sendEnvelopes([eventEnvelope('env-7', body), eventEnvelope('env-8', body, 1)]);
    expect(acks.map((ack) => ack.envelope_id)).toEqual(['env-7', 'env-8']);
    const handled = await h.waitForLogs((line) => line.eventId === 'Ev0RACE' && typeof line.outcome === 'string', 2);
    expect(handled.map((line) => line.outcome).sort()).toEqual(['answered', 'duplicate']);
    expect(h.fake.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
  });

  it('puts the usage line of wrong input in the ack payload', async () => {
    const ack = await h.fake.sendEnvelope(slashEnvelope('env-4', { command: '/ask', text: '', response_url: h.fake.responseUrl('s2') }));
    expect(ack.envelope_id).toBe('env-4');
    const payload = ack.payload as Record<string, unknown>;
    expect(payload.response_type).toBe('ephemeral');
    expect(String(payload.text)).toContain('/ask needs question');
  });

  it('ignores messages in threads the bot did not open', async () => {
    const body = messageEventBody('Ev0OTHER', { channel: 'C0NEWS', ts: '1760000999.000300', thread_ts: '1700000000.000001', text: 'lunch?' });
    await h.fake.sendEnvelope(eventEnvelope('env-5', body));
    const [line] = await h.waitForLogs((entry) => entry.eventId === 'Ev0OTHER' && typeof entry.outcome === 'string', 1);
    expect(line!.outcome).toBe('unknown-thread');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });
});

describe('slack start-up errors', () => {
  it('refuses to start when Slack rejects the bot token, naming the variable', async () => {
    await expect(startHarness(commands, { env: { SLACK_BOT_TOKEN: 'xoxb-revoked' } })).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
  });

  it('refuses to start Socket Mode when Slack rejects the app token', async () => {
    await expect(startHarness(commands, { socketMode: true, env: { SLACK_APP_TOKEN: 'xapp-revoked' } })).rejects.toThrow(/SLACK_APP_TOKEN.*invalid_auth/);
  });
});

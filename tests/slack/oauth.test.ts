import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ChannelRef } from '../../src/core/platform.ts';
import { PlatformCallError } from '../../src/core/platform-error.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { CLIENT_ID, CLIENT_SECRET, eventCallbackBody, messageEventBody, postSigned, slashCommandBody, type FakeWorkspace } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: 'a-long-random-state-secret-for-tests',
};

const FEED_A = {
  id: 'feed-a',
  location: 'https://alpha.example.com/feed.xml',
  kind: 'url' as const,
  title: 'Alpha Valley Courier',
  addedAt: '2026-12-01T00:00:00Z',
};
const FEED_B = { id: 'feed-b', location: 'https://beta.example.org/rss', kind: 'url' as const, title: 'Beta Bay Ledger', addedAt: '2026-12-01T00:00:00Z' };

describe('slack in any workspace (OAuth, real Bolt against a fake Slack)', () => {
  let h: SlackHarness;
  let alpha: FakeWorkspace;
  let beta: FakeWorkspace;
  let base: string;

  beforeEach(async () => {
    h = await startHarness(commands, { env: OAUTH_ENV });
    alpha = h.fake.addWorkspace('T0ALPHA', 'Alpha Valley');
    beta = h.fake.addWorkspace('T0BETA', 'Beta Bay');
    base = h.eventsUrl.replace('/slack/events', '');
  });
  afterEach(async () => {
    await h.stop();
  });

  /** What an admin's browser does: open /slack/install, follow Slack back to the redirect with the code. */
  async function install(workspace: FakeWorkspace, options: { state?: string; cookie?: boolean } = {}): Promise<Response> {
    const page = await fetch(`${base}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const href = /href="([^"]*oauth\/v2\/authorize[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    const authorize = new URL(href ?? 'missing:');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('scope')).toContain('chat:write');
    const state = options.state ?? authorize.searchParams.get('state') ?? '';
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return fetch(`${base}/slack/oauth_redirect?code=${workspace.code}&state=${encodeURIComponent(state)}`, {
      headers: options.cookie === false ? {} : { cookie },
      redirect: 'manual',
    });
  }

  const command = (workspace: FakeWorkspace, fields: { command: string; text: string; id: string; channel_id: string }) =>
    postSigned(h.eventsUrl, slashCommandBody({ ...fields, team_id: workspace.teamId, response_url: h.fake.responseUrl(fields.id) }));

  const event = (workspace: FakeWorkspace, id: string, body: Record<string, unknown>) =>
    postSigned(h.eventsUrl, eventCallbackBody(id, body, workspace.teamId), { contentType: 'application/json' });

  it('starts without a token (no auth.test) and installs through /slack/install and /slack/oauth_redirect', async () => {
    expect(h.fake.callsOf('auth.test')).toHaveLength(0);
    const done = await install(alpha);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('slack://app?team=T0ALPHA');
    const exchange = await h.fake.waitForCall('oauth.v2.access');
    expect(exchange.args).toMatchObject({ code: alpha.code, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    // The installer asks Slack who the new token is (bot id) with that very token.
    expect(h.fake.callsOf('auth.test').map((call) => call.token)).toEqual([alpha.botToken]);
    const stored = (await h.services.stores.installations.get('team:T0ALPHA')) as { bot?: { token?: string; userId?: string } };
    expect(stored.bot).toMatchObject({ token: alpha.botToken, userId: alpha.botUserId });
    await h.waitForLog((line) => line.msg === 'slack: installed in a workspace' && line.tenant === 'T0ALPHA');
  });

  it('refuses a redirect whose state is not the browser’s own and stores nothing', async () => {
    const forged = await install(alpha, { state: 'forged-state' });
    expect(forged.status).not.toBe(200);
    const noCookie = await install(alpha, { cookie: false });
    expect(noCookie.status).not.toBe(200);
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(await h.services.stores.installations.get('team:T0ALPHA')).toBeUndefined();
  });

  it('answers two workspaces side by side, each with its own token', async () => {
    expect((await install(alpha)).status).toBe(200);
    expect((await install(beta)).status).toBe(200);
    const [ackA, ackB] = await Promise.all([
      command(alpha, { command: '/summary', text: HARBOUR_ARTICLE, id: 'sum-a', channel_id: 'C0ALPHA' }),
      command(beta, { command: '/summary', text: HARBOUR_ARTICLE, id: 'sum-b', channel_id: 'C0BETA' }),
    ]);
    expect([ackA.status, ackB.status]).toEqual([200, 200]);
    const postA = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0ALPHA');
    const postB = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0BETA');
    expect(postA.token).toBe(alpha.botToken);
    expect(postB.token).toBe(beta.botToken);

    // A question in Alpha's thread is answered in that thread with Alpha's token.
    const ts = String(postA.result?.ts);
    await postSigned(
      h.eventsUrl,
      messageEventBody(
        'Ev0ALPHAQ',
        { channel: 'C0ALPHA', ts: '1760000999.000100', thread_ts: ts, text: 'How long will the harbour stay closed?' },
        alpha.teamId,
      ),
      {
        contentType: 'application/json',
      },
    );
    const answer = await h.fake.waitForCall('chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(answer.token).toBe(alpha.botToken);

    // Digests (the scheduler's port) post with the channel's workspace token too.
    const digestA = await h.slack.port.post({ platform: 'slack', tenantId: alpha.teamId, channelId: 'C0ALPHA' }, { kind: 'text', text: 'Morning digest' });
    const digestB = await h.slack.port.post({ platform: 'slack', tenantId: beta.teamId, channelId: 'C0BETA' }, { kind: 'text', text: 'Morning digest' });
    const digestCalls = h.fake.callsOf('chat.postMessage').filter((call) => call.args.text === 'Morning digest');
    expect(digestCalls.map((call) => [call.args.channel, call.token])).toEqual([
      ['C0ALPHA', alpha.botToken],
      ['C0BETA', beta.botToken],
    ]);
    expect(digestA.id).not.toBe(digestB.id);
  });

  it('does not answer a workspace that never installed the app', async () => {
    const stranger = h.fake.addWorkspace('T0STRANGER');
    const ack = await command(stranger, { command: '/newsdesk', text: 'help', id: 'stranger', channel_id: 'C0STRANGE' });
    expect(ack.status).toBe(200);
    await h.waitForLog((line) => String(line.msg).includes('Authorization of incoming event did not succeed'));
    await expect(
      h.slack.port.post({ platform: 'slack', tenantId: stranger.teamId, channelId: 'C0STRANGE' }, { kind: 'text', text: 'hello' }),
    ).rejects.toMatchObject({
      kind: 'gone',
      code: 'not_installed',
    });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('shows each workspace its own channels, feeds, schedules and next runs on the App Home', async () => {
    await install(alpha);
    await install(beta);
    const channelA: ChannelRef = { platform: 'slack', tenantId: alpha.teamId, channelId: 'C0ALPHA' };
    const channelB: ChannelRef = { platform: 'slack', tenantId: beta.teamId, channelId: 'C0BETA' };
    await configure(channelA, FEED_A, true);
    await configure(channelB, FEED_B, false);
    // Commands typed in the channels are what the App Home knows them by.
    await command(alpha, { command: '/newsdesk', text: 'help', id: 'help-a', channel_id: 'C0ALPHA' });
    await command(beta, { command: '/newsdesk', text: 'help', id: 'help-b', channel_id: 'C0BETA' });
    await h.fake.waitForResponse((post) => post.id === 'help-a');
    await h.fake.waitForResponse((post) => post.id === 'help-b');

    await event(alpha, 'Ev0HOMEA', { type: 'app_home_opened', user: 'U0READER', channel: 'D0HOME', tab: 'home', event_ts: '1760000000.000001' });
    const published = await h.fake.waitForCall('views.publish');
    expect(published.token).toBe(alpha.botToken);
    expect(published.args.user_id).toBe('U0READER');
    const home = JSON.stringify(h.fake.views[0]!.view);
    expect(home).toContain('<#C0ALPHA>');
    expect(home).toContain('Alpha Valley Courier');
    expect(home).toContain('daily 08:00');
    expect(home).toMatch(/next \w{3}, \d{1,2} \w{3} \d{4}, 08:00 UTC/);
    expect(home).not.toContain('C0BETA');
    expect(home).not.toContain('Beta Bay Ledger');

    await event(beta, 'Ev0HOMEB', { type: 'app_home_opened', user: 'U0OTHER', channel: 'D0HOME2', tab: 'home', event_ts: '1760000000.000002' });
    const second = await h.fake.waitForCall('views.publish', (call) => call.token === beta.botToken);
    expect(second.args.user_id).toBe('U0OTHER');
    const homeB = JSON.stringify(h.fake.views[1]!.view);
    expect(homeB).toContain('Beta Bay Ledger');
    expect(homeB).toContain('No digest schedule');
    expect(homeB).not.toContain('C0ALPHA');
  });

  it('forgets a workspace that uninstalls (app_uninstalled) or revokes its bot token, without touching the other', async () => {
    await install(alpha);
    await install(beta);
    const channelA: ChannelRef = { platform: 'slack', tenantId: alpha.teamId, channelId: 'C0ALPHA' };
    const channelB: ChannelRef = { platform: 'slack', tenantId: beta.teamId, channelId: 'C0BETA' };
    await configure(channelA, FEED_A, true);
    await configure(channelB, FEED_B, true);
    await command(alpha, { command: '/newsdesk', text: 'help', id: 'help-a', channel_id: 'C0ALPHA' });
    await h.fake.waitForResponse((post) => post.id === 'help-a');

    h.fake.revoke(alpha.botToken);
    const ack = await event(alpha, 'Ev0UNINSTALL', { type: 'app_uninstalled', event_ts: '1760000000.000003' });
    expect(ack.status).toBe(200);
    await h.waitForLog(
      (line) => line.msg === 'slack: workspace removed the app; its tokens, schedules and feed subscriptions are deleted' && line.tenant === 'T0ALPHA',
    );
    const { newsroom, stores } = h.services;
    expect(await stores.installations.get('team:T0ALPHA')).toBeUndefined();
    expect(await newsroom.schedules.get(channelA)).toBeUndefined();
    expect(await newsroom.feeds.subscriptions(channelA)).toEqual([]);
    expect(await newsroom.feeds.allIds()).toEqual(['feed-b']);
    // Beta keeps everything, and is still answered with its own token.
    expect(await newsroom.schedules.get(channelB)).toMatchObject({ label: 'daily 08:00' });
    expect(await newsroom.feeds.subscriptions(channelB)).toHaveLength(1);
    expect(await stores.installations.get('team:T0BETA')).toBeDefined();
    const digest = await h.slack.port.post(channelB, { kind: 'text', text: 'Still here' });
    expect(digest.id).toBeTruthy();
    // Alpha's digests now fail as "gone" before any call to Slack.
    const refused = await h.slack.port.post(channelA, { kind: 'text', text: 'Not delivered' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlatformCallError);
    expect(h.fake.calls.filter((call) => call.args.text === 'Not delivered')).toHaveLength(0);

    // Beta revokes its bot token: forgotten too.
    await event(beta, 'Ev0REVOKED', { type: 'tokens_revoked', tokens: { bot: [beta.botUserId] }, event_ts: '1760000000.000004' });
    await h.waitForLog((line) => String(line.msg).startsWith('slack: workspace removed the app') && line.tenant === 'T0BETA');
    expect(await stores.installations.get('team:T0BETA')).toBeUndefined();
    expect(await newsroom.schedules.get(channelB)).toBeUndefined();
    expect(await newsroom.feeds.allIds()).toEqual([]);
  });

  async function configure(channel: ChannelRef, feed: typeof FEED_A, schedule: boolean): Promise<void> {
    const { newsroom, clock } = h.services;
    await newsroom.feeds.saveFeed(feed);
    await newsroom.feeds.subscribe(channel, feed.id, clock.now());
    if (schedule) await newsroom.schedules.set({ channel, cron: '0 8 * * *', timezone: 'UTC', label: 'daily 08:00', since: clock.now().toISOString() });
  }
});

describe('slack with one token: the App Home', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHarness(commands);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('publishes the App Home with the single token and says how to start when nothing is followed', async () => {
    await postSigned(
      h.eventsUrl,
      eventCallbackBody('Ev0HOME', { type: 'app_home_opened', user: 'U0READER', channel: 'D0HOME', tab: 'home', event_ts: '1760000000.000001' }),
      {
        contentType: 'application/json',
      },
    );
    const published = await h.fake.waitForCall('views.publish');
    expect(published.token).toBe('xoxb-test-bot-token');
    expect(JSON.stringify(h.fake.views[0]!.view)).toContain('No channel follows a feed yet');
  });

  it('ignores the Messages tab being opened', async () => {
    await postSigned(
      h.eventsUrl,
      eventCallbackBody('Ev0MSGTAB', { type: 'app_home_opened', user: 'U0READER', channel: 'D0HOME', tab: 'messages', event_ts: '1760000000.000001' }),
      {
        contentType: 'application/json',
      },
    );
    await postSigned(
      h.eventsUrl,
      eventCallbackBody('Ev0HOME2', { type: 'app_home_opened', user: 'U0SECOND', channel: 'D0HOME', tab: 'home', event_ts: '1760000000.000002' }),
      {
        contentType: 'application/json',
      },
    );
    await h.fake.waitForCall('views.publish');
    expect(h.fake.views.map((view) => view.userId)).toEqual(['U0SECOND']);
  });
});

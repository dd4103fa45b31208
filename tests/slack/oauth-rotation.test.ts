import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { CLIENT_ID, CLIENT_SECRET, postSigned, slashCommandBody, type FakeWorkspace } from './fake-slack.ts';
import { startHarness, type SlackHarness } from './harness.ts';

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: 'a-long-random-state-secret-for-tests',
};

interface StoredInstall {
  isEnterpriseInstall?: boolean;
  enterprise?: { id?: string };
  team?: { id?: string } | null;
  bot?: { token?: string; refreshToken?: string; expiresAt?: number };
}

describe('slack OAuth: rotating tokens and Enterprise Grid org-wide installs (real Bolt against a fake Slack)', () => {
  let h: SlackHarness;
  let base: string;

  beforeEach(async () => {
    h = await startHarness(commands, { env: OAUTH_ENV });
    base = h.eventsUrl.replace('/slack/events', '');
  });
  afterEach(async () => {
    await h.stop();
  });

  /** The admin's browser: /slack/install, then Slack's redirect back with the workspace's code. */
  async function install(workspace: FakeWorkspace): Promise<void> {
    const page = await fetch(`${base}/slack/install`);
    const href = /href="([^"]*oauth\/v2\/authorize[^"]*)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&');
    const state = new URL(href ?? 'missing:').searchParams.get('state') ?? '';
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const done = await fetch(`${base}/slack/oauth_redirect?code=${workspace.code}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(200);
  }

  it('stores a rotating token with its refresh token, refreshes it before use when it expires within two hours, and posts with the new one', async () => {
    // Slack's rotating tokens last 12 hours; this one has one hour left, inside Bolt's two-hour window.
    const rotating = h.fake.addRotatingWorkspace('T0ROTATE', 3600);
    const firstToken = rotating.botToken;
    await install(rotating);
    const installed = (await h.services.stores.installations.get('team:T0ROTATE')) as StoredInstall;
    expect(installed.bot).toMatchObject({ token: firstToken, refreshToken: rotating.rotation!.refreshToken });
    expect(installed.bot!.expiresAt! - Date.now() / 1000).toBeGreaterThan(3500);
    expect(h.fake.callsOf('oauth.v2.access').filter((call) => call.args.grant_type === 'refresh_token')).toHaveLength(0);

    const ack = await postSigned(
      h.eventsUrl,
      slashCommandBody({ command: '/summary', text: HARBOUR_ARTICLE, team_id: 'T0ROTATE', channel_id: 'C0ROT', response_url: h.fake.responseUrl('rot-1') }),
    );
    expect(ack.status).toBe(200);
    const refresh = await h.fake.waitForCall('oauth.v2.access', (call) => call.args.grant_type === 'refresh_token');
    expect(refresh.args).toMatchObject({ refresh_token: 'xoxe-1-t0rotate-r1', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const newToken = h.fake.tokenOf('T0ROTATE');
    expect(newToken).not.toBe(firstToken);
    // The answer went out with the new token (the old one no longer works at the fake, as at Slack).
    const post = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0ROT');
    expect(post.token).toBe(newToken);
    expect(post.status).toBe(200);
    const refreshed = (await h.services.stores.installations.get('team:T0ROTATE')) as StoredInstall;
    expect(refreshed.bot).toMatchObject({ token: newToken, refreshToken: 'xoxe-1-t0rotate-r2' });
    expect(refreshed.bot!.expiresAt! - Date.now() / 1000).toBeGreaterThan(43_000);

    // A scheduled digest (the port, as the scheduler uses it) takes the stored new token; no second refresh.
    await h.slack.port.post({ platform: 'slack', tenantId: 'T0ROTATE', channelId: 'C0ROT' }, { kind: 'text', text: 'Rotated digest' });
    const digest = h.fake.callsOf('chat.postMessage').find((call) => call.args.text === 'Rotated digest');
    expect(digest?.token).toBe(newToken);
    expect(h.fake.callsOf('oauth.v2.access').filter((call) => call.args.grant_type === 'refresh_token')).toHaveLength(1);
  });

  it('stores an org-wide install under its enterprise id and serves the org’s workspaces with its token, commands and digests', async () => {
    const org = h.fake.addEnterprise('E0GRID');
    await install(org);
    const stored = (await h.services.stores.installations.get('enterprise:E0GRID')) as StoredInstall;
    expect(stored).toMatchObject({ isEnterpriseInstall: true, enterprise: { id: 'E0GRID' }, bot: { token: org.botToken } });
    expect(await h.services.stores.installations.get('team:T0WEST')).toBeUndefined();

    // A workspace of the org that never installed on its own is answered with the org's token.
    const ack = await postSigned(
      h.eventsUrl,
      slashCommandBody({
        command: '/summary',
        text: HARBOUR_ARTICLE,
        team_id: 'T0WEST',
        enterprise_id: 'E0GRID',
        channel_id: 'C0WEST',
        response_url: h.fake.responseUrl('grid-1'),
      }),
    );
    expect(ack.status).toBe(200);
    const answer = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0WEST');
    expect(answer.token).toBe(org.botToken);

    // The digest names only the channel's workspace: the org's token is found for it.
    await h.slack.port.post({ platform: 'slack', tenantId: 'T0WEST', channelId: 'C0WEST' }, { kind: 'text', text: 'Grid digest' });
    expect(h.fake.callsOf('chat.postMessage').find((call) => call.args.text === 'Grid digest')?.token).toBe(org.botToken);
    // A workspace outside any install is still refused before any call to Slack.
    await expect(h.slack.port.post({ platform: 'slack', tenantId: 'T0ELSEWHERE', channelId: 'C0X' }, { kind: 'text', text: 'Nobody' })).rejects.toMatchObject({
      code: 'not_installed',
    });
  });
});

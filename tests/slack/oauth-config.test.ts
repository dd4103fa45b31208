import { describe, expect, it } from 'vitest';
import { loadConfig, slackConfigured } from '../../src/config.ts';

const OAUTH = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 'signing' };

describe('Slack distribution settings', () => {
  it('runs Slack with the three OAuth variables and no bot token', () => {
    const config = loadConfig(OAUTH);
    expect(slackConfigured(config)).toBe(true);
    expect(slackConfigured(loadConfig({}))).toBe(false);
  });

  it('names the missing OAuth variables', () => {
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' })).toThrowError(/SLACK_CLIENT_SECRET and SLACK_STATE_SECRET missing/);
    expect(() => loadConfig({ ...OAUTH, SLACK_SIGNING_SECRET: '' })).toThrowError(/SLACK_SIGNING_SECRET is missing/);
  });

  it('refuses a bot token or Socket Mode beside OAuth, saying which to keep', () => {
    expect(() => loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrowError(/either SLACK_BOT_TOKEN .* not both/);
    expect(() => loadConfig({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' })).toThrowError(/unset SLACK_APP_TOKEN/);
    expect(() => loadConfig({ ...OAUTH, SLACK_REDIRECT_URI: 'not a url' })).toThrowError(/SLACK_REDIRECT_URI/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('has working defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DATA_DIR: './data', POLL_INTERVAL_MINUTES: 15, PORT: 3000, FETCH_ALLOW_HOSTS: [], SLACK_ADMIN_USERS: [] });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('splits lists and treats empty values as unset', () => {
    const config = loadConfig({ FETCH_ALLOW_HOSTS: '127.0.0.1:8080, localhost', OPENAI_API_KEY: '' });
    expect(config.FETCH_ALLOW_HOSTS).toEqual(['127.0.0.1:8080', 'localhost']);
    expect(config.OPENAI_API_KEY).toBeUndefined();
  });

  it('names the wrong variable and says what to put there', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'localhost' })).toThrowError(/REDIS_URL: must be a URL such as redis:\/\/127.0.0.1:6379/);
    expect(() => loadConfig({ DISCORD_TOKEN: 'x' })).toThrowError(/DISCORD_APP_ID is missing/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrowError(/SLACK_SIGNING_SECRET is missing/);
  });
});

import { describe, expect, it } from 'vitest';
import { shardingOf } from '../../src/adapters/discord/client.ts';
import { loadConfig } from '../../src/config.ts';

const BASE = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '1' };

describe('Discord shard settings', () => {
  it('runs every recommended shard by default', () => {
    expect(shardingOf(loadConfig(BASE))).toEqual({ shards: 'auto' });
    expect(shardingOf(loadConfig({ ...BASE, DISCORD_SHARDS: 'auto' }))).toEqual({ shards: 'auto' });
  });

  it('reads lists and ranges of shard ids out of the total', () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(shardingOf(loadConfig({ ...BASE, ...redis, DISCORD_SHARDS: '2-4', DISCORD_SHARD_COUNT: '8' }))).toEqual({ shards: [2, 3, 4], shardCount: 8 });
    expect(shardingOf(loadConfig({ ...BASE, ...redis, DISCORD_SHARDS: '5, 1,1-2', DISCORD_SHARD_COUNT: '8' }))).toEqual({ shards: [1, 2, 5], shardCount: 8 });
    // Every shard in one process needs no shared store.
    expect(shardingOf(loadConfig({ ...BASE, DISCORD_SHARDS: '0-1', DISCORD_SHARD_COUNT: '2' }))).toEqual({ shards: [0, 1], shardCount: 2 });
  });

  it('says what is wrong with a shard setting', () => {
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: 'first' })).toThrowError(/DISCORD_SHARDS: must be "auto", shard ids/);
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: '3-1' })).toThrowError(/DISCORD_SHARDS/);
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: '0-1' })).toThrowError(/DISCORD_SHARD_COUNT is missing/);
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: '0-4', DISCORD_SHARD_COUNT: '4', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrowError(
      /names shard 4, but shards are numbered 0 to 3/,
    );
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: '0', DISCORD_SHARD_COUNT: '2' })).toThrowError(/set REDIS_URL/);
    expect(() => loadConfig({ ...BASE, DISCORD_SHARD_COUNT: '2' })).toThrowError(/DISCORD_SHARDS is "auto"/);
  });
});

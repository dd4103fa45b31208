import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { shortId } from '../../src/core/hash.ts';
import type { Article } from '../../src/core/types.ts';
import { MemoryLocks } from '../../src/scheduler/locks.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { bandKeys, packSignature, signature, similarity, storyTerms, unpackSignature } from '../../src/stories/fingerprint.ts';
import { StoryStore } from '../../src/stories/story-store.ts';
import { bridgeGazette, bridgeHerald, bridgeHeraldAmp, bridgeOther, bridgeWire, budget, football, type FixtureItem } from './fixtures.ts';

const article = (item: FixtureItem): Article => ({ id: shortId(item.url), text: item.text, title: item.title, url: item.url, siteName: item.siteName });
const sig = (item: FixtureItem) => signature(storyTerms(item.title, item.text));

let dir: string;
let stores: Stores;
let clock: ManualClock;
let stories: StoryStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
  stores = createStores({ dataDir: dir });
  clock = new ManualClock('2026-11-26T12:00:00Z');
  stories = new StoryStore(stores.stories, new MemoryLocks(clock));
});

afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fingerprints', () => {
  it('scores rewrites of one event far above stories that only share words', () => {
    const same = [
      similarity(sig(bridgeHerald), sig(bridgeGazette)),
      similarity(sig(bridgeHerald), sig(bridgeWire)),
      similarity(sig(bridgeGazette), sig(bridgeWire)),
    ];
    const different = [bridgeOther, football, budget].flatMap((other) =>
      [bridgeHerald, bridgeGazette, bridgeWire].map((bridge) => similarity(sig(bridge), sig(other))),
    );
    expect(Math.min(...same)).toBeGreaterThan(0.3);
    expect(Math.max(...different)).toBeLessThan(0.2);
  });
});

/** Two made-up term sets of 60 terms sharing `shared` of them (Jaccard shared / (120 - shared)). */
function overlappingSets(pair: number, shared: number): [string[], string[]] {
  const common = Array.from({ length: shared }, (_, i) => `common${pair}x${i}`);
  const own = (side: string) => Array.from({ length: 60 - shared }, (_, i) => `${side}${pair}x${i}`);
  return [
    [...common, ...own('left')],
    [...common, ...own('right')],
  ];
}

describe('fingerprints over many sets', () => {
  it('estimates similarity without bias when terms differ only in their last characters', () => {
    // Like a feed of generated names: the same stems with a different number, plus four shared words.
    const sets = Array.from({ length: 40 }, (_, k) => [
      'harbour',
      'close',
      'repair',
      'tuesdai',
      ...Array.from({ length: 24 }, (_, j) => `${['ka', 'lo', 'mi', 'ren', 'tas', 'vu'][j % 6]}${['dor', 'pin', 'sha', 'gri'][j % 4]}${j}x${k}`),
    ]);
    const trueJaccard = 4 / (28 + 28 - 4);
    const sigs = sets.map((set) => signature(set));
    const estimates = sigs.flatMap((a, i) => sigs.slice(i + 1).map((b) => similarity(a, b)));
    const mean = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
    expect(Math.abs(mean - trueJaccard)).toBeLessThan(0.015);
  });

  it('stores a signature packed and reads it back unchanged; an empty or old-format one compares as nothing', () => {
    const herald = sig(bridgeHerald);
    expect(unpackSignature(packSignature(herald))).toEqual(herald);
    expect(packSignature(signature([]))).toBe('');
    expect(similarity(herald, unpackSignature(''))).toBe(0);
    expect(similarity(herald, unpackSignature([1, 2, 3]))).toBe(0);
  });

  it('makes almost every pair at Jaccard 0.19 a look-up candidate (they share a band)', () => {
    let found = 0;
    for (let pair = 0; pair < 300; pair++) {
      const [a, b] = overlappingSets(pair, 19).map((set) => new Set(bandKeys(signature(set))));
      if ([...a!].some((band) => b!.has(band))) found++;
    }
    expect(found / 300).toBeGreaterThan(0.93);
  });
});

describe('story grouping', () => {
  it('makes one story, listing every outlet, of one event covered by three feeds', async () => {
    const ids = [
      await stories.add(article(bridgeHerald), 'feed-herald', 'Eastvale Herald', clock.now()),
      await stories.add(article(bridgeGazette), 'feed-gazette', 'Valley Gazette', clock.now()),
      await stories.add(article(bridgeWire), 'feed-wire', 'Regional Wire', clock.now()),
    ];
    expect(new Set(ids).size).toBe(1);
    const story = await stories.get(ids[0]!);
    expect(story?.members.map((member) => member.source)).toEqual(['Eastvale Herald', 'Valley Gazette', 'Regional Wire']);
  });

  it('matches a story kept before its match head was (a record alone) as before', async () => {
    const id = await stories.add(article(bridgeHerald), 'feed-herald', 'Eastvale Herald', clock.now());
    expect(await stores.stories.get(`h:${id}`)).toBeDefined();
    await stores.stories.delete(`h:${id}`);
    expect(await stories.add(article(bridgeGazette), 'feed-gazette', 'Valley Gazette', clock.now())).toBe(id);
  });

  it('folds URL variants (AMP, mobile host, tracking parameters) into the same story', async () => {
    const a = await stories.add(article(bridgeHerald), 'feed-1', 'Eastvale Herald', clock.now());
    const b = await stories.add(article(bridgeHeraldAmp), 'feed-2', 'Eastvale Herald', clock.now());
    expect(b).toBe(a);
  });

  it('keeps different events apart, even with shared vocabulary', async () => {
    const ids = await Promise.all(
      [bridgeHerald, bridgeOther, football, budget].map((item, i) => stories.add(article(item), `feed-${i}`, item.siteName, clock.now())),
    );
    expect(new Set(ids).size).toBe(4);
  });

  it('a big event of 60 outlets keeps every outlet, but compares new articles with, and keeps signatures of, only its first and 31 most recent', async () => {
    const outlet = (n: number): Article => ({
      ...article(bridgeHerald),
      id: `outlet-${n}`,
      url: `https://outlet-${n}.example/bridge`,
      text: `${bridgeHerald.text} Outlet ${n} adds that traffic was diverted for ${n} minutes.`,
    });
    const ids = new Set<string>();
    for (let n = 0; n < 60; n++) ids.add(await stories.add(outlet(n), `feed-${n}`, `Outlet ${n}`, clock.now()));
    expect(ids.size).toBe(1);
    const [id] = ids;
    const story = (await stories.get(id!))!;
    expect(story.members.map((member) => member.feedIds[0])).toEqual(Array.from({ length: 60 }, (_, n) => `feed-${n}`));
    const signed = story.members.flatMap((member, index) => (member.signature ? [index] : []));
    expect(signed).toEqual([0, ...Array.from({ length: 31 }, (_, n) => 29 + n)]);
    // Another outlet's rewrite still joins it.
    expect(await stories.add(article(bridgeGazette), 'feed-gazette', 'Valley Gazette', clock.now())).toBe(id);
  });

  it('does not join a story first seen more than two days earlier', async () => {
    const old = await stories.add(article(bridgeHerald), 'feed-1', 'Eastvale Herald', clock.now());
    clock.advance(3 * 24 * 3_600_000);
    const fresh = await stories.add(article(bridgeGazette), 'feed-2', 'Valley Gazette', clock.now());
    expect(fresh).not.toBe(old);
  });
});

describe('story grouping on Redis', () => {
  it('groups one event from three feeds into one story with every outlet', async () => {
    const redisStores = createStores({ dataDir: '/nonexistent', redisUrl: 'redis://127.0.0.1:6379', redisPrefix: `newsdesk-test-${randomUUID()}` });
    try {
      const onRedis = new StoryStore(redisStores.stories, new MemoryLocks(clock));
      const ids = [
        await onRedis.add(article(bridgeHerald), 'feed-herald', 'Eastvale Herald', clock.now()),
        await onRedis.add(article(bridgeGazette), 'feed-gazette', 'Valley Gazette', clock.now()),
        await onRedis.add(article(bridgeWire), 'feed-wire', 'Regional Wire', clock.now()),
        await onRedis.add(article(football), 'feed-sport', 'Sport Daily', clock.now()),
      ];
      expect(new Set(ids.slice(0, 3)).size).toBe(1);
      expect(ids[3]).not.toBe(ids[0]);
      expect((await onRedis.get(ids[0]!))?.members.map((member) => member.source)).toEqual(['Eastvale Herald', 'Valley Gazette', 'Regional Wire']);
    } finally {
      await redisStores.stories.clear();
      await redisStores.close();
    }
  });
});

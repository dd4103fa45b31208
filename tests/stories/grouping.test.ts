import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { shortId } from '../../src/core/hash.ts';
import type { Article } from '../../src/core/types.ts';
import { MemoryLocks } from '../../src/scheduler/locks.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { signature, similarity, storyTerms } from '../../src/stories/fingerprint.ts';
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
    const same = [similarity(sig(bridgeHerald), sig(bridgeGazette)), similarity(sig(bridgeHerald), sig(bridgeWire)), similarity(sig(bridgeGazette), sig(bridgeWire))];
    const different = [bridgeOther, football, budget].flatMap((other) => [bridgeHerald, bridgeGazette, bridgeWire].map((bridge) => similarity(sig(bridge), sig(other))));
    expect(Math.min(...same)).toBeGreaterThan(0.3);
    expect(Math.max(...different)).toBeLessThan(0.2);
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

  it('folds URL variants (AMP, mobile host, tracking parameters) into the same story', async () => {
    const a = await stories.add(article(bridgeHerald), 'feed-1', 'Eastvale Herald', clock.now());
    const b = await stories.add(article(bridgeHeraldAmp), 'feed-2', 'Eastvale Herald', clock.now());
    expect(b).toBe(a);
  });

  it('keeps different events apart, even with shared vocabulary', async () => {
    const ids = await Promise.all([bridgeHerald, bridgeOther, football, budget].map((item, i) => stories.add(article(item), `feed-${i}`, item.siteName, clock.now())));
    expect(new Set(ids).size).toBe(4);
  });

  it('does not join a story first seen more than two days earlier', async () => {
    const old = await stories.add(article(bridgeHerald), 'feed-1', 'Eastvale Herald', clock.now());
    clock.advance(3 * 24 * 3_600_000);
    const fresh = await stories.add(article(bridgeGazette), 'feed-2', 'Valley Gazette', clock.now());
    expect(fresh).not.toBe(old);
  });
});

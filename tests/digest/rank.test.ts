import { describe, expect, it } from 'vitest';
import { RECENCY_HALF_LIFE_MS, SOURCE_WEIGHT, rankStories, storyScore } from '../../src/digest/rank.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const story = (id: string, sourceCount: number, ageMs = 0) => ({ id, newestAt: NOW - ageMs, sourceCount });

describe('digest ranking', () => {
  it('counts sources up to five: a sixth outlet adds nothing, a fifth still does', () => {
    const score = (sources: number) => storyScore(story('s', sources), NOW);
    expect(score(2) - score(1)).toBeCloseTo(SOURCE_WEIGHT);
    expect(score(5) - score(4)).toBeCloseTo(SOURCE_WEIGHT);
    expect(score(5)).toBeCloseTo(1 + 4 * SOURCE_WEIGHT);
    expect(score(6)).toBe(score(5));
    expect(score(40)).toBe(score(5));
  });

  it('lets a fresher story beat one with more than five sources, once the cap stops the source bonus', () => {
    // A story 12 h old (recency 0.5) with 6 or 60 sources scores 0.5 + 4 × 0.35 = 1.9; a fresh one
    // with 5 sources scores 1 + 1.4 = 2.4. Without the cap, 6 sources would give 2.25 and 60 would win.
    const crowded = story('crowded', 60, RECENCY_HALF_LIFE_MS);
    const fresh = story('fresh', 5);
    expect(rankStories([crowded, fresh], NOW).map((s) => s.id)).toEqual(['fresh', 'crowded']);
    // Below the cap, sources still count: 5 sources 12 h old beat 2 fresh ones (1.9 > 1.35).
    expect(rankStories([story('two', 2), story('five-old', 5, RECENCY_HALF_LIFE_MS)], NOW).map((s) => s.id)).toEqual(['five-old', 'two']);
  });
});

import type { PlatformName } from '../core/platform.ts';
import type { Story } from '../core/types.ts';
import { topTags } from '../core/top-tags.ts';

/**
 * How much one digest message may carry. Discord: 10 embeds and 6,000 characters across them per
 * message (one embed per story, the header in the content); Slack: 50 blocks (about 4 per story plus
 * a header) and long block text is refused (msg_blocks_too_long). The renderers enforce the hard limits;
 * these budgets keep each part well inside them so nothing gets cut.
 */
export interface PartBudget {
  maxStories: number;
  maxChars: number;
}

export const PART_BUDGETS: Record<PlatformName, PartBudget> = {
  discord: { maxStories: 9, maxChars: 5_000 },
  slack: { maxStories: 10, maxChars: 10_000 },
  console: { maxStories: 20, maxChars: 40_000 },
};

/** A generous estimate of what a story costs in a rendered message. */
export function storySize(story: Story): number {
  const summary = story.analysis.summary.reduce((sum, sentence) => sum + (sentence.shown ?? sentence.text).length + 1, 0);
  const tags = Object.values(topTags(story.analysis.tags))
    .flat()
    .reduce((sum, tag) => sum + tag.length + 2, 0);
  const sources = story.sources.reduce((sum, source) => sum + source.name.length + (source.url?.length ?? 0) + 6, 0);
  return story.title.length + summary + tags + sources + 120;
}

/** Consecutive groups of stories, each inside the budget (a story too big alone still gets its own part). */
export function splitStories(stories: Story[], budget: PartBudget): Story[][] {
  const parts: Story[][] = [];
  let current: Story[] = [];
  let size = 0;
  for (const story of stories) {
    const cost = storySize(story);
    if (current.length > 0 && (current.length >= budget.maxStories || size + cost > budget.maxChars)) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(story);
    size += cost;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

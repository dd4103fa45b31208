import { FollowIndex } from '../src/features/follow-index.ts';
import { nameKey, type NamedEntity } from '../src/features/names.ts';
import type { Follow } from '../src/features/store.ts';

// Matching follows against new stories (issue 19 target: 10,000 follows across 1,000 people against
// 1,000 new stories in at most 1 s of CPU). Names are made up from syllables; each story names a dozen
// people, organisations, places and topics, some of them followed under a shorter or titled form
// ("Rendor", "President Kalo Rendor"). The engine's analysis of each story is cached and measured in
// the engine bench; this is the cost the follows add: building the index and matching every story.

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'zel', 'dor', 'pin', 'sha', 'gri', 'bel', 'nox', 'ter', 'qui', 'fam'];
const TOPICS = ['elections', 'climate', 'shipping', 'health', 'energy', 'football', 'courts', 'housing', 'farming', 'space'];

function word(seed: number): string {
  let value = (seed * 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length);
  }
  return out[0]!.toUpperCase() + out.slice(1);
}

const people = Array.from({ length: 3000 }, (_, i) => `${word(i * 2 + 1)} ${word(i * 2 + 2)}`);
const orgs = Array.from({ length: 500 }, (_, i) => `${word(10_000 + i)} ${['Ministry', 'Council', 'Lines', 'Board'][i % 4]}`);

function follows(count: number, users: number): Follow[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = (i * 7919) % 100;
    const person = people[(i * 31) % people.length]!;
    const name =
      pick < 50
        ? person
        : pick < 70
          ? person.split(' ')[1]!
          : pick < 80
            ? `President ${person}`
            : pick < 90
              ? orgs[(i * 13) % orgs.length]!
              : TOPICS[i % TOPICS.length]!;
    return { userId: `u${i % users}`, name, key: nameKey(name), addedAt: '2026-11-24T00:00:00Z' };
  });
}

function stories(count: number): NamedEntity[][] {
  return Array.from({ length: count }, (_, s) => [
    ...Array.from({ length: 8 }, (_, k) => ({ name: people[(s * 17 + k * 101) % people.length]!, kind: 'person' as const })),
    ...Array.from({ length: 2 }, (_, k) => ({ name: orgs[(s * 5 + k * 37) % orgs.length]!, kind: 'organization' as const })),
    { name: word(20_000 + (s % 50)), kind: 'place' as const },
    { name: TOPICS[s % TOPICS.length]!, kind: 'topic' as const },
  ]);
}

export async function run(): Promise<void> {
  const list = follows(10_000, 1_000);
  const news = stories(1_000);
  // Warm-up (JIT), then measured: CPU time, not wall time, on a shared machine.
  new FollowIndex(list.slice(0, 500)).match(news[0]!);
  const started = process.cpuUsage();
  const index = new FollowIndex(list);
  let messages = 0;
  for (const entities of news) messages += index.match(entities).size;
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  console.log(`follows: ${list.length} follows of 1000 people, ${news.length} new stories of ${news[0]!.length} entities each`);
  console.log(
    `follows: index + matching ${ms.toFixed(1)} ms CPU (target ≤ 1000 ms), ${messages} person-story matches (${(messages / news.length).toFixed(1)} people told per story)`,
  );
}

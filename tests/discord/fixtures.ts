import type { Analysis, Article, Story } from '../../src/core/types.ts';

// Fictional articles written for these tests.

export const harbourArticle: Article = {
  id: 'harbour-bridge',
  title: 'Port Elwin opens its new harbour bridge after four years of work',
  url: 'https://news.example.org/port-elwin-bridge',
  siteName: 'Elwin Herald',
  publishedAt: '2026-03-14T09:30:00Z',
  text: [
    'The town of Port Elwin opened its new harbour bridge on Friday, ending four years of construction that closed the old ferry route.',
    'The bridge cost 42 million euros and carries two lanes of traffic, a cycle path and a footpath across the harbour mouth.',
    '"This bridge joins the two halves of our town for the first time in a century," said mayor Ilse Varga at the ceremony.',
    'Engineers said the span was built to withstand winter storms that regularly close the harbour.',
    'Work began in March 2022 and was delayed twice by flooding in the autumn of 2023.',
    'Local traders expect more visitors this summer, and the ferry company will move its boats to the northern islands in May.',
    '"We will miss the crossing, but the islands need us more," the ferry captain, Tomas Berg, said.',
  ].join(' '),
};

export const orchardArticle: Article = {
  id: 'orchard-harvest',
  title: 'Cold spring halves the apple harvest in the Vell valley',
  url: 'https://farm.example.net/vell-apples',
  siteName: 'Valley Farmer',
  publishedAt: '2026-09-02T07:00:00Z',
  text: [
    'Apple growers in the Vell valley expect to pick half their usual harvest this year after a late frost in April damaged the blossom.',
    'The growers association said 120 farms reported losses, most of them on the higher slopes.',
    '"We lost nearly everything above the river," said grower Anja Lind, whose family has farmed there since 1950.',
    'Cider makers in the valley will buy fruit from neighbouring regions to keep their presses running until December.',
    'The regional council has promised a relief fund and will publish the rules for claims next week.',
  ].join(' '),
};

/** An article whose text tries to ping: it must reach nobody. */
export const pingArticle: Article = {
  id: 'ping-attempt',
  title: 'Choir festival @everyone moves to the old market hall',
  url: 'https://culture.example.com/choir-festival',
  siteName: 'Culture Weekly',
  publishedAt: '2026-05-20T12:00:00Z',
  text: [
    'The spring choir festival will move to the old market hall this year @everyone, the organisers announced on Tuesday.',
    'Tickets sold out within a day, and <@&223344556677889900> members of the festival board thanked <@112233445566778899> for the loan of the hall.',
    '"The hall holds six hundred people and sounds wonderful," said organiser Mara Holt @here.',
    'The festival opens on June 12 and closes with a joint concert of all twelve choirs.',
  ].join(' '),
};

export const fixtureArticles = [harbourArticle, orchardArticle, pingArticle];

/** Sentences of made-up words-and-numbers prose, for texts longer than any Discord limit. */
export function longProse(sentences: number, seed = 'report'): string {
  const words = ['council', 'harbour', 'budget', 'river', 'engineers', 'growers', 'festival', 'market', 'winter', 'northern', 'traders', 'bridge'];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const picked = Array.from({ length: 8 + (i % 9) }, (_, j) => words[(i * 7 + j * 3) % words.length]);
    out.push(`The ${seed} ${i + 1} says the ${picked.join(' ')} met again on day ${i + 1}.`);
    if (i % 6 === 5) out.push('\n\n');
  }
  return out.join(' ').replace(/ \n\n /g, '\n\n');
}

export function fakeAnalysis(article: Article, overrides: Partial<Analysis> = {}): Analysis {
  return {
    articleId: article.id,
    contentHash: `hash-${article.id}`,
    engine: { name: 'embedded', version: '1' },
    summary: [{ text: article.text.split('. ')[0] ?? article.text }],
    tags: { people: [], organizations: [], places: [], topics: [] },
    quotes: [],
    timeline: [],
    ...overrides,
  };
}

export function storyOf(article: Article, analysis: Analysis, sources = 1): Story {
  return {
    id: `story-${article.id}`,
    title: article.title ?? article.id,
    articles: [article],
    analysis,
    sources: Array.from({ length: sources }, (_, i) => ({ name: `Outlet ${i + 1}`, url: `https://outlet${i + 1}.example.com/${article.id}` })),
    firstSeenAt: '2026-03-14T10:00:00Z',
  };
}

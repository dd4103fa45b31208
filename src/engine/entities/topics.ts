// Subject labels and the words that signal them. A label needs several hits in the text, so a
// passing mention of "vote" does not make a story about elections. Two-word entries are phrases
// (`_` stands for the one space between their words; a hyphen is written as such).
const TOPICS: [string, string][] = [
  ['elections', 'elect election elections electoral elected vote votes voted voter voters voting ballot ballots poll polls polling campaign campaigns campaigning candidate candidates nominee primary primaries debate debates swing_state swing_states turnout'],
  ['politics', 'congress senate senator senators lawmaker lawmakers legislation legislature legislative parliament republican republicans democrat democrats partisan bipartisan white_house administration governor'],
  ['economy', 'economy economic economies economist economists inflation gdp recession unemployment job jobs wage wages interest_rate interest_rates growth market markets stock stocks investor investors trade tariff tariffs tax taxe taxes taxs budget deficit debt'],
  ['business', 'company companies firm firms shares profit profits revenue earnings ceo chief_executive merger acquisition startup startups industry corporate'],
  ['climate', 'climate global_warming emission emissions carbon greenhouse fossil_fuel fossil_fuels renewable coal solar wind_power'],
  ['energy', 'oil gas energy pipeline pipelines opec electricity nuclear_power power_plant power_plants fuel'],
  ['health', 'health hospital hospitals doctor doctors patient patients disease virus vaccine vaccines medical medicine pandemic epidemic obamacare insurance'],
  ['immigration', 'immigration immigrant immigrants migrant migrants refugee refugees asylum border deport deportation deported visa visas'],
  ['crime and justice', 'police crime crimes criminal arrest arrested arrests shooting shot murder prison court judge trial jury prosecutor prosecutors lawsuit indicted indictment'],
  ['security and defence', 'military troops army war missile missiles weapon weapons defense defence pentagon nato terror terrorism terrorist terrorists attack attacks nuclear intelligence security'],
  ['diplomacy', 'diplomat diplomats diplomatic foreign_minister summit sanctions treaty ambassador talks negotiation negotiations allies bilateral'],
  ['technology', 'technology tech software internet online digital artificial_intelligence ai cyber cybersecurity hacker hackers hacking data smartphone smartphones social_media'],
  ['education', 'school schools student students teacher teachers university universities college education tuition'],
  ['race and civil rights', 'racial racism racist civil_rights black_lives african-american african-americans discrimination segregation protest protests protesters'],
  ['media', 'journalist journalists journalism newspaper newspapers reporter reporters media broadcast television network tweet tweets twitter'],
  ['environment', 'environment environmental pollution wildlife species forest forests ocean oceans drought flood floods hurricane hurricanes storm storms wildfire wildfires'],
  ['sport', 'match tournament league championship olympic olympics football soccer tennis cricket basketball baseball coach player players goal goals'],
  ['science', 'scientist scientists research researchers study studies experiment space nasa physics biology laboratory laboratories'],
];

// Every word and phrase of every label in one pattern, longest first so a phrase wins over its
// first word: one regex pass over the text, then a map says which labels a match counts for.
const LABELS_OF = new Map<string, number[]>();
TOPICS.forEach(([, words], label) => {
  for (const w of words.split(' ')) {
    const form = w.replace('_', ' ');
    const list = LABELS_OF.get(form) ?? [];
    list.push(label);
    LABELS_OF.set(form, list);
  }
});
const ANY = new RegExp(`\\b(?:${[...LABELS_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
const NONE: number[] = [];

/** Up to `max` subject labels, most frequent first; nothing for a text too short to tell. */
export function topicLabels(text: string, max = 5): string[] {
  const lower = text.toLowerCase();
  const need = Math.max(2, Math.round(lower.split(/\s+/).length / 400));
  const hits = new Array<number>(TOPICS.length).fill(0);
  const distinct = TOPICS.map(() => new Set<string>());
  const count = (form: string, skip: readonly number[]): void => {
    for (const label of LABELS_OF.get(form) ?? NONE) {
      if (skip.includes(label)) continue;
      hits[label]!++;
      distinct[label]!.add(form);
    }
  };
  ANY.lastIndex = 0;
  for (let m = ANY.exec(lower); m; m = ANY.exec(lower)) {
    const form = m[0];
    count(form, NONE);
    const sep = form.search(/[ -]/);
    if (sep < 0 || form.startsWith('african-american')) continue;
    // The words of a phrase still count for the other labels ("nuclear" in "nuclear power").
    const own = LABELS_OF.get(form)!;
    count(form.slice(0, sep), own);
    count(form.slice(sep + 1), own);
  }
  const scored: [string, number][] = [];
  TOPICS.forEach(([label], k) => {
    if (hits[k]! >= need && distinct[k]!.size >= 2) scored.push([label, hits[k]! + distinct[k]!.size]);
  });
  return scored.sort((a, b) => b[1] - a[1]).slice(0, max).map(([label]) => label);
}

// Subject labels and the words that signal them. A label needs several hits in the text, so a
// passing mention of "vote" does not make a story about elections. Two-word entries are phrases
// (one space, or the hyphen written in them).
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

interface Phrase {
  label: number;
  second: string;
  sep: string;
  text: string;
}

// Word -> labels, and first word of a phrase -> its phrases: one pass over the words of the text
// instead of one regular expression per label.
const SINGLE = new Map<string, number[]>();
const PHRASES = new Map<string, Phrase[]>();
TOPICS.forEach(([, words], label) => {
  for (const w of words.split(' ')) {
    const m = /^(\w+)([_-])(\w+)$/.exec(w);
    if (m) {
      const sep = m[2] === '_' ? ' ' : '-';
      const list = PHRASES.get(m[1]!) ?? [];
      list.push({ label, second: m[3]!, sep, text: `${m[1]}${sep}${m[3]}` });
      PHRASES.set(m[1]!, list);
    } else {
      const list = SINGLE.get(w) ?? [];
      list.push(label);
      SINGLE.set(w, list);
    }
  }
});

const WORD = /\w+/g;
const NONE: number[] = [];

/** Up to `max` subject labels, most frequent first; nothing for a text too short to tell. */
export function topicLabels(text: string, max = 5): string[] {
  const lower = text.toLowerCase();
  const need = Math.max(2, Math.round(whitespaceWords(lower) / 400));
  const hits = new Array<number>(TOPICS.length).fill(0);
  const distinct = TOPICS.map(() => new Set<string>());
  // Per label, the offset up to which a phrase already consumed the words.
  const consumed = new Array<number>(TOPICS.length).fill(-1);
  WORD.lastIndex = 0;
  let prevWord = '';
  let prevStart = -1;
  let prevEnd = -1;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const word = m[0];
    const phrases = PHRASES.get(prevWord);
    if (phrases) {
      for (const p of phrases) {
        // A phrase never starts on a word that another phrase of its label already took.
        if (p.second !== word || m.index !== prevEnd + 1 || lower[prevEnd] !== p.sep || consumed[p.label]! > prevStart) continue;
        hits[p.label]!++;
        distinct[p.label]!.add(p.text);
        consumed[p.label] = m.index + word.length;
      }
    }
    for (const label of SINGLE.get(word) ?? NONE) {
      if (consumed[label]! > m.index) continue;
      hits[label]!++;
      distinct[label]!.add(word);
    }
    prevWord = word;
    prevStart = m.index;
    prevEnd = m.index + word.length;
  }
  const scored: [string, number][] = [];
  TOPICS.forEach(([label], k) => {
    if (hits[k]! >= need && distinct[k]!.size >= 2) scored.push([label, hits[k]! + distinct[k]!.size]);
  });
  return scored.sort((a, b) => b[1] - a[1]).slice(0, max).map(([label]) => label);
}

// Same count as `text.split(/\s+/).length` without building the array.
function whitespaceWords(text: string): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

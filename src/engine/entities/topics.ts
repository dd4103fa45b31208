import { isSpaceCode, isWordCode } from './context.ts';

// Subject labels and the words that signal them. A label needs several hits in the text, so a
// passing mention of "vote" does not make a story about elections. Two-word entries are phrases
// (`_` stands for the one space between their words; a hyphen is written as such). A word marked
// `~` is shared with other subjects ("a council vote", "an Oscar nominee", "primary schools"): it
// counts, but the label also needs one unmarked word ("election", "ballot").
const TOPICS: [string, string][] = [
  [
    'elections',
    'elect election elections electoral elected ~vote ~votes ~voted voter voters ~voting ballot ballots ~poll ~polls polling ~campaign ~campaigns ~campaigning candidate candidates ~nominee ~primary primaries ~debate ~debates swing_state swing_states turnout',
  ],
  [
    'politics',
    'congress senate senator senators lawmaker lawmakers legislation legislature legislative parliament republican republicans democrat democrats partisan bipartisan white_house administration governor ' +
      // Westminster's words: "MPs", "the Commons", "the cabinet", "Downing Street", "the Tories".
      'mp mps commons cabinet downing_street prime_minister tory tories conservatives lib_dems liberal_democrats',
  ],
  [
    'economy',
    'economy economic economies economist economists inflation gdp recession unemployment job jobs wage wages interest_rate interest_rates growth market markets stock stocks investor investors trade tariff tariffs tax taxe taxes taxs budget deficit debt',
  ],
  [
    'business',
    'company companies firm firms shares profit profits revenue earnings ceo chief_executive merger acquisition startup startups industry corporate',
  ],
  ['climate', 'climate global_warming emission emissions carbon greenhouse fossil_fuel fossil_fuels renewable coal solar wind_power'],
  ['energy', 'oil gas energy pipeline pipelines opec electricity nuclear_power power_plant power_plants fuel'],
  ['health', 'health hospital hospitals doctor doctors patient patients disease virus vaccine vaccines medical medicine pandemic epidemic obamacare insurance'],
  ['immigration', 'immigration immigrant immigrants migrant migrants refugee refugees asylum border deport deportation deported visa visas'],
  [
    'crime and justice',
    'police crime crimes criminal arrest arrested arrests shooting shot murder prison court judge trial jury prosecutor prosecutors lawsuit indicted indictment',
  ],
  [
    'security and defence',
    'military troops army war missile missiles weapon weapons defense defence pentagon nato terror terrorism terrorist terrorists attack attacks nuclear intelligence security',
  ],
  ['diplomacy', 'diplomat diplomats diplomatic foreign_minister summit sanctions treaty ambassador talks negotiation negotiations allies bilateral'],
  [
    'technology',
    'technology tech software internet online digital artificial_intelligence ai cyber cybersecurity hacker hackers hacking data smartphone smartphones social_media',
  ],
  ['education', 'school schools student students teacher teachers university universities college education tuition'],
  [
    'race and civil rights',
    'racial racism racist civil_rights black_lives african-american african-americans discrimination segregation protest protests protesters',
  ],
  ['media', 'journalist journalists journalism newspaper newspapers reporter reporters media broadcast television network tweet tweets twitter'],
  [
    'environment',
    'environment environmental pollution wildlife species forest forests ocean oceans drought flood floods hurricane hurricanes storm storms wildfire wildfires',
  ],
  // "match", "player" and "goal" are shared with other subjects (a DVD player, a match for the bid, a sales goal).
  [
    'sport',
    '~match ~matches tournament league championship championships olympic olympics football soccer tennis cricket rugby golf athletics boxing basketball baseball ~coach ~player ~players ~goal ~goals striker midfielder goalkeeper referee premiership semi-final quarter-final world_cup grand_prix',
  ],
  ['science', 'scientist scientists research researchers study studies experiment space nasa physics biology laboratory laboratories'],
];

// Every word and phrase of every label, looked up word by word along the text: a phrase wins over
// its first word, as in a \b-bounded alternation of them all (longest first), without that regex's
// cost. A word is looked up only when its first two letters, its second and third letters and its
// length fit some listed word (two small tables of bit masks), so most words of the text cost no
// string and no lookup.
interface Form {
  labels: number[];
  /** The number of its first (form, label) pair: pairs are how the distinct forms of a label are counted. */
  pair: number;
  /** Per label, whether the form is one of its shared (`~`) words. */
  shared: boolean[];
}
const FORMS = new Map<string, Form>();
const PHRASE_STARTS = new Set<string>();
const FITS = new Int32Array(26 * 26);
// By second letter and third (26 for none: a two-letter word).
const FITS_23 = new Int32Array(26 * 27);
let pairs = 0;
TOPICS.forEach(([, words], label) => {
  for (const listed of words.split(' ')) {
    const w = listed.replace(/^~/, '');
    const form = w.replace('_', ' ');
    let entry = FORMS.get(form);
    if (!entry) FORMS.set(form, (entry = { labels: [], pair: 0, shared: [] }));
    // Each (form, label) pair is counted as one distinct form of the label.
    if (entry.labels.includes(label)) throw new Error(`topic word "${w}" listed twice under one label`);
    entry.labels.push(label);
    entry.shared.push(listed !== w);
    const sep = form.search(/[ -]/);
    if (sep > 0) PHRASE_STARTS.add(form.slice(0, sep));
    markFits(sep > 0 ? form.slice(0, sep) : form);
  }
});
for (const entry of FORMS.values()) {
  entry.pair = pairs;
  pairs += entry.labels.length;
}
function markFits(word: string): void {
  if (!/^[a-z]{2,31}$/.test(word)) throw new Error(`topic word "${word}": 2 to 31 letters a-z`);
  FITS[(word.charCodeAt(0) - 97) * 26 + word.charCodeAt(1) - 97]! |= 1 << word.length;
  FITS_23[(word.charCodeAt(1) - 97) * 27 + (word.length > 2 ? word.charCodeAt(2) - 97 : 26)]! |= 1 << word.length;
}
const NONE: number[] = [];

// Per label, its hits and its distinct forms in the text being read; per (form, label) pair, the
// stamp of the last text that counted it.
const HITS = new Int32Array(TOPICS.length);
const DISTINCT = new Int32Array(TOPICS.length);
const OWN_HITS = new Int32Array(TOPICS.length);
const COUNTED = new Int32Array(pairs);
let stamp = 0;

function count(form: Form | undefined, skip: readonly number[]): void {
  if (form === undefined) return;
  for (let k = 0; k < form.labels.length; k++) {
    const label = form.labels[k]!;
    if (skip.includes(label)) continue;
    HITS[label]!++;
    if (!form.shared[k]) OWN_HITS[label]!++;
    if (COUNTED[form.pair + k] !== stamp) {
      COUNTED[form.pair + k] = stamp;
      DISTINCT[label]!++;
    }
  }
}

/** Up to `max` subject labels, most frequent first; nothing for a text too short to tell. */
export function topicLabels(text: string, max = 5): string[] {
  return topicLabelsOf([text], max);
}

/**
 * The labels of `parts.join('\n')` (a title and its text), read part by part: the joined copy and
 * its lower-cased copy are never made.
 */
export function topicLabelsOf(parts: readonly string[], max = 5): string[] {
  HITS.fill(0);
  DISTINCT.fill(0);
  OWN_HITS.fill(0);
  if (++stamp > 2e9) {
    COUNTED.fill(0);
    stamp = 1;
  }
  // Whitespace runs are counted on the way: the text's length in words. The line feed between two
  // parts is one.
  const run = { spaces: 0, inSpace: false };
  parts.forEach((part, k) => {
    if (k > 0) {
      if (!run.inSpace) run.spaces++;
      run.inSpace = true;
    }
    // Only "İ" (two units in lower case) and the Kelvin sign (a "k") lower-case to a different
    // length or to an ASCII letter: without them, a word lower-cased char by char is the word of
    // the lower-cased text, and no other character changes class. With them, the part is
    // lower-cased first, as the whole text always was.
    countWords(part.includes('\u0130') || part.includes('\u212a') ? part.toLowerCase() : part, run);
  });
  const { spaces } = run;
  // As many words as `lower.split(/\s+/)` gives.
  const need = Math.max(2, Math.round((spaces + 1) / 400));
  const scored: [string, number][] = [];
  TOPICS.forEach(([label], k) => {
    if (HITS[k]! >= need && DISTINCT[k]! >= 2 && OWN_HITS[k]! > 0) scored.push([label, HITS[k]! + DISTINCT[k]!]);
  });
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([label]) => label);
}

// Words are runs of ASCII word characters (what \b tells apart); a phrase is two of them joined by
// one space or hyphen. A word is cut out (and lower-cased) only when the tables say it may be listed.
function countWords(text: string, run: { spaces: number; inSpace: boolean }): void {
  let { spaces, inSpace } = run;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = lowerAscii(text.charCodeAt(i));
    if (!isWordCode(c)) {
      const space = c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isSpaceCode(c));
      if (space && !inSpace) spaces++;
      inSpace = space;
      i++;
      continue;
    }
    inSpace = false;
    let j = i + 1;
    while (isWordCode(text.charCodeAt(j))) j++;
    const c2 = lowerAscii(text.charCodeAt(i + 1));
    const c3 = j - i > 2 ? lowerAscii(text.charCodeAt(i + 2)) - 97 : 26;
    const length = j - i;
    if (
      length < 2 ||
      length > 31 ||
      c < 97 ||
      c > 122 ||
      c2 < 97 ||
      c2 > 122 ||
      c3 < 0 ||
      c3 > 26 ||
      (FITS[(c - 97) * 26 + c2 - 97]! & (1 << length)) === 0 ||
      (FITS_23[(c2 - 97) * 27 + c3]! & (1 << length)) === 0
    ) {
      i = j;
      continue;
    }
    const word = text.slice(i, j).toLowerCase();
    const sep = text.charCodeAt(j);
    if ((sep === 32 || sep === 45) && isWordCode(text.charCodeAt(j + 1)) && PHRASE_STARTS.has(word)) {
      let k = j + 2;
      while (isWordCode(text.charCodeAt(k))) k++;
      const phrase = text.slice(i, k).toLowerCase();
      const own = FORMS.get(phrase);
      if (own) {
        count(own, NONE);
        if (sep === 32) spaces++;
        // The words of a phrase still count for the other labels ("nuclear" in "nuclear power").
        if (!phrase.startsWith('african-american')) {
          count(FORMS.get(word), own.labels);
          count(FORMS.get(text.slice(j + 1, k).toLowerCase()), own.labels);
        }
        i = k;
        continue;
      }
    }
    count(FORMS.get(word), NONE);
    i = j;
  }
  run.spaces = spaces;
  run.inSpace = inSpace;
}

/** A char code with A-Z lower-cased. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

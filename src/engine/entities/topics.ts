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

// Every word and phrase of every label in one letter tree, walked along the words of the text as
// they are read: a phrase wins over its first word, as in a \b-bounded alternation of them all
// (longest first), without that regex's cost or a string for each word of the text.
const FORM_TEXT: string[] = [];
const LABELS: number[][] = [];
TOPICS.forEach(([, words], label) => {
  for (const w of words.split(' ')) {
    const form = w.replace('_', ' ');
    let id = FORM_TEXT.indexOf(form);
    if (id < 0) id = FORM_TEXT.push(form) - 1;
    (LABELS[id] ??= []).push(label);
  }
});
const EDGES = 28; // a-z, space, hyphen
const edgeOf = (c: number): number => (c >= 97 && c <= 122 ? c - 97 : c === 32 ? 26 : c === 45 ? 27 : -1);
// node * EDGES + edge -> next node (0: none); FORM_AT[node] is the form that ends there, or -1.
const FORM_AT: number[] = [-1];
const CHILD: number[] = new Array<number>(EDGES).fill(0);
FORM_TEXT.forEach((form, id) => {
  let node = 0;
  for (let k = 0; k < form.length; k++) {
    const slot = node * EDGES + edgeOf(form.charCodeAt(k));
    if (CHILD[slot] === 0) {
      CHILD[slot] = FORM_AT.length;
      FORM_AT.push(-1);
      for (let e = 0; e < EDGES; e++) CHILD.push(0);
    }
    node = CHILD[slot]!;
  }
  FORM_AT[node] = id;
});
const NEXT = Int32Array.from(CHILD);
// A phrase's words still count for the other labels ("nuclear" in "nuclear power").
const PARTS: number[][] = FORM_TEXT.map((form) => {
  const sep = form.search(/[ -]/);
  if (sep < 0 || form.startsWith('african-american')) return [];
  return [form.slice(0, sep), form.slice(sep + 1)].map((part) => FORM_TEXT.indexOf(part)).filter((id) => id >= 0);
});

/** Up to `max` subject labels, most frequent first; nothing for a text too short to tell. */
export function topicLabels(text: string, max = 5): string[] {
  const lower = text.toLowerCase();
  const hits = new Array<number>(TOPICS.length).fill(0);
  const distinct = TOPICS.map(() => new Set<number>());
  const count = (form: number, skip: readonly number[]): void => {
    for (const label of LABELS[form]!) {
      if (skip.includes(label)) continue;
      hits[label]!++;
      distinct[label]!.add(form);
    }
  };
  // Words are runs of ASCII word characters (what \b tells apart); a phrase is two of them joined
  // by one space or hyphen. Whitespace runs are counted on the way: the text's length in words.
  let spaces = 0;
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const c = lower.charCodeAt(i);
    if (!isWordCode(c)) {
      if (isSpaceCode(c) && !(i > 0 && isSpaceCode(lower.charCodeAt(i - 1)))) spaces++;
      i++;
      continue;
    }
    const node = walk(lower, i, 0);
    const j = runEnd;
    const sep = lower.charCodeAt(j);
    if (node > 0 && (sep === 32 || sep === 45) && isWordCode(lower.charCodeAt(j + 1))) {
      const end = walk(lower, j + 1, NEXT[node * EDGES + edgeOf(sep)]! || -1);
      const phrase = end > 0 ? FORM_AT[end]! : -1;
      if (phrase >= 0) {
        count(phrase, NO_LABELS);
        for (const part of PARTS[phrase]!) count(part, LABELS[phrase]!);
        if (sep === 32) spaces++;
        i = runEnd;
        continue;
      }
    }
    if (node > 0 && FORM_AT[node]! >= 0) count(FORM_AT[node]!, NO_LABELS);
    i = j;
  }
  // As many words as `lower.split(/\s+/)` gives.
  const need = Math.max(2, Math.round((spaces + 1) / 400));
  const scored: [string, number][] = [];
  TOPICS.forEach(([label], k) => {
    if (hits[k]! >= need && distinct[k]!.size >= 2) scored.push([label, hits[k]! + distinct[k]!.size]);
  });
  return scored.sort((a, b) => b[1] - a[1]).slice(0, max).map(([label]) => label);
}
const NO_LABELS: number[] = [];

// Where the last walk stopped: a variable, not a returned pair, so each word allocates nothing.
let runEnd = 0;
/**
 * Follows the tree from `node` (-1: already off it) along the run of word characters at `from`;
 * returns the node reached, -1 when no form spells the run, and leaves the run's end in runEnd.
 */
function walk(text: string, from: number, node: number): number {
  let j = from;
  for (let c = text.charCodeAt(j); isWordCode(c); c = text.charCodeAt(++j)) {
    if (node < 0) continue;
    const child = c >= 97 && c <= 122 ? NEXT[node * EDGES + c - 97]! : 0;
    node = child === 0 ? -1 : child;
  }
  runEnd = j;
  return node;
}

// [A-Za-z0-9_]: the characters \b sets apart (NaN past the end is none of them).
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

// The characters \s matches.
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

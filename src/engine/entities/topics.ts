// Subject labels and the word stems that signal them. A label needs several hits in the text,
// so a passing mention of "vote" does not make a story about elections.
const TOPICS: [string, RegExp][] = [
  ['elections', /\b(?:elect(?:ion|ions|oral|ed)?|vot(?:e|es|ed|er|ers|ing)|ballots?|polls?|polling|campaign(?:s|ing)?|candidates?|nominee|primar(?:y|ies)|debates?|swing states?|turnout)\b/g],
  ['politics', /\b(?:congress|senat(?:e|or|ors)|lawmakers?|legislat(?:ion|ure|ive)|parliament|republicans?|democrats?|partisan|bipartisan|white house|administration|governor)\b/g],
  ['economy', /\b(?:econom(?:y|ic|ies|ists?)|inflation|gdp|recession|unemployment|jobs?|wages?|interest rates?|growth|markets?|stocks?|investors?|trade|tariffs?|taxe?s?|budget|deficit|debt)\b/g],
  ['business', /\b(?:compan(?:y|ies)|firms?|shares|profits?|revenue|earnings|ceo|chief executive|merger|acquisition|startups?|industry|corporate)\b/g],
  ['climate', /\b(?:climate|global warming|emissions?|carbon|greenhouse|fossil fuels?|renewable|coal|solar|wind power)\b/g],
  ['energy', /\b(?:oil|gas|energy|pipelines?|opec|electricity|nuclear power|power plants?|fuel)\b/g],
  ['health', /\b(?:health|hospitals?|doctors?|patients?|disease|virus|vaccines?|medical|medicine|pandemic|epidemic|obamacare|insurance)\b/g],
  ['immigration', /\b(?:immigra(?:tion|nts?)|migrants?|refugees?|asylum|border|deport(?:ation|ed)?|visas?)\b/g],
  ['crime and justice', /\b(?:police|crimes?|criminal|arrest(?:ed|s)?|shooting|shot|murder|prison|court|judge|trial|jury|prosecutors?|lawsuit|indict(?:ed|ment))\b/g],
  ['security and defence', /\b(?:military|troops|army|war|missiles?|weapons?|defen[cs]e|pentagon|nato|terror(?:ism|ist|ists)?|attacks?|nuclear|intelligence|security)\b/g],
  ['diplomacy', /\b(?:diplomat(?:s|ic)?|foreign minister|summit|sanctions|treaty|ambassador|talks|negotiations?|allies|bilateral)\b/g],
  ['technology', /\b(?:technology|tech|software|internet|online|digital|artificial intelligence|ai|cyber(?:security)?|hackers?|hacking|data|smartphones?|social media)\b/g],
  ['education', /\b(?:schools?|students?|teachers?|universit(?:y|ies)|college|education|tuition)\b/g],
  ['race and civil rights', /\b(?:racial|racism|racist|civil rights|black lives|african-americans?|discrimination|segregation|protest(?:s|ers)?)\b/g],
  ['media', /\b(?:journalis(?:ts?|m)|newspapers?|reporters?|media|broadcast|television|network|tweets?|twitter)\b/g],
  ['environment', /\b(?:environment(?:al)?|pollution|wildlife|species|forests?|oceans?|drought|floods?|hurricanes?|storms?|wildfires?)\b/g],
  ['sport', /\b(?:match|tournament|league|championship|olympics?|football|soccer|tennis|cricket|basketball|baseball|coach|players?|goals?)\b/g],
  ['science', /\b(?:scientists?|research(?:ers)?|study|studies|experiment|space|nasa|physics|biology|laborator(?:y|ies))\b/g],
];

/** Up to `max` subject labels, most frequent first; nothing for a text too short to tell. */
export function topicLabels(text: string, max = 5): string[] {
  const lower = text.toLowerCase();
  const words = lower.split(/\s+/).length;
  const need = Math.max(2, Math.round(words / 400));
  const scored: [string, number][] = [];
  for (const [label, re] of TOPICS) {
    re.lastIndex = 0;
    let n = 0;
    const distinct = new Set<string>();
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      n++;
      distinct.add(m[0]);
    }
    if (n >= need && distinct.size >= 2) scored.push([label, n + distinct.size]);
  }
  return scored.sort((a, b) => b[1] - a[1]).slice(0, max).map(([label]) => label);
}

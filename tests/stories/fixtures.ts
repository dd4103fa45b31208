// Articles written for these tests (fictional events): three outlets covering one bridge closure, a
// wire copy of one of them with a different intro, and unrelated stories that share some vocabulary.

export interface FixtureItem {
  title: string;
  text: string;
  url: string;
  siteName: string;
}

export const bridgeHerald: FixtureItem = {
  title: 'Old Marsh Bridge closed after inspectors find cracks in main span',
  url: 'https://herald.example/news/2026/11/marsh-bridge-closed?utm_source=rss',
  siteName: 'Eastvale Herald',
  text:
    'Eastvale council closed the Old Marsh Bridge to all traffic on Thursday after inspectors found cracks in the steel of its main span. ' +
    'Around 18,000 vehicles cross the bridge every day. Council engineer Maria Costa said the cracks were found during a routine inspection on Wednesday night ' +
    'and that the bridge would stay shut until a full structural survey is finished, probably in three weeks. Buses will be diverted over the ring road.',
};

export const bridgeGazette: FixtureItem = {
  title: 'Cracks force closure of Old Marsh Bridge in Eastvale',
  url: 'https://m.gazette.example/local/old-marsh-bridge-cracks',
  siteName: 'Valley Gazette',
  text:
    'The Old Marsh Bridge in Eastvale has been closed to traffic after cracks were discovered in its main steel span, the council said on Thursday. ' +
    'Engineer Maria Costa told reporters that a routine inspection on Wednesday found the cracks and that a structural survey would take about three weeks. ' +
    'The bridge carries some 18,000 vehicles a day; bus routes will use the ring road instead.',
};

export const bridgeWire: FixtureItem = {
  title: 'Eastvale shuts Old Marsh Bridge over cracked span',
  url: 'https://wire.example/amp/2026/11/26/eastvale-bridge',
  siteName: 'Regional Wire',
  text:
    'EASTVALE (Regional Wire) - Eastvale council shut the Old Marsh Bridge on Thursday after inspectors found cracks in the main span. ' +
    'Around 18,000 vehicles cross the bridge every day. Council engineer Maria Costa said the cracks were found during a routine inspection on Wednesday night ' +
    'and the bridge would stay shut until a structural survey is finished, probably in three weeks.',
};

/** The Herald's own story again, under its AMP and mobile URL, with an edited first sentence. */
export const bridgeHeraldAmp: FixtureItem = {
  ...bridgeHerald,
  url: 'https://amp.herald.example/news/2026/11/marsh-bridge-closed/amp',
  text: bridgeHerald.text.replace('on Thursday', 'on Thursday morning'),
};

export const bridgeOther: FixtureItem = {
  title: 'Northgate bridge reopens after six months of repairs',
  url: 'https://herald.example/news/2026/11/northgate-bridge-reopens',
  siteName: 'Eastvale Herald',
  text:
    'The Northgate bridge reopened to cars on Monday after six months of repairs to its deck and railings, the county said. ' +
    'The repairs cost 4.2 million and finished two weeks ahead of schedule. Cyclists will get a separate lane from next spring.',
};

export const football: FixtureItem = {
  title: 'Eastvale Rovers beat Harbour Town 3-1 to reach cup semi-final',
  url: 'https://gazette.example/sport/rovers-harbour-cup',
  siteName: 'Valley Gazette',
  text:
    'Eastvale Rovers reached the county cup semi-final on Wednesday night with a 3-1 win over Harbour Town. ' +
    'Striker Tom Heller scored twice before half-time and substitute Ola Berg added the third. Harbour Town pulled one back from a penalty late on.',
};

export const budget: FixtureItem = {
  title: 'Eastvale council approves budget with higher spending on roads',
  url: 'https://herald.example/news/2026/11/council-budget',
  siteName: 'Eastvale Herald',
  text:
    'Eastvale council approved its budget for next year on Tuesday, with spending on roads and bridges up by twelve per cent. ' +
    'Council leader Anna Berg said the money would go to resurfacing and to inspections. The opposition voted against, saying council tax would rise too fast.',
};

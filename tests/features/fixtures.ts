// Articles written for these tests (fiction): five outlets covering one ferry collision over a morning,
// each later one adding facts or not, and an older story quoting the same harbour master.

export interface OutletItem {
  guid: string;
  title: string;
  link: string;
  siteName: string;
  text: string;
  published: string;
}

const LEAD =
  'The passenger ferry Merrow Star collided with the cargo ship Kestrel Bay outside the port of Dunmore on Tuesday morning, the harbour authority said.';
const WHEN = 'The collision happened at 7.40am as the ferry left for the island of Carrig with 212 passengers on board.';
const SAFE = '"Everyone on the ferry is safe and accounted for," harbour master Petra Lindqvist said.';
const CLOSED = 'The port of Dunmore was closed to all traffic after the collision.';

export const ferryOutlets: OutletItem[] = [
  {
    guid: 'coastal-1',
    title: 'Ferry Merrow Star collides with cargo ship outside Dunmore port',
    link: 'https://coastal-times.example/news/merrow-star-collision',
    siteName: 'Coastal Times',
    published: '2026-11-24T09:00:00Z',
    text: [LEAD, WHEN, SAFE, CLOSED].join(' '),
  },
  {
    guid: 'post-1',
    title: 'Merrow Star ferry and cargo ship collide outside Dunmore port',
    link: 'https://dunmore-post.example/2026/11/24/ferry-collision',
    siteName: 'Dunmore Post',
    published: '2026-11-24T09:20:00Z',
    text: [
      LEAD,
      WHEN,
      'Three crew members of the Kestrel Bay were taken to hospital with minor injuries.',
      '"We will look at the radar records from this morning before anyone is blamed," Lindqvist told reporters.',
      CLOSED,
    ].join(' '),
  },
  {
    guid: 'radio-1',
    title: 'Ferry collides with cargo ship outside Dunmore port, Merrow Star passengers safe',
    link: 'https://island-radio.example/merrow-star',
    siteName: 'Island Radio',
    published: '2026-11-24T09:40:00Z',
    text: [LEAD, WHEN, SAFE, CLOSED].join(' '),
  },
  {
    guid: 'wire-1',
    title: 'Dunmore port closed after Merrow Star ferry collides with cargo ship',
    link: 'https://harbour-wire.example/dunmore/merrow-star',
    siteName: 'Harbour Wire',
    published: '2026-11-24T10:00:00Z',
    text: [
      LEAD,
      WHEN,
      'The harbour will reopen on Wednesday at 6am, the authority said.',
      'Ferry operator Carrig Lines said it would run a replacement service from the nearby port of Ballyross.',
      CLOSED,
    ].join(' '),
  },
  {
    guid: 'daily-1',
    title: 'Investigation opened after Merrow Star ferry collides with cargo ship outside Dunmore port',
    link: 'https://western-daily.example/ferry-merrow-star-investigation',
    siteName: 'Western Daily',
    published: '2026-11-24T10:30:00Z',
    text: [LEAD, 'The Maritime Safety Board opened an investigation into the collision on Tuesday afternoon.', WHEN, SAFE].join(' '),
  },
];

export const dredging: OutletItem = {
  guid: 'post-0',
  title: 'Dunmore harbour dredging to start in March after council vote',
  link: 'https://dunmore-post.example/2026/11/22/dredging',
  siteName: 'Dunmore Post',
  published: '2026-11-22T08:00:00Z',
  text: [
    'Dunmore council voted on Thursday to dredge the harbour channel, a project that will cost 3 million euros.',
    'The work will start in March and last eight weeks.',
    '"Bigger ships have been scraping the bottom for years," said Petra Lindqvist, the harbour master.',
    '"This is money well spent," council leader Owen Marsh said after the vote.',
  ].join(' '),
};

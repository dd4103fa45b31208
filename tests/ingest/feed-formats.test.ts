import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { decodeBody } from '../../src/ingest/decode.ts';
import { publicationDate } from '../../src/ingest/dates.ts';
import { parseFeed, parseFeedBytes } from '../../src/ingest/feeds.ts';
import { MAX_ARTICLE_CHARS, MAX_ITEM_TITLE_CHARS } from '../../src/ingest/limits.ts';

function feed(name: string): string {
  return readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
}

describe('feed elements beyond the basics', () => {
  it('reads Dublin Core titles, descriptions and dates, and DC Terms issued / created / modified', () => {
    const parsed = parseFeed(feed('dublin-core.rdf'), 'application/rdf+xml', 'https://ferry.example/index.rdf');
    expect(parsed).toMatchObject({ title: 'Ferryman’s Weekly', description: 'Crossings, tides & timetables' });
    const [tide, fares, crew] = parsed.items;
    expect(tide).toMatchObject({ title: 'Spring tide closes the lower slipway', publishedAt: '2026-10-04T06:15:00.000Z' });
    expect(tide?.text).toBe('The lower slipway at Pellow Quay shuts for two days while the spring tide peaks.');
    expect(fares?.publishedAt).toBe('2026-10-05T07:00:00.000Z'); // issued, not modified
    expect(crew?.publishedAt).toBe('2026-10-06T00:00:00.000Z'); // a date without a time is midnight UTC
  });

  it('reads Atom 0.3: escaped and base64 content, tagline, issued before modified', () => {
    const parsed = parseFeed(feed('atom-03.xml'));
    expect(parsed).toMatchObject({ format: 'atom', title: 'Quarry Lane Notes', description: 'Small news from Quarry Lane', link: 'https://quarry.example/' });
    const [kiln, path] = parsed.items;
    expect(kiln).toMatchObject({ publishedAt: '2026-09-18T13:30:00.000Z', url: 'https://quarry.example/kiln' });
    expect(kiln?.text).toBe('The old lime kiln burned again on Saturday.\n\nVillagers brought bread.');
    expect(path?.publishedAt).toBe('2026-09-21T07:00:00.000Z');
    // type="text/plain": angle brackets are words, not markup.
    expect(path?.text).toBe('The path past the pit is open again <for walkers only>.');
  });

  it('reads media:title / media:description, itunes:summary and xhtml:body', () => {
    const [strike, vote, note] = parseFeed(feed('media-itunes.xml'), '', 'https://lantern.example/feed').items;
    expect(strike).toMatchObject({
      title: 'Episode 41: the bakery strike',
      text: 'Bakers at Crumb & Co walked out on Friday over night shifts.',
      url: 'https://lantern.example/ep41',
    });
    expect(vote?.text).toBe('Councillor Vera Okoro explains how the bridge vote went.');
    expect(note).toMatchObject({ title: 'Studio note', text: 'The studio moves to Dock Road in spring.\n\nShows go on as usual.' });
  });

  it('reads Atom type="xhtml" titles and content with their words in order, and entities in titles', () => {
    const parsed = parseFeed(feed('atom-xhtml.xml'), 'application/atom+xml', 'https://orchard.example/blog/feed.atom');
    expect(parsed.title).toBe('The Orchard Gazette');
    const [pears, fair] = parsed.items;
    expect(pears?.title).toBe('Record pear harvest at Upper Field');
    expect(pears?.text).toBe('Pickers at Upper Field filled 212 crates, grower Ilse Marten said.\n\nIt is the best year since 2009.');
    expect(fair?.title).toBe('Cider & perry tasting & fair');
    expect(fair?.text).toBe('Tasting on Saturday – free entry — bring a cup.');
  });

  it('applies xml:base, then the document URL, to relative links, and prefers the alternate link to an enclosure', () => {
    const parsed = parseFeed(feed('atom-xhtml.xml'), 'application/atom+xml', 'https://elsewhere.example/mirror.atom');
    expect(parsed.link).toBe('https://orchard.example/blog/');
    expect(parsed.items[0]?.url).toBe('https://orchard.example/blog/posts/pears');
    expect(parsed.items[0]?.imageUrl).toBe('https://orchard.example/img/pears.jpg');
    const rss = parseFeed(feed('relative-links.xml'), 'application/rss+xml', 'https://tidewater.example/feeds/rss.xml');
    expect(rss.link).toBe('https://tidewater.example/');
    expect(rss.items[0]?.url).toBe('https://tidewater.example/feeds/notices/buoy');
  });

  it('reads a feed whose last ">" is missing, decodes numeric entities in titles, and two-digit RFC 822 years with named zones', () => {
    const rss = parseFeed(feed('relative-links.xml'));
    expect(rss.title).toBe('Tidewater Bulletin & Almanac');
    expect(rss.items.map((item) => item.title)).toEqual(['Buoy moved & relit', 'Gala date set for 2087']);
    expect(rss.items[0]?.publishedAt).toBe('2026-12-05T19:00:00.000Z');
    expect(rss.items[0]?.text).toBe('The red buoy off Skerry Point was moved (chart).');
  });

  it('reads an <rss> without a <channel> and broken XML as far as it goes, never throwing anything but a UserError', () => {
    expect(parseFeed('<rss version="2.0"></rss>')).toMatchObject({ format: 'rss', items: [] });
    expect(parseFeed('<rss version="0.91"><item><title>Loose item</title></item></rss>').items.map((item) => item.title)).toEqual(['Loose item']);
    const cut = parseFeed('<rss version="2.0"><channel><title>Cut off</title><item><title>Half');
    expect(cut.items.map((item) => item.title)).toEqual(['Half']);
    expect(parseFeed('<rss version="2.0"><channel><title>AT&T news</title></channel></rss>').title).toBe('AT&T news');
    for (const junk of [
      '<',
      '<rss',
      '<rss><channel><item><![CDATA[',
      '<feed><entry><content type="xhtml"><div><p>',
      '<?xml version="1.0"?>',
      '<rss><channel><title>&#xFFFFFFFF;&#0;</title></channel></rss>',
    ]) {
      try {
        parseFeed(junk);
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
      }
    }
  });

  it('dates: RFC 822 and W3C-DTF forms, no zone read as UTC, placeholders refused', () => {
    expect(publicationDate('Tue, 1 Dec 2026 08:00 +0130')?.publishedAt).toBe('2026-12-01T06:30:00.000Z');
    expect(publicationDate('2026-12-01T08:00:00')?.publishedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(publicationDate('2026-12-01 08:00:00.250+0100')?.publishedAt).toBe('2026-12-01T07:00:00.250Z');
    expect(publicationDate('2026-12')?.publishedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(publicationDate('01 Dec 2026 08:00:00 PST')?.publishedAt).toBe('2026-12-01T16:00:00.000Z');
    expect(publicationDate('0001-01-01T00:00:00Z')?.publishedAt).toBeUndefined();
    expect(publicationDate('soon')?.publishedAt).toBeUndefined();
  });

  it('dates: keeps the zone a date states, so the publisher’s own day is known', () => {
    expect(publicationDate('Tue, 1 Dec 2026 08:00 +0130')?.publishedOffset).toBe(90);
    expect(publicationDate('2026-12-07T00:30:00+09:00')?.publishedOffset).toBe(540);
    expect(publicationDate('01 Dec 2026 08:00:00 PST')?.publishedOffset).toBe(-480);
    expect(publicationDate('2026-12-01T08:00:00Z')?.publishedOffset).toBeUndefined();
    expect(publicationDate('2026-12-01T08:00:00')?.publishedOffset).toBeUndefined();
    expect(publicationDate('soon +0900')?.publishedOffset).toBeUndefined();
    const rss = `<rss version="2.0"><channel><title>Tokyo desk</title><item><title>Rail fares</title><link>https://tokyo.example/fares</link><pubDate>Mon, 07 Dec 2026 00:30:00 +0900</pubDate><description>Fares rise today.</description></item></channel></rss>`;
    const [item] = parseFeed(rss, 'application/rss+xml', 'https://tokyo.example/feed').items;
    expect(item).toMatchObject({ publishedAt: '2026-12-06T15:30:00.000Z', publishedOffset: 540 });
  });
});

const RSS_1252 = (prolog: string): string =>
  `<?xml version="1.0"${prolog}?><rss version="2.0"><channel><title>Mill “Road” – news</title><item><title>Price €5 … “fair”</title><description>It’s open — come.</description></item></channel></rss>`;

describe('encodings', () => {
  it('decodes windows-1252 bytes 0x80–0x9F from the prolog, and from the header, which wins over the prolog (RFC 7303)', () => {
    const bytes = iconv.encode(RSS_1252(' encoding="windows-1252"'), 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true);
    const fromProlog = parseFeedBytes(bytes);
    expect(fromProlog.title).toBe('Mill “Road” – news');
    expect(fromProlog.items[0]).toMatchObject({ title: 'Price €5 … “fair”', text: 'It’s open — come.' });
    const lying = iconv.encode(RSS_1252(' encoding="utf-8"'), 'windows-1252');
    expect(parseFeedBytes(lying, 'application/rss+xml; charset=windows-1252').title).toBe('Mill “Road” – news');
    // iso-8859-1 labels are read as windows-1252, as browsers do.
    expect(decodeBody(Uint8Array.from([0x93, 0x41, 0x94]), 'text/xml; charset=ISO-8859-1')).toBe('“A”');
    // A header charset wins over the prolog in the other direction too.
    const utf8 = Buffer.from(RSS_1252(' encoding="windows-1252"'), 'utf8');
    expect(parseFeedBytes(utf8, 'text/xml; charset=utf-8').title).toBe('Mill “Road” – news');
  });

  it('reads UTF-16 without a byte-order mark (declared in the prolog) and UTF-32 with or without one', () => {
    const text = RSS_1252(' encoding="utf-16"');
    const le = Buffer.from(text, 'utf16le');
    expect(parseFeedBytes(le).title).toBe('Mill “Road” – news');
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(parseFeedBytes(be).items[0]?.title).toBe('Price €5 … “fair”');
    for (const label of ['utf-32le', 'utf-32be']) {
      const body = iconv.encode(RSS_1252(` encoding="${label}"`), label);
      expect(parseFeedBytes(body).title).toBe('Mill “Road” – news');
      const withBom = Buffer.concat([iconv.encode('\uFEFF', label), body]);
      expect(parseFeedBytes(withBom).items[0]?.text).toBe('It’s open — come.');
    }
  });
});

describe('caps before heavy work', () => {
  it('cuts a 3 MB item to the article limit and a 1 MB title to 300 characters', () => {
    const paragraph = '<p>The harbour board met again and talked about the dredger for a long time.</p>';
    const body = paragraph.repeat(Math.ceil(3_000_000 / paragraph.length));
    const title = 'Long '.repeat(200_000);
    const xml = `<rss version="2.0"><channel><title>Big</title><item><title>${title}</title><description><![CDATA[${body}]]></description></item></channel></rss>`;
    const [item] = parseFeed(xml).items;
    expect(item?.title?.length).toBeLessThanOrEqual(MAX_ITEM_TITLE_CHARS);
    expect(item?.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(item?.text.length).toBeGreaterThan(MAX_ARTICLE_CHARS / 2);
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items: [{ id: '1', title, content_html: body }] });
    const parsed = parseFeed(json, 'application/feed+json');
    expect(parsed.title.length).toBeLessThanOrEqual(MAX_ITEM_TITLE_CHARS);
    expect(parsed.items[0]?.title?.length).toBeLessThanOrEqual(MAX_ITEM_TITLE_CHARS);
    expect(parsed.items[0]?.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
  });
});

import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractArticle } from '../src/ingest/article.ts';
import { canonicalUrl } from '../src/ingest/canonical-url.ts';
import { parseFeed } from '../src/ingest/feeds.ts';
import { createFetcher } from '../src/ingest/safe-fetch.ts';
import Parser from 'rss-parser';

// Ingestion costs on this machine: parsing, extraction, URL keys, and a fetch round trip on loopback.

function time(label: string, runs: number, work: () => void): void {
  work(); // warm-up
  const started = performance.now();
  for (let index = 0; index < runs; index++) work();
  const each = (performance.now() - started) / runs;
  console.log(`${label.padEnd(48)} ${each.toFixed(2).padStart(9)} ms/op  (${runs} runs)`);
}

/** Median time per call once the JIT has compiled the code, as in a long-running poller. */
function warmed(label: string, work: () => void): void {
  for (let index = 0; index < 500; index++) work();
  const rounds: number[] = [];
  for (let round = 0; round < 10; round++) {
    const started = performance.now();
    for (let index = 0; index < 50; index++) work();
    rounds.push((performance.now() - started) / 50);
  }
  const median = rounds.sort((a, b) => a - b)[5]!;
  console.log(`${label.padEnd(48)} ${median.toFixed(2).padStart(9)} ms/op  (median of 10 x 50 runs, after 500)`);
}

/** A 500-item RSS feed with full content:encoded (about 2.5 KB of HTML an item), written here. */
export function bigFeed(items: number, paragraphs = 6): string {
  const entries: string[] = [];
  for (let index = 0; index < items; index++) {
    const body = Array.from(
      { length: paragraphs },
      (_, p) =>
        `<p>Paragraph ${p} of story ${index}: the harbour board of Pellow met on Tuesday and <b>agreed</b> to repair the north quay, said chair Ada Morrow, adding that the work would take &ldquo;some weeks&rdquo; &amp; cost less than feared.</p>`,
    ).join('');
    entries.push(
      `<item><title>Story ${index}: quay repairs &amp; the budget</title><link>https://pellow.example/news/${index}</link><guid isPermaLink="false">pellow-${index}</guid><pubDate>Mon, 07 Dec 2026 08:${String(index % 60).padStart(2, '0')}:00 GMT</pubDate><dc:creator>Ada Morrow</dc:creator><category>Harbour</category><description>Short summary of story ${index}.</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Pellow Harbour News</title><link>https://pellow.example/</link><description>News</description>${entries.join('')}</channel></rss>`;
}

/** Median of `rounds` timings of `work` (after `warmup` calls), in ms. */
async function median(work: () => unknown, rounds: number, warmup: number): Promise<number> {
  for (let index = 0; index < warmup; index++) await work();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

async function sideBySide(): Promise<void> {
  const xml = bigFeed(500);
  const rssParser = new Parser();
  // The two alternate call by call, so both meet the same machine load; the fastest of 30 calls each
  // is the figure least disturbed by other processes on a shared machine (the median is printed too).
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 33; round++) {
    let started = performance.now();
    parseFeed(xml);
    if (round >= 3) ours.push(performance.now() - started);
    started = performance.now();
    await rssParser.parseString(xml);
    if (round >= 3) theirs.push(performance.now() - started);
  }
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const best = (values: number[]) => Math.min(...values);
  const label = `500-item feed with content:encoded (${(xml.length / 1024 / 1024).toFixed(1)} MB)`;
  console.log(
    `${`parseFeed ${label}`.padEnd(72)} ${best(ours).toFixed(1).padStart(8)} ms  (median ${mid(ours).toFixed(1)}; ${(best(ours) / 500).toFixed(3)} ms an item)`,
  );
  console.log(`${`rss-parser ${label}`.padEnd(72)} ${best(theirs).toFixed(1).padStart(8)} ms  (median ${mid(theirs).toFixed(1)})`);
  console.log(
    `${'parseFeed / rss-parser, same run (fastest; median)'.padEnd(72)} ${(best(ours) / best(theirs)).toFixed(2).padStart(8)} ×  (${(mid(ours) / mid(theirs)).toFixed(2)} ×)`,
  );
  const paragraph = '<p>The harbour board met again and talked about the north quay and its dredger for a long, long time.</p>';
  const huge = paragraph.repeat(Math.ceil((3 * 1024 * 1024) / paragraph.length));
  const giant = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><item><title>${'Long title '.repeat(30_000)}</title><content:encoded><![CDATA[${huge}]]></content:encoded></item></channel></rss>`;
  const giantMs = await median(() => parseFeed(giant), 5, 1);
  const oneItemMs = await median(() => parseFeed(bigFeed(1)), 20, 5);
  console.log(`${'parseFeed one 3 MB item (title 330 KB), capped'.padEnd(72)} ${giantMs.toFixed(1).padStart(8)} ms`);
  console.log(`${'parseFeed one ordinary item (2.5 KB)'.padEnd(72)} ${oneItemMs.toFixed(2).padStart(8)} ms`);
  console.log(`${'rss-parser one 3 MB item'.padEnd(72)} ${(await median(() => rssParser.parseString(giant), 3, 1)).toFixed(1).padStart(8)} ms`);
}

export async function run(): Promise<void> {
  await sideBySide();
  const feedXml = readFileSync('demo/feed.xml', 'utf8');
  const page = readFileSync('demo/article.html', 'utf8');
  const cold = performance.now();
  parseFeed(feedXml);
  console.log(`${'parseFeed demo/feed.xml, first call'.padEnd(48)} ${(performance.now() - cold).toFixed(2).padStart(9)} ms`);
  time('parseFeed demo/feed.xml (8 items, 19 KB)', 50, () => parseFeed(feedXml));
  warmed('parseFeed demo/feed.xml, warmed', () => parseFeed(feedXml));
  time('extractArticle demo/article.html (Readability)', 30, () => extractArticle(page, 'https://demo.newsdesk.invalid/a'));
  const longPage = `<html><head><title>Long</title></head><body><nav>${'<a href="/x">menu</a>'.repeat(200)}</nav><article>${'<p>A paragraph of an article with enough words to count as prose, and commas, too.</p>'.repeat(1500)}</article></body></html>`;
  time(`extractArticle 1,500-paragraph page (${Math.round(longPage.length / 1024)} KB)`, 3, () => extractArticle(longPage, 'https://x.example/'));
  const hugePage = `<html><body>${'<div><p>A paragraph of an article with enough words, and commas.</p></div>'.repeat(40_000)}</body></html>`;
  time(`extractArticle 80,000-element page (${(hugePage.length / 1024 / 1024).toFixed(1)} MB, fallback)`, 2, () =>
    extractArticle(hugePage, 'https://x.example/'),
  );
  time('canonicalUrl', 20_000, () => canonicalUrl('https://www.example.com/news/story/amp/?utm_source=x&b=2&a=1#top'));

  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fetcher = createFetcher({ allowHosts: [`127.0.0.1:${port}`] });
  const runs = 200;
  const started = performance.now();
  for (let index = 0; index < runs; index++) await fetcher(`http://127.0.0.1:${port}/feed.xml`);
  console.log(`${'safeFetch 19 KB feed over loopback'.padEnd(48)} ${((performance.now() - started) / runs).toFixed(2).padStart(9)} ms/op  (${runs} runs)`);
  server.close();
}

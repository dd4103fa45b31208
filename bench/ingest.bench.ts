import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractArticle } from '../src/ingest/article.ts';
import { canonicalUrl } from '../src/ingest/canonical-url.ts';
import { parseFeed } from '../src/ingest/feeds.ts';
import { createFetcher } from '../src/ingest/safe-fetch.ts';

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

export async function run(): Promise<void> {
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
  time(`extractArticle 80,000-element page (${(hugePage.length / 1024 / 1024).toFixed(1)} MB, fallback)`, 2, () => extractArticle(hugePage, 'https://x.example/'));
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

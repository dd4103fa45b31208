// Feed servers for bench/polling-shared.ts, in a process of their own: hosts [first, end) of the
// benchmark's loopback hosts (127.0.0.10 + host), each answering after 50 ms, 95% 304 Not Modified to
// the ETag the poller holds, 5% a changed feed. Prints the hosts' URLs when listening, how many feeds
// have been answered at least once (every 20 ms while it changes), and, when stdin closes, how many
// requests asked for a feed already answered (duplicates).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

const [first, end, feeds] = process.argv.slice(2).map(Number) as [number, number, number];
const LATENCY_MS = 50;
const CHANGED_EVERY = 20;

// The changed feeds' items. Each is its own event, in made-up words picked by the feed's number (20
// syllables, 8,000 three-syllable words), as 2,500 different feeds would report: items that differ
// only in a number would all be near-duplicates of one story, which would grow by 2,500 members and
// make every later poll that adds to it slower (a cost of the fixture, not of polling).
const SYLLABLES = 'ka lo mi ra te su no vi da pe ro gu li ma se tu ne bo fa zi'.split(' ');

function changedFeed(n: number): string {
  let seed = (n * 2654435761) >>> 0;
  const pick = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return SYLLABLES[seed % 20]! + SYLLABLES[(seed >>> 8) % 20]! + SYLLABLES[(seed >>> 16) % 20]!;
  };
  const words = Array.from({ length: 12 }, pick);
  return (
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://example.org/${n}</link><description>bench</description>` +
    `<item><title>${words.slice(0, 4).join(' ')}</title><link>https://example.org/${n}/item</link><guid>item-${n}</guid>` +
    `<description>${words.slice(4).join(' ')}.</description></item></channel></rss>`
  );
}

const hits = new Uint16Array(feeds);
let answered = 0;
let duplicates = 0;
const servers: Server[] = [];
const urls: string[] = [];
for (let host = first; host < end; host++) {
  const server = createServer((req, res) => {
    const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
    setTimeout(() => {
      if (hits[n]!++ === 0) answered++;
      else duplicates++;
      if (n % CHANGED_EVERY !== 0 && req.headers['if-none-match'] === `"v${n}"`) {
        res.writeHead(304, { etag: `"v${n}"` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"v${n}-2"` }).end(changedFeed(n));
    }, LATENCY_MS);
  });
  const address = `127.0.0.${10 + host}`;
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  servers.push(server);
  urls.push(`http://${address}:${(server.address() as AddressInfo).port}`);
}
process.stdout.write(`${JSON.stringify({ urls })}\n`);
let told = 0;
const timer = setInterval(() => {
  if (answered === told) return;
  told = answered;
  process.stdout.write(`${JSON.stringify({ answered })}\n`);
}, 20);
createInterface({ input: process.stdin }).once('close', async () => {
  clearInterval(timer);
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  process.stdout.write(`${JSON.stringify({ answered, duplicates })}\n`);
  process.exit(0);
});

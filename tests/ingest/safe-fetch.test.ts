import diagnostics from 'node:diagnostics_channel';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { createFetcher, type ResolvedAddress } from '../../src/ingest/safe-fetch.ts';
import { startServer, send, type TestServer } from './test-server.ts';

let server: TestServer;
let sockets = 0;
/** Where each client socket opened since the test began was asked to connect. */
let targets: string[] = [];
const countSocket = (message: unknown) => {
  sockets++;
  const socket = (message as { socket: import('node:net').Socket }).socket;
  socket.once('connect', () => targets.push(`${socket.remoteAddress}:${socket.remotePort}`));
};

beforeAll(async () => {
  server = await startServer();
  // Every client socket Node opens is announced here: refusals must happen before any is created.
  diagnostics.subscribe('net.client.socket', countSocket);
});
afterAll(async () => {
  diagnostics.unsubscribe('net.client.socket', countSocket);
  await server.close();
});
afterEach(() => {
  sockets = 0;
  targets = [];
});

const allowed = () => createFetcher({ allowHosts: [server.host] });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('safeFetch on an allowed local server', () => {
  it('fetches a page and reports status, headers, media type and caching validators', async () => {
    server.route('/page', send('<p>hello</p>', 'text/html; charset=utf-8', { etag: '"v1"', 'last-modified': 'Mon, 02 Nov 2026 10:00:00 GMT' }));
    const result = await allowed()(`${server.origin}/page`);
    expect(result.status).toBe(200);
    expect(result.body).toBe('<p>hello</p>');
    expect(result.mediaType).toBe('text/html');
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(result.etag).toBe('"v1"');
    expect(result.lastModified).toBe('Mon, 02 Nov 2026 10:00:00 GMT');
    expect(result.notModified).toBe(false);
  });

  it('sends the conditional headers and returns notModified on 304 without an error', async () => {
    server.route('/conditional', (request, response) => {
      if (request.headers['if-none-match'] === '"v2"' && request.headers['if-modified-since']) response.writeHead(304, { etag: '"v2"' }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v2"' }).end('<rss/>');
    });
    const fetcher = allowed();
    const fresh = await fetcher(`${server.origin}/conditional`);
    const again = await fetcher(`${server.origin}/conditional`, { conditional: { etag: fresh.etag, lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT' } });
    expect(again.status).toBe(304);
    expect(again.notModified).toBe(true);
    expect(again.body).toBe('');
    expect(again.etag).toBe('"v2"');
  });

  it('exposes Retry-After in seconds and as an HTTP date, against the injected clock', async () => {
    server.route('/busy', (_request, response) => response.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' }).end('slow down'));
    server.route('/busy-date', (_request, response) => response.writeHead(503, { 'retry-after': 'Thu, 26 Nov 2026 12:01:00 GMT' }).end());
    const fetcher = createFetcher({ allowHosts: [server.host], now: () => Date.parse('2026-11-26T12:00:00Z') });
    expect((await fetcher(`${server.origin}/busy`)).retryAfterMs).toBe(120_000);
    const dated = await fetcher(`${server.origin}/busy-date`);
    expect(dated.status).toBe(503);
    expect(dated.retryAfterMs).toBe(60_000);
  });

  it('follows relative redirects and reports the final URL', async () => {
    server.route('/r1', (_request, response) => response.writeHead(301, { location: '/r2' }).end());
    server.route('/r2', (_request, response) => response.writeHead(302, { location: `${server.origin}/final#frag` }).end());
    server.route('/final', send('done', 'text/plain'));
    const result = await allowed()(`${server.origin}/r1`);
    expect(result.url).toBe(`${server.origin}/final`);
    expect(result.body).toBe('done');
    expect(result.redirects).toEqual([`${server.origin}/r1`, `${server.origin}/r2`]);
  });

  it('refuses more than 5 redirects', async () => {
    server.route('/loop', (request, response) => {
      const hop = Number(new URL(request.url ?? '', server.origin).searchParams.get('n') ?? 0);
      response.writeHead(302, { location: `/loop?n=${hop + 1}` }).end();
    });
    expect(await refusal(allowed()(`${server.origin}/loop`))).toBe('Too many redirects (more than 5).');
    server.route('/five', (request, response) => {
      const hop = Number(new URL(request.url ?? '', server.origin).searchParams.get('n') ?? 0);
      if (hop < 5) response.writeHead(307, { location: `/five?n=${hop + 1}` }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('five');
    });
    expect((await allowed()(`${server.origin}/five`)).body).toBe('five');

    // Exactly six: the sixth redirect is refused without being followed (the page behind it is never asked for).
    const asked: number[] = [];
    server.route('/six', (request, response) => {
      const hop = Number(new URL(request.url ?? '', server.origin).searchParams.get('n') ?? 0);
      asked.push(hop);
      if (hop < 6) response.writeHead(302, { location: `/six?n=${hop + 1}` }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('six');
    });
    expect(await refusal(allowed()(`${server.origin}/six`))).toBe('Too many redirects (more than 5).');
    expect(asked).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a redirect to a private address, a metadata address or another scheme without connecting there', async () => {
    server.route('/to-private', (_request, response) => response.writeHead(302, { location: 'http://10.1.2.3/admin' }).end());
    server.route('/to-metadata', (_request, response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    server.route('/to-file', (_request, response) => response.writeHead(302, { location: 'file:///etc/passwd' }).end());
    const fetcher = allowed();
    expect(await refusal(fetcher(`${server.origin}/to-private`))).toBe('That address is on a private network, so I won’t fetch it.');
    expect(await refusal(fetcher(`${server.origin}/to-metadata`))).toBe('That is a cloud metadata address, so I won’t fetch it.');
    expect(await refusal(fetcher(`${server.origin}/to-file`))).toMatch(/only fetch http and https/);
    // At most one socket per request (kept-alive ones are reused), every one to the local server.
    expect(sockets).toBeLessThanOrEqual(3);
    expect(targets.every((target) => target === `127.0.0.1:${server.port}`)).toBe(true);
  });

  it('decodes ISO-8859-1 from the header, from a meta tag, and UTF-8 by default', async () => {
    const latin1 = Buffer.from('<p>Caf\u00e9 cr\u00e8me \u00e0 Lisboa</p>', 'latin1');
    server.route('/latin1-header', send(latin1, 'text/html; charset=ISO-8859-1'));
    server.route('/latin1-meta', send(Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), latin1]), 'text/html'));
    server.route('/utf8', send(Buffer.from('<p>Café</p>', 'utf8'), 'text/html'));
    server.route('/bom', send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Café</p>')]), 'text/html; charset=iso-8859-1'));
    const fetcher = allowed();
    expect((await fetcher(`${server.origin}/latin1-header`)).body).toBe('<p>Café crème à Lisboa</p>');
    expect((await fetcher(`${server.origin}/latin1-meta`)).body).toContain('Café crème à Lisboa');
    expect((await fetcher(`${server.origin}/utf8`)).body).toBe('<p>Café</p>');
    expect((await fetcher(`${server.origin}/bom`)).body).toBe('<p>Café</p>');
  });

  it('decompresses gzip', async () => {
    server.route('/gz', send(gzipSync(Buffer.from('<p>compressed</p>')), 'text/html', { 'content-encoding': 'gzip' }));
    expect((await allowed()(`${server.origin}/gz`)).body).toBe('<p>compressed</p>');
  });

  it('refuses a content type that is not a page or feed', async () => {
    server.route('/image', send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
    expect(await refusal(allowed()(`${server.origin}/image`))).toBe('That link isn’t a web page or feed (image/png).');
    expect((await allowed()(`${server.origin}/image`, { accept: ['image/*'] })).status).toBe(200);
  });

  it('refuses a body over the limit, from Content-Length up front and while streaming without it', async () => {
    const big = 'x'.repeat(2048);
    server.route('/declared', send(big, 'text/plain'));
    let streamedChunks = 0;
    server.route('/chunked', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' }); // no Content-Length: chunked encoding
      const timer = setInterval(() => {
        streamedChunks++;
        response.write('y'.repeat(512));
        if (streamedChunks >= 200) clearInterval(timer);
      }, 1);
      response.on('close', () => clearInterval(timer));
    });
    const fetcher = createFetcher({ allowHosts: [server.host], maxBytes: 1024 });
    expect(await refusal(fetcher(`${server.origin}/declared`))).toBe('The page is larger than 1 KB.');
    expect(await refusal(fetcher(`${server.origin}/chunked`))).toBe('The page is larger than 1 KB.');
    expect(streamedChunks).toBeLessThan(200); // the reader hung up instead of taking the whole stream
    expect((await fetcher(`${server.origin}/declared`, { maxBytes: 4096 })).body).toHaveLength(2048);
  });

  it('counts the limit after decompression', async () => {
    server.route('/bomb', send(gzipSync(Buffer.alloc(200_000, 0x61)), 'text/plain', { 'content-encoding': 'gzip' }));
    const fetcher = createFetcher({ allowHosts: [server.host], maxBytes: 10_000 });
    expect(await refusal(fetcher(`${server.origin}/bomb`))).toBe('The page is larger than 9.8 KB.');
  });

  it('gives up on a site that never answers after the time limit', async () => {
    server.route('/silent', () => {
      // never answers
    });
    const fetcher = createFetcher({ allowHosts: [server.host], timeoutMs: 150 });
    expect(await refusal(fetcher(`${server.origin}/silent`))).toBe('The site took longer than 0.15 s to answer.');
  });

  it('stops when the caller aborts', async () => {
    server.route('/slow', () => {
      // never answers
    });
    const controller = new AbortController();
    const pending = allowed()(`${server.origin}/slow`, { signal: controller.signal });
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });

  it('keeps the connection to a host alive between requests (a poller does not reconnect for every feed)', async () => {
    server.route('/kept-a', send('<p>a</p>', 'text/html'));
    server.route('/kept-b', send('<p>b</p>', 'text/html'));
    const fetcher = allowed();
    await fetcher(`${server.origin}/kept-a`);
    const opened = sockets;
    await fetcher(`${server.origin}/kept-b`);
    await fetcher(`${server.origin}/kept-a`);
    expect(opened).toBeLessThanOrEqual(1);
    expect(sockets).toBe(opened);
  });

  it('does not let a caller override the Host header', async () => {
    server.route('/host', (request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(request.headers.host));
    const result = await allowed()(`${server.origin}/host`, { headers: { Host: 'evil.example', 'X-Test': '1' } });
    expect(result.body).toBe(server.host);
  });
});

describe('safeFetch refusals (before any connection)', () => {
  const fetcher = createFetcher();

  it.each([
    ['http://10.0.0.8/', 'private network'],
    ['http://192.168.1.1/', 'private network'],
    ['http://172.16.5.4:8080/', 'private network'],
    ['http://172.31.255.255/', 'private network'],
    ['http://100.64.0.1/', 'private network'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://169.254.10.10/', 'private network'],
    ['http://127.0.0.1/', 'points back at this server'],
    ['http://127.8.9.10:9999/', 'points back at this server'],
    ['http://0x7f.1/', 'points back at this server'],
    ['http://2130706433/', 'points back at this server'],
    ['http://0.0.0.0/', 'isn’t a public internet address'],
    ['http://255.255.255.255/', 'isn’t a public internet address'],
    ['http://224.0.0.1/', 'isn’t a public internet address'],
    ['http://192.0.2.10/', 'isn’t a public internet address'],
    ['http://[::1]/', 'points back at this server'],
    ['http://[::]/', 'isn’t a public internet address'],
    ['http://[::ffff:127.0.0.1]/', 'points back at this server'],
    ['http://[::ffff:10.0.0.1]/', 'private network'],
    ['http://[::ffff:8.8.8.8]/', 'isn’t a public internet address'],
    ['http://[fc00::1]/', 'private network'],
    ['http://[fd12:3456::1]/', 'private network'],
    ['http://[fe80::1]/', 'private network'],
    ['http://[fd00:ec2::254]/', 'cloud metadata'],
    ['http://[ff02::1]/', 'isn’t a public internet address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'cloud metadata'],
  ])('refuses %s', async (url, reason) => {
    expect(await refusal(fetcher(url))).toContain(reason);
    expect(sockets).toBe(0);
  });

  it.each([
    ['file:///etc/passwd', 'I only fetch http and https links, not file.'],
    ['ftp://ftp.example.com/file.txt', 'I only fetch http and https links, not ftp.'],
    ['javascript:alert(1)', 'I only fetch http and https links, not javascript.'],
    ['https://user:secret@example.com/', 'Links with a user name or password in them aren’t allowed.'],
    ['https://user@example.com/', 'Links with a user name or password in them aren’t allowed.'],
    ['not a url', 'That doesn’t look like a web address.'],
  ])('refuses %s', async (url, message) => {
    expect(await refusal(fetcher(url))).toBe(message);
    expect(sockets).toBe(0);
  });

  it('refuses the local test server when it is not on the allow-list, by IP and by name', async () => {
    const before = server.connections();
    expect(await refusal(createFetcher()(`${server.origin}/page`))).toContain('points back at this server');
    expect(await refusal(createFetcher({ allowHosts: ['127.0.0.1:1'] })(`${server.origin}/page`))).toContain('points back at this server');
    expect(await refusal(createFetcher()(`http://localhost:${server.port}/page`))).toContain('points back at this server');
    expect(server.connections()).toBe(before);
    expect(sockets).toBe(0);
  });

  it('refuses a host name that resolves to a private address, checking every address', async () => {
    const looked: string[] = [];
    const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
      looked.push(hostname);
      return hostname === 'intranet.example'
        ? [{ address: '10.20.30.40', family: 4 }]
        : [
            { address: '93.184.216.34', family: 4 },
            { address: '192.168.0.7', family: 4 },
          ];
    };
    const guarded = createFetcher({ resolve });
    expect(await refusal(guarded('http://intranet.example/'))).toContain('private network');
    expect(await refusal(guarded('https://mixed.example/'))).toContain('private network');
    expect(looked).toEqual(['intranet.example', 'mixed.example']);
    expect(sockets).toBe(0);
  });

  it('connects only to the address it validated (a name allowed by the list resolves once, to the test server)', async () => {
    let lookups = 0;
    server.route('/pinned', send('pinned', 'text/plain'));
    const fetcher = createFetcher({
      allowHosts: ['news.test'],
      resolve: async () => {
        lookups++;
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const result = await fetcher(`http://news.test:${server.port}/pinned`);
    expect(result.body).toBe('pinned');
    expect(lookups).toBe(1);
    expect(server.requests.at(-1)?.headers.host).toBe(`news.test:${server.port}`);
  });
});

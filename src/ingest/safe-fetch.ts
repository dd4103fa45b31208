import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { UserError } from '../core/errors.ts';
import { assertAllowedHostname, assertPublicAddress, bareHost, classifyAddress, isAllowedHost, isIpLiteral, refusalError } from './address-guard.ts';
import { decodeBody } from './decode.ts';
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { PAGE_AND_FEED_TYPES } from './media-types.ts';
import { readBody, tooLarge } from './read-body.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
export { DEFAULT_MAX_BYTES };
export const MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'newsdesk/0.1 (news digest bot; +https://github.com/newsdesk)';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** DNS resolution, injectable so tests can make a name resolve to a private address without a DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface ConditionalRequest {
  /** The ETag of the copy we hold: sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified of the copy we hold: sent as If-Modified-Since. */
  lastModified?: string;
}

export interface FetchOptions {
  /** host[:port] entries whose address checks are lifted (overrides the fetcher's list). */
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** Allowed media types ("text/html", "text/*"); a response without a Content-Type is accepted. */
  accept?: readonly string[];
  headers?: Record<string, string>;
  conditional?: ConditionalRequest;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Response headers, names lower-cased, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The Content-Type header as sent ("text/html; charset=utf-8"), or "". */
  contentType: string;
  /** The bare media type, lower-cased ("text/html"), or "". */
  mediaType: string;
  /** The decoded body; "" for a 304. */
  body: string;
  /** True on 304 Not Modified (the copy we hold is current). */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  /** The Retry-After header as sent, and converted to milliseconds from now. */
  retryAfter?: string;
  retryAfterMs?: number;
  /** Every URL visited before the final one. */
  redirects: string[];
}

export type SafeFetch = (url: string, options?: FetchOptions) => Promise<FetchResult>;

export interface FetcherConfig {
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  accept?: readonly string[];
  resolve?: Resolver;
  /** Milliseconds since the epoch, for Retry-After dates. */
  now?: () => number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const systemResolver: Resolver = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Builds the one fetcher all network access goes through, with its limits and allow-list. */
export function createFetcher(config: FetcherConfig = {}): SafeFetch {
  const resolve = config.resolve ?? systemResolver;
  const now = config.now ?? Date.now;
  return async (input, options = {}) => {
    const limits = {
      allowHosts: options.allowHosts ?? config.allowHosts ?? [],
      timeoutMs: options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? config.maxBytes ?? DEFAULT_MAX_BYTES,
      accept: options.accept ?? config.accept ?? PAGE_AND_FEED_TYPES,
    };
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), limits.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timer.signal, options.signal]) : timer.signal;
    const headers = requestHeaders(config.userAgent ?? DEFAULT_USER_AGENT, limits.accept, options);
    let current = parseFetchUrl(input);
    const redirects: string[] = [];
    try {
      for (;;) {
        const addresses = await whenNotAborted(guardTarget(current, limits.allowHosts, resolve), signal);
        const response = await send(current, addresses, headers, signal);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && location) {
          response.resume();
          if (redirects.length >= MAX_REDIRECTS) throw new UserError(`Too many redirects (more than ${MAX_REDIRECTS}).`);
          redirects.push(current.href);
          current = parseFetchUrl(location, current);
          continue;
        }
        return await finish(response, current, redirects, limits, signal, now);
      }
    } catch (error) {
      if (timer.signal.aborted && !(error instanceof UserError)) {
        throw new UserError(`The site took longer than ${seconds(limits.timeoutMs)} to answer.`, { cause: error });
      }
      if (options.signal?.aborted) throw options.signal.reason;
      throw networkError(error, current);
    } finally {
      clearTimeout(timeout);
    }
  };
}

/** The fetcher with default limits and an empty allow-list. */
export const safeFetch: SafeFetch = createFetcher();

/** Parses a user's (or a redirect's) URL and applies the rules that need no network. */
export function parseFetchUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    throw new UserError(base ? 'The site redirected to an address I can’t read.' : 'That doesn’t look like a web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`I only fetch http and https links, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserError('Links with a user name or password in them aren’t allowed.');
  }
  url.hash = '';
  return url;
}

/** Checks the host, resolves it once, and checks every address; the request then connects to exactly these. */
async function guardTarget(url: URL, allowHosts: readonly string[], resolve: Resolver): Promise<ResolvedAddress[]> {
  assertAllowedHostname(url.hostname);
  const allowed = isAllowedHost(url, allowHosts);
  const host = bareHost(url.hostname);
  if (isIpLiteral(host)) {
    if (classifyAddress(host) === 'metadata' || !allowed) assertPublicAddress(host);
    return [{ address: host, family: host.includes(':') ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new UserError(`I couldn’t find the site ${host}.`, { cause: error });
  }
  if (addresses.length === 0) throw new UserError(`I couldn’t find the site ${host}.`);
  for (const { address } of addresses) {
    const reason = classifyAddress(address);
    if (reason === 'metadata' || (reason && !allowed)) throw refusalError(reason);
  }
  return addresses;
}

// Kept-alive connections, so a poller does not open a new TCP (and TLS) connection for every feed of
// a host it polls each cycle. A socket is only ever opened through the pinned lookup below, so a
// reused one is still connected to an address guardTarget approved.
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 4, timeout: DEFAULT_TIMEOUT_MS }),
  'https:': new https.Agent({ keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 4, timeout: DEFAULT_TIMEOUT_MS }),
};

function send(url: URL, addresses: ResolvedAddress[], headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
  // Node calls this instead of DNS, so the socket can only reach an address guardTarget approved.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const family = typeof options === 'object' && options.family ? Number(options.family) : 0;
    const usable = addresses.filter((entry) => family === 0 || entry.family === family);
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('no approved address'), { code: 'ENOTFOUND' }), '', 0);
    } else if (typeof options === 'object' && options.all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolvePromise, reject) => {
    const request = client.request({
      method: 'GET',
      hostname: bareHost(url.hostname),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host },
      agent: url.protocol === 'https:' ? AGENTS['https:'] : AGENTS['http:'],
      lookup: pinned,
      signal,
    });
    request.once('response', resolvePromise);
    request.once('error', reject);
    request.end();
  });
}

async function finish(
  response: http.IncomingMessage,
  url: URL,
  redirects: string[],
  limits: { maxBytes: number; accept: readonly string[] },
  signal: AbortSignal,
  now: () => number,
): Promise<FetchResult> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const status = response.statusCode ?? 0;
  const contentType = headers['content-type'] ?? '';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const base = {
    url: url.href,
    status,
    headers,
    contentType,
    mediaType,
    etag: headers.etag,
    lastModified: headers['last-modified'],
    retryAfter: headers['retry-after'],
    retryAfterMs: retryAfterMs(headers['retry-after'], now),
    redirects,
  };
  if (status === 304) {
    response.resume();
    return { ...base, body: '', notModified: true };
  }
  if (status >= 200 && status < 300 && mediaType !== '' && !accepts(limits.accept, mediaType)) {
    response.destroy();
    throw new UserError(`That link isn’t a web page or feed (${mediaType}).`);
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge(limits.maxBytes);
  }
  const bytes = await readBody(response, headers['content-encoding'], limits.maxBytes, signal);
  return { ...base, body: decodeBody(bytes, contentType), notModified: false };
}

function accepts(accept: readonly string[], mediaType: string): boolean {
  return accept.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === mediaType || wanted === '*/*' || (wanted.endsWith('/*') && mediaType.startsWith(wanted.slice(0, -1)));
  });
}

function requestHeaders(userAgent: string, accept: readonly string[], options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: [...accept, '*/*;q=0.1'].join(', '),
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
  if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (name.toLowerCase() !== 'host') headers[name.toLowerCase()] = value;
  }
  return headers;
}

function retryAfterMs(value: string | undefined, now: () => number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** Lets an abort interrupt a step (DNS) that takes no signal of its own. */
function whenNotAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function networkError(error: unknown, url: URL): UserError {
  if (error instanceof UserError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const host = bareHost(url.hostname);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UserError(`I couldn’t find the site ${host}.`, { cause: error });
  if (code === 'ECONNREFUSED') return new UserError(`The site ${host} refused the connection.`, { cause: error });
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new UserError(`The site ${host} closed the connection before answering.`, { cause: error });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new UserError(`The site ${host} has an invalid security certificate.`, { cause: error });
  }
  if (code.startsWith('HPE_') || code === 'Z_DATA_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new UserError(`The site ${host} sent a response I couldn’t read.`, { cause: error });
  }
  return new UserError(`I couldn’t fetch that page from ${host}${code ? ` (${code})` : ''}.`, { cause: error });
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

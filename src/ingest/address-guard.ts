import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { UserError } from '../core/errors.ts';

// Every address the fetcher may connect to passes through here, after DNS resolution and after each
// redirect, so a public-looking name cannot lead the bot into the host's own network.

export type AddressRefusal = 'loopback' | 'private' | 'metadata' | 'special';

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const MESSAGES: Record<AddressRefusal, string> = {
  loopback: 'That address points back at this server, so I won’t fetch it.',
  private: 'That address is on a private network, so I won’t fetch it.',
  metadata: 'That is a cloud metadata address, so I won’t fetch it.',
  special: 'That address isn’t a public internet address, so I won’t fetch it.',
};

/** Strips the brackets URL.hostname keeps around IPv6 literals. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Why an IP address must not be fetched, or null when it is a public unicast address. */
export function classifyAddress(address: string): AddressRefusal | null {
  const text = bareHost(address).toLowerCase();
  if (!ipaddr.isValid(text)) return 'special';
  const parsed = ipaddr.parse(text);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) return 'metadata';
  const range: string = parsed.range();
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d: judge the embedded address, and refuse the form anyway.
    if (v6.isIPv4MappedAddress()) {
      const inner = classifyAddress(v6.toIPv4Address().toString());
      return inner ?? 'special';
    }
    if (range === 'loopback') return 'loopback';
    if (range === 'uniqueLocal' || range === 'linkLocal' || range === 'deprecatedSiteLocal') return 'private';
    return range === 'unicast' ? null : 'special';
  }
  if (range === 'loopback') return 'loopback';
  if (range === 'private' || range === 'linkLocal' || range === 'carrierGradeNat') return 'private';
  return range === 'unicast' ? null : 'special';
}

export function refusalError(reason: AddressRefusal): UserError {
  return new UserError(MESSAGES[reason]);
}

/** Throws a UserError when the address may not be fetched. */
export function assertPublicAddress(address: string): void {
  const reason = classifyAddress(address);
  if (reason) throw refusalError(reason);
}

/** Host names refused before any DNS query (they only ever mean the cloud provider's metadata service). */
export function assertAllowedHostname(hostname: string): void {
  const host = bareHost(hostname).toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTS.has(host)) throw refusalError('metadata');
}

export function isIpLiteral(hostname: string): boolean {
  return isIP(bareHost(hostname)) !== 0;
}

/**
 * Normalises an allow-list such as FETCH_ALLOW_HOSTS ("127.0.0.1:8080,localhost,[::1]:9000"):
 * lower-cased host[:port] entries; an entry without a port allows every port of that host.
 */
export function parseAllowHosts(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(',') : value;
  const entries: string[] = [];
  for (const raw of parts) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const { host, port } = splitHostPort(entry);
    if (host === '' || (port !== undefined && !/^\d{1,5}$/.test(port))) {
      throw new Error(`FETCH_ALLOW_HOSTS: "${raw.trim()}" is not a host or host:port (for example 127.0.0.1:8080).`);
    }
    const hostText = host.includes(':') ? `[${host}]` : host;
    entries.push(port === undefined ? hostText : `${hostText}:${Number(port)}`);
  }
  return [...new Set(entries)];
}

function splitHostPort(entry: string): { host: string; port?: string } {
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    const host = close > 0 ? entry.slice(1, close) : '';
    const rest = close > 0 ? entry.slice(close + 1) : '';
    return rest.startsWith(':') ? { host, port: rest.slice(1) } : { host: rest === '' ? host : '' };
  }
  const colons = entry.split(':').length - 1;
  if (colons > 1) return { host: entry }; // a bare IPv6 address
  const [host = '', port] = entry.split(':');
  return port === undefined ? { host } : { host, port };
}

/** True when this URL's host (and port) is on the allow-list, which lifts the address checks for it. */
export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  if (allowHosts.length === 0) return false;
  const host = bareHost(url.hostname).toLowerCase().replace(/\.$/, '');
  const hostText = host.includes(':') ? `[${host}]` : host;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return allowHosts.some((entry) => entry === hostText || entry === `${hostText}:${port}`);
}

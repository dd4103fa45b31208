import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedHost, parseAllowHosts } from '../../src/ingest/address-guard.ts';

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', null],
    ['1.1.1.1', null],
    ['2606:4700:4700::1111', null],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.255.0.1', 'private'],
    ['172.20.0.1', 'private'],
    ['172.32.0.1', null],
    ['192.168.100.100', 'private'],
    ['100.127.255.254', 'private'],
    ['100.128.0.1', null],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::abcd', 'private'],
    ['fc00::5', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['::ffff:1.1.1.1', 'special'],
    ['0.0.0.0', 'special'],
    ['::', 'special'],
    ['239.255.255.250', 'special'],
    ['ff02::fb', 'special'],
    ['240.0.0.1', 'special'],
    ['2001:db8::1', 'special'],
    ['64:ff9b::a00:1', 'special'],
    ['2002:a00:1::', 'special'],
  ])('%s -> %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('allow-list', () => {
  it('parses FETCH_ALLOW_HOSTS entries', () => {
    expect(parseAllowHosts(' 127.0.0.1:8080, LocalHost ,,[::1]:9000, ::1 ')).toEqual(['127.0.0.1:8080', 'localhost', '[::1]:9000', '[::1]']);
    expect(parseAllowHosts('')).toEqual([]);
    expect(() => parseAllowHosts('127.0.0.1:port')).toThrow(/FETCH_ALLOW_HOSTS/);
  });

  it('matches host and port, or any port when the entry has none', () => {
    const list = parseAllowHosts('127.0.0.1:8080,localhost,[::1]:9000');
    expect(isAllowedHost(new URL('http://127.0.0.1:8080/x'), list)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:8081/x'), list)).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1/x'), list)).toBe(false);
    expect(isAllowedHost(new URL('https://localhost:1234/'), list)).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]:9000/'), list)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:8080/'), [])).toBe(false);
    expect(isAllowedHost(new URL('http://example.com/'), parseAllowHosts('example.com:80'))).toBe(true);
  });
});

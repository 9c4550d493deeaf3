import { describe, expect, it } from 'vitest';
import { clientAddress, limitKey, trustedProxyList } from './client-address.ts';

describe('clientAddress', () => {
  it('counts the socket address unless the peer is a trusted proxy', () => {
    const none = trustedProxyList('');
    expect(clientAddress('127.0.0.1', '203.0.113.7', none)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1', undefined, none)).toBe('127.0.0.1');
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    const proxies = trustedProxyList('127.0.0.1, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', ['1.1.1.1, 203.0.113.7', '10.0.0.9'], proxies)).toBe('203.0.113.7');
    expect(clientAddress('192.0.2.4', '203.0.113.7', proxies)).toBe('192.0.2.4');
    expect(clientAddress('127.0.0.1', 'non-un-indirizzo', proxies)).toBe('127.0.0.1');
  });

  it('refuses a wrong TRUSTED_PROXIES entry', () => {
    expect(() => trustedProxyList('10.0.0.0/40')).toThrow(/10.0.0.0\/40/);
  });
});

describe('limitKey', () => {
  it('counts an IPv4 address alone and an IPv6 address by its /64', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:2::ffff')).toBe(limitKey('2001:db8:1:2:1:2:3:4'));
    expect(limitKey('::1')).toBe('0000:0000:0000:0000::/64');
  });
});

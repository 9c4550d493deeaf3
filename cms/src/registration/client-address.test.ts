import { describe, expect, it } from 'vitest';
import { clientAddress, limitKey, normaliseAddress, trustedProxyList } from './client-address';

const request = (headers: Record<string, string>, socketAddress = '10.0.0.5') => ({ socketAddress, headers });
const settings = (trusted: string[] = [], portalSecret = 'segreto') => ({
  portalSecret,
  trustedProxies: trustedProxyList(trusted),
});

describe('clientAddress', () => {
  it("believes the visitor's address forwarded by the portal with the shared secret", () => {
    expect(
      clientAddress(request({ 'x-portal-secret': 'segreto', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }), settings()),
    ).toBe('203.0.113.7');
  });

  it('ignores a forwarded address without the secret, with a wrong one, or when none is configured', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), settings())).toBe('10.0.0.5');
    expect(clientAddress(request({ 'x-portal-secret': 'altro', 'x-forwarded-for': '203.0.113.7' }), settings())).toBe(
      '10.0.0.5',
    );
    expect(clientAddress(request({ 'x-portal-secret': '', 'x-forwarded-for': '203.0.113.7' }), settings([], ''))).toBe(
      '10.0.0.5',
    );
  });

  it('by default counts the socket address, whatever X-Forwarded-For says', () => {
    for (const forwarded of ['203.0.113.7', '203.0.113.7, 198.51.100.1', 'garbage'])
      expect(clientAddress(request({ 'x-forwarded-for': forwarded }), settings())).toBe('10.0.0.5');
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    const behindProxy = settings(['10.0.0.0/8']);
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), behindProxy)).toBe('203.0.113.7');
    // A client cannot pick its address: what it wrote is left of the address its proxy appended.
    expect(clientAddress(request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7' }), behindProxy)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7, 10.1.2.3' }), behindProxy)).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(request({ 'x-forwarded-for': 'garbage, 10.1.2.3' }), behindProxy)).toBe('10.1.2.3');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }, '192.0.2.50'), behindProxy)).toBe('192.0.2.50');
    expect(clientAddress(request({}, '10.0.0.5'), behindProxy)).toBe('10.0.0.5');
  });

  it('reads IPv6, IPv4-mapped and bracketed forms', () => {
    expect(normaliseAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('203.0.113.7:5123')).toBe('203.0.113.7');
    const v6 = settings(['2001:db8::/32', '127.0.0.1']);
    expect(clientAddress(request({ 'x-forwarded-for': '2001:db8:ffff::9' }, '::ffff:127.0.0.1'), v6)).toBe(
      '2001:db8:ffff::9',
    );
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.4' }, '2001:db8::53'), v6)).toBe('198.51.100.4');
  });

  it('refuses a TRUSTED_PROXIES entry that is no address or range', () => {
    expect(() => trustedProxyList(['10.0.0.0/33'])).toThrow(/10.0.0.0\/33/);
    expect(() => trustedProxyList(['proxy.example.org'])).toThrow(/proxy.example.org/);
  });
});

describe('limitKey', () => {
  it('counts an IPv4 address alone and an IPv6 address by its /64', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:2::ffff')).toBe(limitKey('2001:db8:1:2:1:2:3:4'));
  });
});

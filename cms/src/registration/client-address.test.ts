import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (headers: Record<string, string>) => ({ ip: '10.0.0.5', headers });

describe('clientAddress', () => {
  it("believes the visitor's address forwarded by the portal with the shared secret", () => {
    expect(
      clientAddress(request({ 'x-portal-secret': 'segreto', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }), 'segreto'),
    ).toBe('203.0.113.7');
  });

  it('ignores a forwarded address without the secret, with a wrong one, or when none is configured', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 'segreto')).toBe('10.0.0.5');
    expect(clientAddress(request({ 'x-portal-secret': 'altro', 'x-forwarded-for': '203.0.113.7' }), 'segreto')).toBe(
      '10.0.0.5',
    );
    expect(clientAddress(request({ 'x-portal-secret': '', 'x-forwarded-for': '203.0.113.7' }), '')).toBe('10.0.0.5');
  });
});

import { describe, expect, it } from 'vitest';
import { portalSearchKey } from './keys.ts';

describe('portalSearchKey', () => {
  it('derives a different 64-hex-digit key from each master key', () => {
    const key = portalSearchKey('master-one');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(portalSearchKey('master-one')).toBe(key);
    expect(portalSearchKey('master-two')).not.toBe(key);
  });
});

import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('lets max hits through per window and key, then says how long to wait', () => {
    const limiter = createRateLimiter(2, 60_000);
    expect(limiter.hit('1.2.3.4', 0)).toBe(0);
    expect(limiter.hit('1.2.3.4', 1_000)).toBe(0);
    expect(limiter.hit('1.2.3.4', 2_000)).toBe(58);
    expect(limiter.hit('5.6.7.8', 2_000)).toBe(0);
    expect(limiter.hit('1.2.3.4', 60_000)).toBe(0);
  });
});

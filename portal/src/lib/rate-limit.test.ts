import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('lets max hits through per window and key, then says how long to wait', () => {
    const limiter = createRateLimiter(2, 60_000);
    expect(limiter.hit('203.0.113.7', 0)).toBe(0);
    expect(limiter.hit('203.0.113.7', 1_000)).toBe(0);
    expect(limiter.hit('203.0.113.7', 2_000)).toBe(58);
    expect(limiter.hit('198.51.100.1', 2_000)).toBe(0);
    expect(limiter.hit('203.0.113.7', 60_000)).toBe(0);
  });

  it('forgets ended windows by itself', () => {
    const limiter = createRateLimiter(5, 1_000);
    for (let i = 0; i < 500; i += 1) limiter.hit(`10.0.${Math.floor(i / 250)}.${i % 250}`, 0);
    expect(limiter.size).toBe(500);
    limiter.hit('10.9.9.9', 1_000);
    expect(limiter.size).toBe(1);
  });

  it('keeps at most maxKeys, dropping the oldest', () => {
    const limiter = createRateLimiter(1, 60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.hit(key, 0);
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a', 1)).toBe(0);
    expect(limiter.hit('d', 1)).toBe(60);
  });
});

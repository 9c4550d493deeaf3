import { limitKey, visitorAddress } from './client-address.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { portalSettings } from './settings.ts';

let limiter: RateLimiter | undefined;

/**
 * Searches per visitor for `/api/search`, in this portal process (each portal instance counts its
 * own visitors; the CMS's limits are the ones shared by every instance). Counted by `server.ts`
 * before the page cache, so cached answers count too.
 */
export const searchWait = (): number => {
  if (!limiter) {
    const { max, windowSeconds } = portalSettings().searchRateLimit;
    limiter = createRateLimiter(max, windowSeconds * 1000);
  }
  return limiter.hit(limitKey(visitorAddress()));
};

/** The 429 a visitor gets past the limit, with how long to wait. */
export const searchRefusal = (seconds: number): { status: number; headers: Record<string, string>; body: string } => ({
  status: 429,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(seconds),
  },
  body: JSON.stringify({
    error: `Troppe ricerche da questo indirizzo: riprovare tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}.`,
  }),
});

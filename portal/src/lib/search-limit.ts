import { limitKey, visitorAddress } from './client-address.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';

let limiter: RateLimiter | undefined;

/**
 * Searches per visitor for `/api/search`, in this portal process (each portal instance counts its
 * own visitors; the CMS's limits are the ones shared by every instance).
 */
export const searchWait = (): number => {
  limiter ??= createRateLimiter(
    Number(process.env.PORTAL_SEARCH_RATE_LIMIT_MAX || 120),
    Number(process.env.PORTAL_SEARCH_RATE_LIMIT_SECONDS || 60) * 1000,
  );
  return limiter.hit(limitKey(visitorAddress()));
};

export const tooManySearches = (seconds: number): Response =>
  new Response(
    JSON.stringify({
      error: `Troppe ricerche da questo indirizzo: riprovare tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}.`,
    }),
    {
      status: 429,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': String(seconds),
      },
    },
  );

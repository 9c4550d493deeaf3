/** A fixed-window counter per key, in memory: enough for one CMS process (see README for several). */
export const createRateLimiter = (max: number, windowMs: number) => {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    /** Counts a hit; returns the seconds to wait when the key is over its limit, or 0. */
    hit(key: string, now = Date.now()): number {
      const window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        windows.set(key, { startedAt: now, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > max ? Math.ceil((window.startedAt + windowMs - now) / 1000) : 0;
    },
  };
};

/** Per-key fixed windows in this process's memory, pruned as they end. */
export type RateLimiter = {
  /** Counts a hit; returns the seconds to wait when the key is over its limit, or 0. */
  hit: (key: string, now?: number) => number;
  /** Keys currently counted. */
  readonly size: number;
};

export const createRateLimiter = (max: number, windowMs: number, maxKeys = 100_000): RateLimiter => {
  const windows = new Map<string, { endsAt: number; count: number }>();
  let nextPruneAt = 0;

  const prune = (now: number): void => {
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
    nextPruneAt = now + windowMs;
  };

  return {
    hit(key, now = Date.now()) {
      if (now >= nextPruneAt) prune(now);
      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        windows.delete(key);
        // Under a flood of distinct clients the oldest windows go first (a Map keeps insertion order).
        while (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        window = { endsAt: now + windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > max ? Math.max(1, Math.ceil((window.endsAt - now) / 1000)) : 0;
    },
    get size() {
      return windows.size;
    },
  };
};

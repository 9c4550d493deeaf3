/**
 * Remembers the last documents rendered, by a key that changes whenever their content does, and
 * shares one render between requests that arrive together: a burst of downloads of the same
 * public sheet costs one LibreOffice conversion, not one each.
 */
export const createRenderCache = <T>(maxEntries: number) => {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key: string, render: () => Promise<T>): Promise<T> {
      const cached = entries.get(key);
      if (cached) {
        // Most recently used last: the first entry is the one to evict.
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      const rendering = render();
      entries.set(key, rendering);
      rendering.catch(() => entries.delete(key));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return rendering;
    },
    get size(): number {
      return entries.size;
    },
  };
};

/**
 * What a page was built from, gathered while it renders: every cached answer it read adds its
 * tags (so the page is invalidated with them), and says whether it was stale or could not be read.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type Dependencies = {
  tags: Set<string>;
  /** Some answer was an old copy served because its service is down. */
  stale: boolean;
  /** Some answer could not be read at all: the page shows an error or a fallback. */
  failed: boolean;
  /** An expired answer must be read again, not served while it reloads (a page being rebuilt). */
  mustRevalidate: boolean;
};

const storage = new AsyncLocalStorage<Dependencies>();

export const newDependencies = (mustRevalidate = false): Dependencies => ({
  tags: new Set(),
  stale: false,
  failed: false,
  mustRevalidate,
});

/** Runs `work` with `dependencies` gathering what it reads. */
export const gathering = <T>(dependencies: Dependencies, work: () => Promise<T>): Promise<T> =>
  storage.run(dependencies, work);

/** What the current page gathers, if a page is rendering. */
export const currentDependencies = (): Dependencies | undefined => storage.getStore();

/** Runs `work` outside of any page: a shared load must not add to the page that started it. */
export const outsideOfPages = <T>(work: () => Promise<T>): Promise<T> => storage.exit(work);

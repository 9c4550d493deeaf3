import { ServiceUnavailableError } from './errors.ts';

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: ServiceUnavailableError };

/**
 * Runs a page's data loading; a CMS or search outage becomes a value the page renders as its
 * Italian error state (with a 503), anything else is a bug and is thrown.
 */
export const load = async <T>(loader: () => Promise<T>): Promise<Loaded<T>> => {
  try {
    return { ok: true, data: await loader() };
  } catch (error) {
    if (error instanceof ServiceUnavailableError) {
      console.error(`[portal] ${error.name}: ${error.message}`);
      return { ok: false, error };
    }
    throw error;
  }
};

import { createHmac } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { PUBLIC_INDEXES } from './indexes.ts';

/** Fixed uid of the portal's key: Meilisearch derives the key's value from it and the master key. */
export const PORTAL_SEARCH_KEY_UID = '7b2f0c4e-5d1a-4c8e-9f3b-2a6d8e1c0f57';

const PORTAL_SEARCH_KEY = {
  uid: PORTAL_SEARCH_KEY_UID,
  name: 'Portale pubblico',
  description: 'Sola ricerca sugli indici pubblici; usata dal portale',
  actions: ['search'],
  indexes: PUBLIC_INDEXES.map((index) => index.uid),
  expiresAt: null,
};

/** The portal key's value, as Meilisearch computes it: HMAC-SHA256 of the uid with the master key. */
export const portalSearchKey = (masterKey: string): string =>
  createHmac('sha256', masterKey).update(PORTAL_SEARCH_KEY_UID).digest('hex');

/** Creates the portal's search-only key if missing, or puts back its scope if someone widened it. */
export const ensurePortalSearchKey = async (client: Meilisearch): Promise<string> => {
  const existing = await client.getKey(PORTAL_SEARCH_KEY_UID).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  const scopeMatches =
    existing !== null &&
    existing.actions.join() === PORTAL_SEARCH_KEY.actions.join() &&
    existing.indexes.join() === PORTAL_SEARCH_KEY.indexes.join() &&
    existing.expiresAt === null;
  if (!scopeMatches) {
    // A key's actions and indexes cannot be updated: replace it (same uid, so the same value).
    if (existing) await client.deleteKey(PORTAL_SEARCH_KEY_UID);
    await client.createKey(PORTAL_SEARCH_KEY);
  }
  return (await client.getKey(PORTAL_SEARCH_KEY_UID)).key;
};

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'cause' in error &&
  (error.cause as { code?: string })?.code === 'api_key_not_found';

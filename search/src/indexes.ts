import { ORGANISATIONS_INDEX, ORGANISATIONS_SETTINGS } from './organisations-index.ts';
import { PRACTICES_INDEX, PRACTICES_SETTINGS } from './practices-index.ts';

/** The indexes the platform keeps, with their settings: the one place that lists them. */
export const PUBLIC_INDEXES = [
  { uid: PRACTICES_INDEX, primaryKey: 'id', settings: PRACTICES_SETTINGS },
  { uid: ORGANISATIONS_INDEX, primaryKey: 'id', settings: ORGANISATIONS_SETTINGS },
] as const;

export type PublicIndexUid = (typeof PUBLIC_INDEXES)[number]['uid'];

export const isPublicIndex = (uid: string): uid is PublicIndexUid => PUBLIC_INDEXES.some((index) => index.uid === uid);

export const indexDefinition = (uid: PublicIndexUid) => {
  const definition = PUBLIC_INDEXES.find((index) => index.uid === uid);
  if (!definition) throw new Error(`Unknown index ${uid}`);
  return definition;
};

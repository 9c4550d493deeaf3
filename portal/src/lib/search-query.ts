/**
 * What the catalogue asks Meilisearch for what a visitor typed. Meilisearch takes the last word
 * as the start of a longer one ("pa" → "Palazzo", "patti"), which buries a sector acronym under
 * words that only begin like it; an acronym is meant as a whole word (its synonyms find what it
 * stands for). A query ending in a space tells Meilisearch its last word is complete.
 */
import { SECTOR_ACRONYMS } from '@coop/search/sector-terms';

/** "R.S.A." → "RSA", "EE.LL." → "EELL": dots between letters say it is an acronym. */
const undotted = (query: string): string =>
  query.replace(/(?<![\p{L}\p{N}])(?:\p{L}{1,2}\.){2,}(?:\p{L}{1,2}(?![\p{L}\p{N}]))?/gu, (match) =>
    match.replaceAll('.', ''),
  );

/** A word meant whole: a known acronym, a single letter, or up to five capitals ("SFA", "PNRR"). */
export const isWholeWord = (word: string): boolean => {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length === 0) return false;
  if (letters.length === 1) return true;
  if (SECTOR_ACRONYMS.has(letters.toLowerCase())) return true;
  return letters.length <= 5 && /^\p{Lu}+$/u.test(letters);
};

export const searchQuery = (typed: string): string => {
  const query = undotted(typed).trim();
  const last = query.split(/\s+/).at(-1) ?? '';
  return last && isWholeWord(last) ? `${query} ` : query;
};

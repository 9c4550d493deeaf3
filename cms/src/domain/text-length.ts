const graphemes = new Intl.Segmenter('it', { granularity: 'grapheme' });

/**
 * Characters as a person counts them: after trimming, an accented letter or an emoji is one
 * character, however many code units or code points it takes.
 */
export const countCharacters = (text: string | null | undefined): number => {
  if (!text) return 0;
  let count = 0;
  for (const _segment of graphemes.segment(text.normalize('NFC').trim())) count += 1;
  return count;
};

export const isBlank = (text: string | null | undefined): boolean => !text || text.trim() === '';

/** One paragraph of a long text as the templates show it. */
export type Paragraph = { text: string; bullet: boolean };

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * Splits the CMS's Markdown-like long texts into paragraphs and list items. Inline emphasis is
 * dropped: Carbone fills text, not styles, and a plain paragraph still reads well.
 */
export const toParagraphs = (text: string | null | undefined): Paragraph[] => {
  if (!text) return [];
  const paragraphs: Paragraph[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length > 0) paragraphs.push({ text: pending.join(' '), bullet: false });
    pending = [];
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine
      .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
      .replace(/^#{1,6}\s+/, '')
      .trim();
    if (line === '') {
      flush();
    } else if (BULLET.test(rawLine)) {
      flush();
      paragraphs.push({ text: line.replace(BULLET, ''), bullet: true });
    } else {
      pending.push(line);
    }
  }
  flush();
  return paragraphs;
};

export const isBlank = (text: string | null | undefined): boolean => !text || text.trim() === '';

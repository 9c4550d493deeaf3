/**
 * A light well-formedness check (balanced tags, no stray `<` or `&`) that names the first problem
 * with its line, so a mangled template fails at build time instead of as a blank page.
 */
export const findXmlProblem = (xml: string): string | null => {
  const stack: { name: string; offset: number }[] = [];
  const lineOf = (offset: number): number => xml.slice(0, offset).split('\n').length;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|&(?![a-zA-Z]+;|#\d+;|#x[\da-fA-F]+;)/g;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<') return `"<" fuori posto alla riga ${lineOf(match.index)}`;
    if (whole.startsWith('&')) return `"&" non codificato alla riga ${lineOf(match.index)}`;
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (!open) return `</${name}> senza apertura alla riga ${lineOf(match.index)}`;
      if (open.name !== name) {
        return `</${name}> alla riga ${lineOf(match.index)} chiude <${open.name}> aperto alla riga ${lineOf(open.offset)}`;
      }
    } else if (!selfClosing) {
      stack.push({ name, offset: match.index });
    }
  }
  const unclosed = stack.pop();
  return unclosed ? `<${unclosed.name}> aperto alla riga ${lineOf(unclosed.offset)} e mai chiuso` : null;
};

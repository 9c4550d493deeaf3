import jsonld from 'jsonld';
import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its name (with the namespace it is in), attributes, children, text. */
export type XmlElement = {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
};

/** Parses XML with a conforming, namespace-aware parser: throws on anything that is not well-formed. */
export const parseXml = (source: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(source).close();
  if (!root) throw new Error('no root element');
  return root;
};

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined =>
  childrenNamed(element, name)[0];

/** schema.org's context, as its terms expand (no network in tests: served here). */
const SCHEMA_ORG_CONTEXT = { '@context': { '@vocab': 'https://schema.org/' } };

/**
 * Expands JSON-LD with jsonld.js in safe mode, which throws on anything it would have to drop
 * (an undefined term or prefix, a malformed value): what is left is every statement, as IRIs.
 */
export const expandJsonLd = (document: unknown): Promise<Record<string, unknown>[]> =>
  jsonld.expand(document, {
    safe: true,
    documentLoader: (url: string) =>
      /^https?:\/\/schema\.org\/?$/.test(url)
        ? Promise.resolve({ contextUrl: null, documentUrl: url, document: SCHEMA_ORG_CONTEXT })
        : Promise.reject(new Error(`JSON-LD: no remote context expected (${url})`)),
  });

/** The JSON-LD blocks of an HTML page. */
export const jsonLdOf = (html: string): unknown[] =>
  [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? 'null') as unknown,
  );

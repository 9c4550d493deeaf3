// jsonld.js ships no types: the one call the tests make of it.
declare module 'jsonld' {
  type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
  const jsonld: {
    expand: (
      input: unknown,
      options?: { documentLoader?: (url: string) => Promise<RemoteDocument>; safe?: boolean },
    ) => Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}

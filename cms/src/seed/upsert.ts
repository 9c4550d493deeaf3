import type { Core, UID } from '@strapi/strapi';

type Row = { documentId: string } & Record<string, unknown>;

/**
 * Creates, in order, the documents whose `key` value is not stored yet, and returns every
 * document by key. Existing documents are left as people may have edited them.
 */
export const createMissing = async <T extends Record<string, unknown>>(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  key: string,
  items: T[],
  toData: (item: T) => Record<string, unknown> | Promise<Record<string, unknown>>,
  afterCreate?: (documentId: string, item: T) => Promise<void>,
): Promise<{ byKey: Map<string, Row>; created: number }> => {
  const existing = (await strapi
    .documents(uid)
    .findMany({ fields: [key], limit: 10_000 } as never)) as unknown as Row[];
  const byKey = new Map(existing.map((row) => [String(row[key]), row]));
  let created = 0;
  for (const item of items) {
    const itemKey = String(item[key]);
    if (byKey.has(itemKey)) continue;
    const document = (await strapi.documents(uid).create({ data: await toData(item) } as never)) as unknown as Row;
    await afterCreate?.(document.documentId, item);
    byKey.set(itemKey, document);
    created += 1;
  }
  return { byKey, created };
};

export const requireKey = <V>(map: Map<string, V>, key: string, what: string): V => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}: ${key}`);
  return value;
};

import type { Core } from '@strapi/strapi';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSearchClaimTable, SEARCH_CLAIM_TABLE } from '../cluster/tables';
import { claimDocuments, heldDocuments, releaseApplied, releaseClaims, renewClaims } from './claims';

const INDEX = 'practices';

describe('search claims (SQLite)', () => {
  let db: Knex;
  let strapi: Core.Strapi;
  const soon = (): number => Date.now() + 60_000;

  beforeAll(async () => {
    db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable(SEARCH_CLAIM_TABLE, defineSearchClaimTable);
    // The claims only use the CMS's database connection.
    strapi = {
      db: { connection: db, getConnection: (table: string) => db(table), getSchemaName: () => undefined },
    } as unknown as Core.Strapi;
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('gives a document to one worker at a time', async () => {
    expect([...(await claimDocuments(strapi, INDEX, ['a', 'b'], 'uno', soon()))].sort()).toEqual(['a', 'b']);
    expect([...(await claimDocuments(strapi, INDEX, ['b', 'c'], 'due', soon()))]).toEqual(['c']);
    expect(await heldDocuments(strapi)).toEqual(
      expect.arrayContaining([
        { token: 'uno', count: 2 },
        { token: 'due', count: 1 },
      ]),
    );
    await releaseClaims(strapi, INDEX, ['a', 'b'], 'uno');
    expect([...(await claimDocuments(strapi, INDEX, ['b'], 'due', soon()))]).toEqual(['b']);
  });

  it('lets another worker take a document over once the lease ran out, and the first one then writes nothing', async () => {
    await claimDocuments(strapi, INDEX, ['d'], 'lento', Date.now() - 1);
    expect([...(await claimDocuments(strapi, INDEX, ['d'], 'svelto', soon()))]).toEqual(['d']);
    expect([...(await renewClaims(strapi, INDEX, ['d'], 'lento', soon()))]).toEqual([]);
    expect(await releaseApplied(strapi, INDEX, [{ documentId: 'd', sequence: 7 }], 'lento')).toEqual(['d']);
    expect(await releaseApplied(strapi, INDEX, [{ documentId: 'd', sequence: 9 }], 'svelto')).toEqual([]);
    const [row] = (await db(SEARCH_CLAIM_TABLE).where({ index_uid: INDEX, document_id: 'd' })) as unknown[];
    expect(row).toMatchObject({ token: null, applied_sequence: 9 });
  });

  it('keeps the claims of different indexes apart', async () => {
    expect([...(await claimDocuments(strapi, 'organisations', ['a'], 'tre', soon()))]).toEqual(['a']);
  });
});

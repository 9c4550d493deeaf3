import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { isToOne, namedCount, resolveRelation } from './relations';

// Document ids resolve without the database; a database id would need it.
const strapi = {} as Core.Strapi;
const toOne = { type: 'relation', relation: 'manyToOne', target: 'api::organisation.organisation' };
const toMany = { type: 'relation', relation: 'manyToMany', target: 'api::partner-category.partner-category' };

describe('relations resolved as Strapi stores them', () => {
  it('replaces a to-one value with a connect, a set or a shorthand', async () => {
    for (const input of [{ connect: [{ documentId: 'a' }] }, { set: ['a'] }, 'a', ['a'], { documentId: 'a' }]) {
      expect(await resolveRelation(strapi, toOne, input, ['b']), JSON.stringify(input)).toEqual(['a']);
    }
  });

  it('empties a to-one value by disconnecting the current one, by null or by an empty set', async () => {
    expect(await resolveRelation(strapi, toOne, { disconnect: ['b'] }, ['b'])).toEqual([]);
    expect(await resolveRelation(strapi, toOne, null, ['b'])).toEqual([]);
    expect(await resolveRelation(strapi, toOne, { set: [] }, ['b'])).toEqual([]);
    expect(await resolveRelation(strapi, toOne, { disconnect: ['c'] }, ['b'])).toEqual(['b']);
    expect(await resolveRelation(strapi, toOne, undefined, ['b'])).toEqual(['b']);
  });

  it('adds and removes on a to-many relation, and a shorthand or set replaces the list', async () => {
    expect(await resolveRelation(strapi, toMany, { connect: ['c'] }, ['a', 'b'])).toEqual(['a', 'b', 'c']);
    expect(await resolveRelation(strapi, toMany, { disconnect: ['a'], connect: ['c'] }, ['a', 'b'])).toEqual([
      'b',
      'c',
    ]);
    expect(await resolveRelation(strapi, toMany, ['c'], ['a', 'b'])).toEqual(['c']);
    expect(await resolveRelation(strapi, toMany, { set: ['c'], connect: ['d'] }, ['a'])).toEqual(['c']);
  });

  it('counts every value a write names, to refuse two on a to-one relation', () => {
    expect(namedCount({ connect: ['a', 'b'] })).toBe(2);
    expect(namedCount({ set: ['a'], connect: ['b'] })).toBe(2);
    expect(namedCount(['a', 'b'])).toBe(2);
    expect(namedCount({ connect: ['a'], disconnect: ['b'] })).toBe(1);
    expect(namedCount(null)).toBe(0);
    expect(isToOne(toOne)).toBe(true);
    expect(isToOne(toMany)).toBe(false);
  });
});

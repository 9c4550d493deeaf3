/**
 * Short queries as visitors type them: a sector acronym is a whole word, not the start of longer
 * ones ("PA" is not "Palazzo" or "partecipazione"), and it finds what it stands for.
 */
import { expect, portal, searchIndexReady, test } from './portal-fixtures.ts';

type Hit = { slug: string; title: { text: string; match: boolean }[]; excerpt: { text: string; match: boolean }[] };
type Answer = { total: number; hits: Hit[] };

const search = async (query: string): Promise<Answer> => {
  const response = await fetch(portal(`/api/search?q=${encodeURIComponent(query)}`));
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
};

/** The words Meilisearch marked as matching in the titles and excerpts. */
const matched = (answer: Answer): string[] =>
  answer.hits.flatMap((hit) => [...hit.title, ...hit.excerpt].filter((part) => part.match).map((part) => part.text));

test.beforeAll(searchIndexReady);

test('"PA" finds the public administration as a whole word, typed in any case', async () => {
  const acronym = await search('PA');
  expect(acronym.total).toBeGreaterThan(0);
  // What a prefix would have found: words that only begin with "pa".
  const prefixOnly = matched(acronym).filter((word) => /^pa\p{L}/iu.test(word) && !/^pa$/iu.test(word));
  expect(prefixOnly, 'words matched only because they begin with "pa"').toEqual([]);
  expect((await search('pa')).hits.map((hit) => hit.slug)).toEqual(acronym.hits.map((hit) => hit.slug));
  expect((await search('P.A.')).hits.map((hit) => hit.slug)).toEqual(acronym.hits.map((hit) => hit.slug));

  // The expansion finds the same practices among the first.
  const expansion = await search('pubblica amministrazione');
  for (const hit of acronym.hits) expect(expansion.hits.map((found) => found.slug)).toContain(hit.slug);
});

test('"SAD" finds home care, which the practices write out in full', async () => {
  const answer = await search('SAD');
  expect(answer.total).toBeGreaterThan(0);
  expect(matched(answer).some((words) => /assistenza domiciliare/i.test(words))).toBe(true);
  expect(answer.total).toBe((await search('sad')).total);
});

test('a word being typed still finds longer words', async () => {
  const typing = await search('anzia');
  expect(typing.total).toBeGreaterThan(0);
  expect(matched(typing).some((word) => /^anzia/i.test(word))).toBe(true);
});

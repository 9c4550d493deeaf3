import { describe, expect, it } from 'vitest';
import {
  SITE_NAME,
  activeFilters,
  catalogueDocumentTitle,
  catalogueTitle,
  emptyState,
  hasRefinements,
  pageNumbers,
  pageWithin,
  parseState,
  previousPage,
  stateUrl,
  toFilter,
  toParams,
  withoutFilter,
} from './catalogue-state.ts';

describe('catalogue state in the URL', () => {
  it('reads every refinement, the query, sorting and page', () => {
    const state = parseState(
      new URLSearchParams(
        'q=+orti+&ambito=Co-progettazione&regione=Lombardia&regione=Piemonte&provincia=Milano&tipo=Cooperativa+sociale+di+tipo+B&partnership=Partnership+economica&finanziamento=Fondazioni&valutazione=si&organizzazione=il-sentiero&ordine=recenti&pagina=3',
      ),
    );
    expect(state).toEqual({
      query: 'orti',
      refinements: {
        area: ['Co-progettazione'],
        region: ['Lombardia', 'Piemonte'],
        province: ['Milano'],
        organisationType: ['Cooperativa sociale di tipo B'],
        partnership: ['Partnership economica'],
        funding: ['Fondazioni'],
      },
      impact: 'si',
      organisation: 'il-sentiero',
      sort: 'recenti',
      page: 3,
    });
    expect(parseState(toParams(state))).toEqual(state);
  });

  it('falls back to the defaults on unknown or broken values, and leaves defaults out of URLs', () => {
    const state = parseState(
      new URLSearchParams('ordine=a-caso&pagina=-4&valutazione=forse&regione=&regione=Lazio&regione=Lazio'),
    );
    expect(state.sort).toBe('rilevanza');
    expect(state.page).toBe(1);
    expect(state.impact).toBeNull();
    expect(state.refinements.region).toEqual(['Lazio']);
    expect(stateUrl(emptyState())).toBe('/pratiche');
    expect(stateUrl({ ...emptyState(), query: 'anziani', page: 2 })).toBe('/pratiche?q=anziani&pagina=2');
    expect(hasRefinements(emptyState())).toBe(false);
    expect(hasRefinements(state)).toBe(true);
  });
});

describe('Meilisearch filter', () => {
  it('ORs the values of a refinement, ANDs refinements, quotes values', () => {
    const state = {
      ...emptyState(),
      refinements: { ...emptyState().refinements, region: ['Lombardia', "Valle d'Aosta"], funding: ['Altre "varie"'] },
      impact: 'no' as const,
      organisation: 'il-sentiero',
    };
    expect(toFilter(state)).toEqual([
      '(region = "Lombardia" OR region = "Valle d\'Aosta")',
      '(fundingSources = "Altre \\"varie\\"")',
      '(impactEvaluation = false)',
      '(organisationSlug = "il-sentiero")',
    ]);
    expect(toFilter(state, 'region')).toEqual([
      '(fundingSources = "Altre \\"varie\\"")',
      '(impactEvaluation = false)',
      '(organisationSlug = "il-sentiero")',
    ]);
  });

  it('leaves the impact filter out for its own counts, so the other choice still counts', () => {
    const state = { ...emptyState(), query: 'orti', impact: 'si' as const, organisation: 'il-sentiero' };
    expect(toFilter(state)).toContain('(impactEvaluation = true)');
    expect(toFilter(state, 'impact')).toEqual(['(organisationSlug = "il-sentiero")']);
  });
});

describe('pages', () => {
  it('shows the last page for a page past it, and page 1 when nothing is found', () => {
    expect(pageWithin(9, 2)).toBe(2);
    expect(pageWithin(2, 2)).toBe(2);
    expect(pageWithin(1, 4)).toBe(1);
    expect(pageWithin(9, 0)).toBe(1);
  });

  it('never leads "Precedente" past the last page', () => {
    expect(previousPage(9, 2)).toBe(2);
    expect(previousPage(3, 4)).toBe(2);
    expect(previousPage(1, 4)).toBe(1);
  });

  it('offers the first, the last and two pages around the current one, with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageNumbers(6, 10)).toEqual([1, null, 4, 5, 6, 7, 8, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 8, 9, 10]);
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('active filters', () => {
  const state = {
    ...emptyState(),
    query: 'orti',
    refinements: { ...emptyState().refinements, region: ['Lombardia', 'Piemonte'] },
    impact: 'no' as const,
    organisation: 'il-sentiero',
    page: 3,
  };

  it('lists every refinement in use, the organisation by name when known', () => {
    expect(activeFilters(state, 'Il Sentiero')).toEqual([
      { key: 'region', label: 'Regione', value: 'Lombardia' },
      { key: 'region', label: 'Regione', value: 'Piemonte' },
      { key: 'impact', label: 'Valutazione d’impatto', value: 'non prevista' },
      { key: 'organisation', label: 'Organizzazione', value: 'Il Sentiero' },
    ]);
    expect(activeFilters(state).at(-1)?.value).toBe('il-sentiero');
    expect(activeFilters(emptyState())).toEqual([]);
  });

  it('takes one away and starts again from page 1', () => {
    const [lombardia, , impact, organisation] = activeFilters(state);
    expect(withoutFilter(state, lombardia!)).toEqual({
      ...state,
      refinements: { ...state.refinements, region: ['Piemonte'] },
      page: 1,
    });
    expect(withoutFilter(state, impact!)).toEqual({ ...state, impact: null, page: 1 });
    expect(withoutFilter(state, organisation!)).toEqual({ ...state, organisation: null, page: 1 });
  });
});

describe('page title', () => {
  it('names the search, or the catalogue when nothing is searched', () => {
    expect(catalogueTitle(emptyState())).toBe('Pratiche innovative');
    expect(catalogueTitle({ ...emptyState(), page: 3 })).toBe('Pratiche innovative');
    expect(catalogueTitle({ ...emptyState(), query: ' orti ' })).toBe('Ricerca: orti · Pratiche innovative');
    expect(catalogueTitle({ ...emptyState(), impact: 'si' })).toBe('Ricerca: filtri · Pratiche innovative');
    expect(catalogueDocumentTitle({ ...emptyState(), query: 'orti' })).toBe(
      `Ricerca: orti · Pratiche innovative · ${SITE_NAME}`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { emptyState, hasRefinements, parseState, stateUrl, toFilter, toParams } from './catalogue-state.ts';

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
});

/**
 * The catalogue of the open datasets in DCAT-AP_IT (the Italian profile of DCAT-AP, AgID), as
 * JSON-LD: each dataset with its publisher, licence, update frequency, contact point, themes,
 * data dictionary and one distribution per format.
 */
import type { Dataset, Distribution } from './datasets.ts';
import { SITE_NAME } from './catalogue-state.ts';

const EU = 'http://publications.europa.eu/resource/authority';
export const CATALOGUE_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dct:modified': { '@type': 'xsd:date' },
  'dct:issued': { '@type': 'xsd:date' },
};

/** CC BY 4.0, as DCAT-AP_IT wants a licence: a document with its ADMS type. */
export const LICENCE_DOCUMENT = {
  '@id': 'https://creativecommons.org/licenses/by/4.0/',
  '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
  'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
  'foaf:name': 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
};

export type Publisher = { name: string; email: string | null };

const FILE_TYPES: Record<Distribution['format'], string> = { CSV: 'CSV', JSON: 'JSON', GEOJSON: 'GEOJSON' };

const day = (iso: string): string => iso.slice(0, 10);

export const catalogueJsonLd = (
  datasets: Dataset[],
  portalUrl: string,
  publisher: Publisher,
  modified: string,
): unknown => {
  const agent = {
    '@id': `${portalUrl}/#editore`,
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': publisher.name,
    'dct:identifier': portalUrl,
  };
  const contact = {
    '@id': `${portalUrl}/dati#contatti`,
    '@type': ['vcard:Organization', 'dcatapit:Organization'],
    'vcard:fn': publisher.name,
    ...(publisher.email ? { 'vcard:hasEmail': { '@id': `mailto:${publisher.email}` } } : {}),
    'vcard:hasURL': { '@id': `${portalUrl}/dati` },
  };
  const dataset = (item: Dataset) => ({
    '@id': `${portalUrl}/dati#${item.id}`,
    '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
    'dct:identifier': `${new URL(portalUrl).host}:${item.id}`,
    'dct:title': { '@value': item.title, '@language': 'it' },
    'dct:description': { '@value': item.description, '@language': 'it' },
    'dct:publisher': { '@id': agent['@id'] },
    'dct:rightsHolder': { '@id': agent['@id'] },
    'dcat:contactPoint': { '@id': contact['@id'] },
    'dct:modified': day(modified),
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/CONT` },
    'dct:language': { '@id': `${EU}/language/ITA` },
    'dct:spatial': { '@id': `${EU}/country/ITA` },
    'dcat:theme': item.themes.map((theme) => ({ '@id': `${EU}/data-theme/${theme}` })),
    'dcat:keyword': item.keywords,
    'dcat:landingPage': { '@id': `${portalUrl}/dati` },
    'dct:conformsTo': {
      '@id': `${portalUrl}/dati/dizionario/${item.id}`,
      '@type': 'dct:Standard',
      'dct:title': `Dizionario dei dati: ${item.title}`,
    },
    'dcat:distribution': item.distributions.map((distribution) => ({
      '@id': `${portalUrl}${distribution.path}`,
      '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
      'dct:title': distribution.title,
      'dct:format': { '@id': `${EU}/file-type/${FILE_TYPES[distribution.format]}` },
      'dcat:mediaType': distribution.mediaType,
      'dcat:accessURL': { '@id': `${portalUrl}${distribution.path}` },
      'dcat:downloadURL': { '@id': `${portalUrl}${distribution.path}` },
      'dct:license': { '@id': LICENCE_DOCUMENT['@id'] },
      'dct:modified': day(modified),
    })),
  });
  return {
    '@context': CATALOGUE_CONTEXT,
    '@graph': [
      {
        '@id': `${portalUrl}/dati/catalogo.jsonld`,
        '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
        'dct:title': { '@value': `Dati aperti · ${SITE_NAME}`, '@language': 'it' },
        'dct:description': {
          '@value':
            'Le pratiche innovative, le organizzazioni, i servizi dei consorzi e l’osservatorio dei bilanci sociali della rete delle cooperative sociali, con licenza CC BY 4.0.',
          '@language': 'it',
        },
        'dct:publisher': { '@id': agent['@id'] },
        'dct:modified': day(modified),
        'dct:language': { '@id': `${EU}/language/ITA` },
        'foaf:homepage': { '@id': `${portalUrl}/dati` },
        'dct:license': { '@id': LICENCE_DOCUMENT['@id'] },
        'dcat:dataset': datasets.map((item) => ({ '@id': `${portalUrl}/dati#${item.id}` })),
      },
      agent,
      contact,
      LICENCE_DOCUMENT,
      ...datasets.map(dataset),
    ],
  };
};

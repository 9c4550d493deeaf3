/**
 * schema.org descriptions of the portal's pages as JSON-LD: a practice is a `Project` of its
 * organisation, an organisation an `Organization` and `NGO`, each with the `Place` it is in.
 */
import type { PracticeCard, Province } from './cms.ts';
import type { PublicOrganisation } from './organisation-pages.ts';

type Node = Record<string, unknown>;

/** JSON for a `<script type="application/ld+json">`: nothing in it can close the script. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const coordinate = (value: unknown): number | null => {
  const parsed = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : null;
};

const administrativeArea = (name: string | null | undefined): Node | null =>
  name ? { '@type': 'AdministrativeArea', name } : null;

const placeOf = (
  where: {
    address?: string | null;
    postalCode?: string | null;
    city?: string | null;
    province?: { name: string; code: string; region: { name: string } | null } | null;
  },
  latitude: number | null,
  longitude: number | null,
): Node => ({
  '@type': 'Place',
  name: [where.city, where.province?.name].filter(Boolean).join(', ') || 'Italia',
  address: {
    '@type': 'PostalAddress',
    ...(where.address ? { streetAddress: where.address } : {}),
    ...(where.postalCode ? { postalCode: where.postalCode } : {}),
    ...(where.city ? { addressLocality: where.city } : {}),
    ...(where.province ? { addressRegion: where.province.region?.name ?? where.province.name } : {}),
    addressCountry: 'IT',
  },
  ...(latitude !== null && longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude, longitude } } : {}),
});

const areasServed = (province: { name: string; region: { name: string } | null } | null | undefined): Node[] =>
  [administrativeArea(province?.name), administrativeArea(province?.region?.name)].filter(
    (area): area is Node => area !== null,
  );

export const practiceJsonLd = (card: PracticeCard, provinces: Province[], portalUrl: string): Node => {
  const organisation = card.organisation;
  const capital = card.province ? provinces.find((province) => province.code === card.province?.code) : undefined;
  const latitude = coordinate(organisation?.latitude) ?? coordinate(capital?.latitude);
  const longitude = coordinate(organisation?.longitude) ?? coordinate(capital?.longitude);
  const url = `${portalUrl}/pratiche/${card.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    '@id': url,
    name: card.title,
    url,
    description: card.description,
    ...(card.innovationArea ? { keywords: card.innovationArea.name } : {}),
    ...(card.startYear ? { foundingDate: String(card.startYear) } : {}),
    datePublished: card.publishedAt,
    location: placeOf({ city: card.city ?? organisation?.city ?? null, province: card.province }, latitude, longitude),
    areaServed: areasServed(card.province),
    ...(organisation
      ? {
          parentOrganization: {
            '@type': ['Organization', 'NGO'],
            '@id': `${portalUrl}/organizzazioni/${organisation.slug}`,
            name: organisation.name,
            url: `${portalUrl}/organizzazioni/${organisation.slug}`,
          },
        }
      : {}),
    funder: card.fundingSources.map((source) => ({ '@type': 'Organization', name: source.name })),
    isAccessibleForFree: true,
  };
};

export const organisationJsonLd = (
  organisation: PublicOrganisation & { latitude?: number | string | null; longitude?: number | string | null },
  portalUrl: string,
  logoUrl: string | null,
): Node => {
  const url = `${portalUrl}/organizzazioni/${organisation.slug}`;
  const place = placeOf(organisation, coordinate(organisation.latitude), coordinate(organisation.longitude));
  return {
    '@context': 'https://schema.org',
    '@type': ['Organization', 'NGO'],
    '@id': url,
    name: organisation.name,
    url,
    ...(organisation.description ? { description: organisation.description } : {}),
    ...(organisation.website
      ? {
          sameAs: [
            /^https?:\/\//i.test(organisation.website) ? organisation.website : `https://${organisation.website}`,
          ],
        }
      : {}),
    ...(logoUrl ? { logo: logoUrl } : {}),
    ...(organisation.foundedYear ? { foundingDate: String(organisation.foundedYear) } : {}),
    additionalType: organisation.organisationType,
    address: place.address,
    location: place,
    areaServed: areasServed(organisation.province),
    memberOf: (organisation.memberOf ?? []).map((consortium) => ({
      '@type': ['Organization', 'NGO'],
      name: consortium.name,
      url: `${portalUrl}/organizzazioni/${consortium.slug}`,
    })),
    member: (organisation.members ?? []).map((member) => ({
      '@type': ['Organization', 'NGO'],
      name: member.name,
      url: `${portalUrl}/organizzazioni/${member.slug}`,
    })),
  };
};

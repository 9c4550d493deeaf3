import type { OrganisationSearchDocument } from './organisations-index.ts';
import { coordinates, type Named, type Place } from './places.ts';

/** An active organisation as the CMS gives it: plain data, relations populated. */
export type ActiveOrganisation = Place & {
  documentId: string;
  slug: string;
  name: string;
  organisationType: string;
  description: string | null;
  city: string | null;
  province: (Named & Place & { code: string; region: Named | null }) | null;
  memberOf: Named[];
  members: Named[];
  consortiumServices: { serviceArea: Named | null; province: { code: string } | null }[];
};

const distinctSorted = (values: (string | null | undefined)[]): string[] =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b, 'it'));

/** The index document of an active organisation; located at its address, or else at its province's capital. */
export const toOrganisationDocument = (organisation: ActiveOrganisation): OrganisationSearchDocument => ({
  id: organisation.documentId,
  slug: organisation.slug,
  name: organisation.name,
  organisationType: organisation.organisationType,
  description: organisation.description ?? '',
  city: organisation.city,
  province: organisation.province?.name ?? null,
  provinceCode: organisation.province?.code ?? null,
  region: organisation.province?.region?.name ?? null,
  consortia: distinctSorted(organisation.memberOf.map((consortium) => consortium.name)),
  members: distinctSorted(organisation.members.map((member) => member.name)),
  serviceAreas: distinctSorted(organisation.consortiumServices.map((service) => service.serviceArea?.name)),
  serviceProvinceCodes: distinctSorted(organisation.consortiumServices.map((service) => service.province?.code)),
  _geo: coordinates(organisation) ?? coordinates(organisation.province),
});

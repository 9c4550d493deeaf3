import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-files';
import type { DemoOrganisation } from './demo-organisations';
import type { ReferenceData } from './reference-data';
import { createMissing, requireKey } from './upsert';

type Presence = { consortium: string; presence: { provinceCode: string; areas: string[] }[] };

/** The consortium's services by province and area, each run by its member in that province. */
export const seedDemoConsortiumServices = async (
  strapi: Core.Strapi,
  reference: ReferenceData,
  organisations: DemoOrganisation[],
  organisationIds: Map<string, { documentId: string }>,
) => {
  const { consortium, presence } = readDataFile<Presence>(strapi, 'consortium-presence.json');
  const consortiumData = organisations.find((organisation) => organisation.slug === consortium);
  const members = organisations.filter((organisation) => consortiumData?.memberSlugs.includes(organisation.slug));

  const services = presence.flatMap(({ provinceCode, areas }) =>
    areas.map((area, index) => {
      const sameAreaBefore = areas.slice(0, index).filter((other) => other === area).length;
      const member = members.find((organisation) => organisation.provinceCode === provinceCode);
      return {
        name: `${area} · ${reference.provinceDetails.get(provinceCode)?.name ?? provinceCode}${sameAreaBefore > 0 ? ` (${sameAreaBefore + 1})` : ''}`,
        provinceCode,
        area,
        memberSlug: member?.slug ?? null,
      };
    }),
  );

  const result = await createMissing(
    strapi,
    'api::consortium-service.consortium-service',
    'name',
    services,
    (service) => ({
      name: service.name,
      consortium: requireKey(organisationIds, consortium, 'organisation').documentId,
      memberOrganisation: service.memberSlug
        ? requireKey(organisationIds, service.memberSlug, 'organisation').documentId
        : null,
      province: requireKey(reference.provinces, service.provinceCode, 'province').documentId,
      serviceArea: requireKey(reference.serviceAreas, service.area, 'service area').documentId,
    }),
  );
  return { created: result.created };
};

import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { OrganisationStatus } from '../domain/organisation-types';
import { vatCheckDigit } from '../domain/tax-code';
import { readDataFile } from './data-files';
import { logoSvg, uploadGeneratedImage } from './images';
import type { ReferenceData } from './reference-data';
import { createMissing, requireKey } from './upsert';

export type DemoOrganisation = {
  slug: string;
  name: string;
  organisationType: string;
  legacoopMember: boolean;
  address: string;
  postalCode: string;
  city: string;
  provinceCode: string;
  email: string;
  pec: string;
  website: string;
  phone: string;
  foundedYear: number;
  description: string;
  responsabile: { fullName: string; role: string; email: string; phone: string };
  status: 'active' | 'pending' | 'suspended';
  memberSlugs: string[];
  logoColor: string;
  latitude: number;
  longitude: number;
};

const STATUS: Record<DemoOrganisation['status'], OrganisationStatus> = {
  active: 'Attiva',
  pending: 'In attesa',
  suspended: 'Sospesa',
};

/**
 * A valid, stable P.IVA for a demo organisation: seven digits from its slug, the three-digit
 * office code of its province, and the check digit.
 */
export const demoVatNumber = (slug: string, provinceIstatCode: string): string => {
  const digest = createHash('sha256').update(slug).digest();
  const serial = String(digest.readUInt32BE(0) % 10_000_000).padStart(7, '0');
  const firstTen = `${serial}${provinceIstatCode.padStart(3, '0').slice(-3)}`;
  return `${firstTen}${vatCheckDigit(firstTen)}`;
};

/** The demo cooperatives, consortia and social enterprises, with generated logos. */
export const seedDemoOrganisations = async (strapi: Core.Strapi, reference: ReferenceData) => {
  const organisations = readDataFile<DemoOrganisation[]>(strapi, 'demo', 'organisations.json');
  // Members first, so that a consortium can point at them when it is created.
  const ordered = [...organisations].sort((a, b) => a.memberSlugs.length - b.memberSlugs.length);
  const result = await createMissing(
    strapi,
    'api::organisation.organisation',
    'slug',
    ordered,
    async (organisation) => {
      const { provinceCode, memberSlugs, logoColor, status, ...fields } = organisation;
      const vatNumber = demoVatNumber(
        organisation.slug,
        requireKey(reference.provinceDetails, provinceCode, 'province').istatCode,
      );
      const logo = await uploadGeneratedImage(strapi, logoSvg(organisation.name, logoColor), {
        name: `logo-${organisation.slug}`,
        alternativeText: `Logo di ${organisation.name}`,
        format: 'png',
      });
      const members = await strapi.documents('api::organisation.organisation').findMany({
        filters: { slug: { $in: memberSlugs } },
        fields: ['documentId'],
      } as never);
      return {
        ...fields,
        taxCode: vatNumber,
        vatNumber,
        platformStatus: STATUS[status],
        province: requireKey(reference.provinces, provinceCode, 'province').documentId,
        members: members.map((member) => member.documentId),
        logo: logo.id,
      };
    },
  );
  return { organisations, byKey: result.byKey, created: result.created };
};

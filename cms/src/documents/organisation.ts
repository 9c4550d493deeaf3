import type { Core } from '@strapi/strapi';
import { validateOrganisation, type OrganisationData } from '../domain/organisation-rules';
import { normaliseTaxCode } from '../domain/tax-code';
import { checkImage } from './media';
import { refuseIfAny } from './validation-error';
import { validateWrites, type WriteAction, type WriteParams } from './validate-writes';
import { pendingDocument } from './write-context';

export const ORGANISATION_UID = 'api::organisation.organisation';

const POPULATE = {
  province: { fields: ['documentId'] },
  members: { fields: ['documentId'] },
  responsabile: true,
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const checkOrganisation = async (strapi: Core.Strapi, params: WriteParams, action: WriteAction): Promise<void> => {
  const data = params.data ?? {};
  for (const field of ['taxCode', 'vatNumber'] as const) {
    if (typeof data[field] === 'string') data[field] = normaliseTaxCode(data[field]);
  }
  const pending = await pendingDocument(strapi, ORGANISATION_UID, params, POPULATE);
  const [province, members] = await Promise.all([pending.relation('province'), pending.relation('members')]);
  const organisation: OrganisationData = {
    name: text(pending.value('name')),
    organisationType: text(pending.value('organisationType')),
    taxCode: text(pending.value('taxCode')),
    vatNumber: text(pending.value('vatNumber')),
    address: text(pending.value('address')),
    postalCode: text(pending.value('postalCode')),
    city: text(pending.value('city')),
    province: province[0] ?? null,
    email: text(pending.value('email')),
    pec: text(pending.value('pec')),
    website: text(pending.value('website')),
    phone: text(pending.value('phone')),
    responsabile: (pending.value('responsabile') as OrganisationData['responsabile']) ?? null,
    memberCount: members.length,
  };

  const errors = validateOrganisation(organisation);
  if (organisation.taxCode) {
    const sameTaxCode = (await strapi.db.query(ORGANISATION_UID).findOne({
      where: {
        taxCode: organisation.taxCode,
        ...(action === 'update' && params.documentId ? { documentId: { $ne: params.documentId } } : {}),
      },
      select: ['name'],
    })) as { name: string } | null;
    if (sameTaxCode) {
      errors.push({
        path: ['taxCode'],
        message: `Codice fiscale: è già registrato per "${sameTaxCode.name}"`,
      });
    }
  }
  if (action === 'update' && params.documentId && members.includes(params.documentId)) {
    errors.push({ path: ['members'], message: 'Organizzazioni associate: un consorzio non può associare sé stesso' });
  }
  errors.push(...(await checkImage(strapi, data.logo, ['logo'], 'Logo')));
  refuseIfAny(errors);
};

/** Organisations: the anagrafica is validated on every write, whoever writes it. */
export const organisationMiddleware = validateWrites(ORGANISATION_UID, checkOrganisation);

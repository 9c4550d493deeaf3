import type { Core } from '@strapi/strapi';
import type { FieldError } from '../domain/field-error';
import { validateOrganisation } from '../domain/organisation-rules';
import { normaliseTaxCode } from '../domain/tax-code';
import { enqueueEmail } from '../email/outbox';
import { registrationReceived } from '../email/templates';

export const REGISTRATION_UID = 'api::registration-request.registration-request';
const ORGANISATION_UID = 'api::organisation.organisation';

export type RegistrationInput = {
  organisationName?: unknown;
  organisationType?: unknown;
  taxCode?: unknown;
  vatNumber?: unknown;
  legacoopMember?: unknown;
  address?: unknown;
  postalCode?: unknown;
  city?: unknown;
  province?: unknown;
  email?: unknown;
  pec?: unknown;
  responsabile?: { fullName?: unknown; email?: unknown; phone?: unknown; role?: unknown };
  privacyAccepted?: unknown;
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Field names of the anagrafica rules that the registration form calls otherwise. */
const FORM_FIELD: Record<string, string> = { name: 'organisationName' };

/**
 * Checks a registration request as the network will: the anagrafica rules, a province that
 * exists, consent, and no organisation or pending request with the same tax code.
 */
export const checkRegistration = async (
  strapi: Core.Strapi,
  input: RegistrationInput,
): Promise<{ errors: FieldError[]; provinceId: string | null }> => {
  const provinceCode = text(input.province)?.toUpperCase() ?? null;
  const province = provinceCode
    ? await strapi.db.query('api::province.province').findOne({ where: { code: provinceCode }, select: ['documentId'] })
    : null;
  const taxCode = text(input.taxCode) ? normaliseTaxCode(text(input.taxCode) ?? '') : null;
  const responsabile = input.responsabile ?? {};
  const errors = validateOrganisation({
    name: text(input.organisationName),
    organisationType: text(input.organisationType),
    taxCode,
    vatNumber: text(input.vatNumber) ? normaliseTaxCode(text(input.vatNumber) ?? '') : null,
    address: text(input.address),
    postalCode: text(input.postalCode),
    city: text(input.city),
    province: province?.documentId ?? null,
    email: text(input.email),
    pec: text(input.pec),
    website: null,
    phone: null,
    responsabile: {
      fullName: text(responsabile.fullName),
      email: text(responsabile.email),
      phone: text(responsabile.phone),
    },
    memberCount: 0,
  }).map((error) => ({ ...error, path: error.path.map((part) => FORM_FIELD[String(part)] ?? part) }));

  if (provinceCode && !province)
    errors.push({ path: ['province'], message: `Provincia: sigla "${provinceCode}" sconosciuta` });
  if (input.privacyAccepted !== true) {
    errors.push({ path: ['privacyAccepted'], message: 'Privacy: occorre acconsentire al trattamento dei dati' });
  }
  if (taxCode) {
    const organisation = await strapi.db.query(ORGANISATION_UID).findOne({ where: { taxCode }, select: ['name'] });
    const pending = await strapi.db.query(REGISTRATION_UID).findOne({
      where: { taxCode, requestStatus: 'In attesa' },
      select: ['id'],
    });
    if (organisation) {
      errors.push({
        path: ['taxCode'],
        message: `Codice fiscale: "${organisation.name}" è già registrata; il suo Responsabile può accedere o chiedere aiuto alla rete`,
      });
    } else if (pending) {
      errors.push({
        path: ['taxCode'],
        message: 'Codice fiscale: c’è già una richiesta in attesa di verifica per questa organizzazione',
      });
    }
  }
  return { errors, provinceId: province?.documentId ?? null };
};

/** Stores a checked request as pending and queues the confirmation to its Responsabile. */
export const storeRegistration = async (
  strapi: Core.Strapi,
  input: RegistrationInput,
  provinceId: string,
): Promise<{ documentId: string }> => {
  const responsabile = {
    fullName: text(input.responsabile?.fullName) ?? '',
    email: (text(input.responsabile?.email) ?? '').toLowerCase(),
    phone: text(input.responsabile?.phone) ?? '',
    role: text(input.responsabile?.role),
  };
  const organisationName = text(input.organisationName) ?? '';
  const created = await strapi.documents(REGISTRATION_UID).create({
    data: {
      organisationName,
      organisationType: text(input.organisationType),
      taxCode: normaliseTaxCode(text(input.taxCode) ?? ''),
      vatNumber: text(input.vatNumber) ? normaliseTaxCode(text(input.vatNumber) ?? '') : null,
      legacoopMember: input.legacoopMember === true,
      address: text(input.address),
      postalCode: text(input.postalCode),
      city: text(input.city),
      province: provinceId,
      email: text(input.email),
      pec: text(input.pec),
      responsabile,
      requestStatus: 'In attesa',
      privacyAcceptedAt: new Date().toISOString(),
    },
  } as never);
  await enqueueEmail(strapi, registrationReceived(responsabile.email, responsabile.fullName, organisationName));
  return { documentId: created.documentId };
};

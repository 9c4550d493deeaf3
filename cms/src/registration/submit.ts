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

/**
 * Free text of the form that ends up in e-mails: names and places, never web addresses (a link in
 * a confirmation sent to any address is how a stranger would phish with the network's name).
 */
const PLAIN_TEXT_FIELDS: { path: string[]; label: string; value: (input: RegistrationInput) => unknown }[] = [
  { path: ['organisationName'], label: 'Denominazione', value: (input) => input.organisationName },
  { path: ['address'], label: 'Indirizzo', value: (input) => input.address },
  { path: ['city'], label: 'Comune', value: (input) => input.city },
  { path: ['responsabile', 'fullName'], label: 'Nome e cognome', value: (input) => input.responsabile?.fullName },
  { path: ['responsabile', 'role'], label: 'Ruolo nell’organizzazione', value: (input) => input.responsabile?.role },
];

const WEB_ADDRESS = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:/i;

const webAddressErrors = (input: RegistrationInput): FieldError[] =>
  PLAIN_TEXT_FIELDS.filter(({ value }) => WEB_ADDRESS.test(text(value(input)) ?? '')).map(({ path, label }) => ({
    path,
    message: `${label}: non può contenere indirizzi web`,
  }));

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
    ? ((await strapi.db
        .query('api::province.province')
        .findOne({ where: { code: provinceCode }, select: ['documentId'] })) as { documentId: string } | null)
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

  errors.push(...webAddressErrors(input));
  if (provinceCode && !province)
    errors.push({ path: ['province'], message: `Provincia: sigla "${provinceCode}" sconosciuta` });
  if (input.privacyAccepted !== true) {
    errors.push({ path: ['privacyAccepted'], message: 'Privacy: occorre acconsentire al trattamento dei dati' });
  }
  if (taxCode) {
    const registered = await strapi.db.query(ORGANISATION_UID).count({ where: { taxCode } });
    const pending = await strapi.db.query(REGISTRATION_UID).count({ where: { taxCode, requestStatus: 'In attesa' } });
    // One message for both, naming nobody: who holds a tax code, or is applying, is not public.
    if (registered + pending > 0) {
      errors.push({
        path: ['taxCode'],
        message:
          'Codice fiscale: per questa organizzazione esiste già un account o una richiesta in verifica. Il suo Responsabile può accedere con le proprie credenziali; altrimenti scrivete alla rete.',
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

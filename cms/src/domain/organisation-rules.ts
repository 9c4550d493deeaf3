import { isConsortium, isOrganisationType } from '@coop/vocabulary/organisation-types';
import { isValidEmail, isValidPhone, isValidPostalCode, isValidWebsite } from './contact-formats';
import type { FieldError } from './field-error';
import { isValidTaxCode, isValidVatNumber } from './tax-code';
import { isBlank } from './text-length';

export type OrganisationData = {
  name: string | null;
  organisationType: string | null;
  taxCode: string | null;
  vatNumber: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  email: string | null;
  pec: string | null;
  website: string | null;
  phone: string | null;
  responsabile: { fullName?: string | null; email?: string | null; phone?: string | null } | null;
  memberCount: number;
};

export const validateOrganisation = (organisation: OrganisationData): FieldError[] => {
  const errors: FieldError[] = [];
  const required: [keyof OrganisationData, string][] = [
    ['name', 'Denominazione'],
    ['taxCode', 'Codice fiscale'],
    ['address', 'Indirizzo'],
    ['postalCode', 'CAP'],
    ['city', 'Comune'],
    ['email', 'E-mail'],
  ];
  for (const [field, label] of required) {
    if (isBlank(organisation[field] as string | null))
      errors.push({ path: [field], message: `${label}: campo obbligatorio` });
  }
  if (!isOrganisationType(organisation.organisationType)) {
    errors.push({ path: ['organisationType'], message: 'Tipologia: scegliere una delle sei tipologie' });
  }
  if (!organisation.province) errors.push({ path: ['province'], message: 'Provincia: campo obbligatorio' });

  if (organisation.taxCode && !isValidTaxCode(organisation.taxCode)) {
    errors.push({
      path: ['taxCode'],
      message: 'Codice fiscale: non valido (11 cifre per un ente, 16 caratteri per una persona; controllare le cifre)',
    });
  }
  if (organisation.vatNumber && !isValidVatNumber(organisation.vatNumber)) {
    errors.push({ path: ['vatNumber'], message: 'Partita IVA: non valida (11 cifre con la cifra di controllo)' });
  }
  if (organisation.postalCode && !isValidPostalCode(organisation.postalCode)) {
    errors.push({ path: ['postalCode'], message: 'CAP: deve avere 5 cifre' });
  }
  for (const [field, label] of [
    ['email', 'E-mail'],
    ['pec', 'PEC'],
  ] as const) {
    const value = organisation[field];
    if (value && !isValidEmail(value)) errors.push({ path: [field], message: `${label}: indirizzo non valido` });
  }
  if (organisation.website && !isValidWebsite(organisation.website)) {
    errors.push({ path: ['website'], message: 'Sito web: indirizzo non valido (es. https://www.cooperativa.it)' });
  }
  if (organisation.phone && !isValidPhone(organisation.phone)) {
    errors.push({ path: ['phone'], message: 'Telefono: numero non valido' });
  }

  const responsabile = organisation.responsabile;
  if (!responsabile || isBlank(responsabile.fullName) || isBlank(responsabile.email) || isBlank(responsabile.phone)) {
    errors.push({
      path: ['responsabile'],
      message: 'Responsabile per la piattaforma: nome, e-mail e telefono sono obbligatori',
    });
  } else {
    if (!isValidEmail(responsabile.email ?? '')) {
      errors.push({ path: ['responsabile', 'email'], message: 'Responsabile per la piattaforma: e-mail non valida' });
    }
    if (!isValidPhone(responsabile.phone ?? '')) {
      errors.push({ path: ['responsabile', 'phone'], message: 'Responsabile per la piattaforma: telefono non valido' });
    }
  }

  if (organisation.memberCount > 0 && !isConsortium(organisation.organisationType)) {
    errors.push({ path: ['members'], message: 'Organizzazioni associate: solo un consorzio ha associate' });
  }
  return errors;
};

/**
 * The registration form ("Richiedi le tue credenziali"): its fields, as the form names them and
 * as the CMS endpoint `POST /api/registration-requests` expects them.
 */

export { ORGANISATION_TYPES } from '@coop/vocabulary/organisation-types';

export const TEXT_FIELDS = [
  'organisationName',
  'organisationType',
  'taxCode',
  'vatNumber',
  'address',
  'postalCode',
  'city',
  'province',
  'email',
  'pec',
  'responsabile.fullName',
  'responsabile.email',
  'responsabile.phone',
  'responsabile.role',
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

/** What the visitor typed, kept as typed so that nothing is lost when the request is refused. */
export type RegistrationValues = Record<TextField, string> & {
  legacoopMember: boolean;
  privacyAccepted: boolean;
  homepage: string;
};

export const emptyValues = (): RegistrationValues => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Record<TextField, string>),
  legacoopMember: false,
  privacyAccepted: false,
  homepage: '',
});

export const valuesFromForm = (form: FormData): RegistrationValues => {
  const text = (name: string): string => {
    const value = form.get(name);
    return typeof value === 'string' ? value.slice(0, 500) : '';
  };
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(field)])) as Record<TextField, string>),
    legacoopMember: form.get('legacoopMember') === 'si',
    privacyAccepted: form.get('privacyAccepted') === 'si',
    homepage: text('homepage'),
  };
};

/** The request body's `data` for the CMS. */
export const toRequest = (values: RegistrationValues): Record<string, unknown> => ({
  organisationName: values.organisationName,
  organisationType: values.organisationType,
  taxCode: values.taxCode,
  vatNumber: values.vatNumber,
  legacoopMember: values.legacoopMember,
  address: values.address,
  postalCode: values.postalCode,
  city: values.city,
  province: values.province,
  email: values.email,
  pec: values.pec,
  responsabile: {
    fullName: values['responsabile.fullName'],
    email: values['responsabile.email'],
    phone: values['responsabile.phone'],
    role: values['responsabile.role'],
  },
  privacyAccepted: values.privacyAccepted,
  homepage: values.homepage,
});

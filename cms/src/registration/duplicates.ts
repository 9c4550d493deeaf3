import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ORGANISATION } from '../access/content-types';
import { REGISTRATION_UID } from './submit';

type Request = {
  documentId: string;
  organisationName: string;
  taxCode: string | null;
  email: string | null;
  responsabile: { email?: string | null } | null;
};

/** What another organisation, request or account has in common with this request. */
export type Duplicate = {
  kind: 'Organizzazione' | 'Richiesta' | 'Account';
  name: string;
  matches: string;
  documentId?: string;
};

const lower = (value: string | null | undefined): string => (value ?? '').trim().toLowerCase();

/**
 * Registered organisations, other requests and admin accounts sharing this request's tax code or
 * e-mail addresses: the staff see them before approving, so an organisation is not registered twice.
 */
export const registrationDuplicates = async (strapi: Core.Strapi, documentId: string): Promise<Duplicate[]> => {
  const request = (await strapi.documents(REGISTRATION_UID as never).findOne({
    documentId,
    populate: { responsabile: true },
  } as never)) as unknown as Request | null;
  if (!request) throw new errors.NotFoundError('Richiesta non trovata');
  const taxCode = (request.taxCode ?? '').trim();
  const emails = [...new Set([lower(request.email), lower(request.responsabile?.email)].filter(Boolean))];
  const same = (label: string, value: string | null | undefined, wanted: string[]): string[] =>
    value && wanted.includes(lower(value)) ? [label] : [];

  const organisations = (await strapi.documents(ORGANISATION as never).findMany({
    status: 'draft',
    filters: { $or: [...(taxCode ? [{ taxCode }] : []), ...emails.map((email) => ({ email: { $eqi: email } }))] },
    fields: ['documentId', 'name', 'taxCode', 'email'],
    limit: 20,
  } as never)) as unknown as { documentId: string; name: string; taxCode: string | null; email: string | null }[];
  const requests = (await strapi.documents(REGISTRATION_UID as never).findMany({
    filters: {
      documentId: { $ne: documentId },
      $or: [
        ...(taxCode ? [{ taxCode }] : []),
        ...emails.flatMap((email) => [{ email: { $eqi: email } }, { responsabile: { email: { $eqi: email } } }]),
      ],
    },
    populate: { responsabile: true },
    fields: ['documentId', 'organisationName', 'taxCode', 'email', 'requestStatus'],
    limit: 20,
  } as never)) as unknown as (Request & { requestStatus: string })[];
  const accounts = emails.length
    ? ((await strapi.db.query('admin::user').findMany({
        where: { email: { $in: emails } },
        select: ['email', 'firstname', 'lastname'],
      })) as { email: string; firstname: string | null; lastname: string | null }[])
    : [];

  return [
    ...organisations.map((organisation) => ({
      kind: 'Organizzazione' as const,
      name: organisation.name,
      documentId: organisation.documentId,
      matches: [
        ...(taxCode && organisation.taxCode === taxCode ? ['codice fiscale'] : []),
        ...same('e-mail', organisation.email, emails),
      ].join(', '),
    })),
    ...requests.map((other) => ({
      kind: 'Richiesta' as const,
      name: `${other.organisationName} (${other.requestStatus.toLowerCase()})`,
      documentId: other.documentId,
      matches: [
        ...(taxCode && other.taxCode === taxCode ? ['codice fiscale'] : []),
        ...same('e-mail', other.email, emails),
        ...same('e-mail del Responsabile', other.responsabile?.email, emails),
      ].join(', '),
    })),
    ...accounts.map((account) => ({
      kind: 'Account' as const,
      name: [account.firstname, account.lastname].filter(Boolean).join(' ') || account.email,
      matches: `e-mail ${account.email}`,
    })),
  ];
};

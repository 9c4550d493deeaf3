import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ORGANISATION_USER_UID } from '../access/organisation-user';
import { RESPONSABILE } from '../access/roles';
import { ACTIVE_STATUS } from '../domain/organisation-types';
import { isBlank } from '../domain/text-length';
import { enqueueEmail } from '../email/outbox';
import { registrationApproved, registrationRejected } from '../email/templates';
import { REGISTRATION_UID } from './submit';
import { displayName, registrationLink, type AdminAccount } from '../access/admin-accounts';
import { invitationValidDays } from '../access/invitations';
import { adminUserService } from '../strapi/services';

type Request = {
  documentId: string;
  organisationName: string;
  organisationType: string;
  taxCode: string;
  vatNumber: string | null;
  legacoopMember: boolean;
  address: string;
  postalCode: string;
  city: string;
  province: { documentId: string } | null;
  email: string;
  pec: string | null;
  requestStatus: 'In attesa' | 'Approvata' | 'Respinta';
  responsabile: { fullName: string; email: string; phone: string; role: string | null };
};

const loadPending = async (strapi: Core.Strapi, documentId: string): Promise<Request> => {
  const request = (await strapi.documents(REGISTRATION_UID).findOne({
    documentId,
    populate: { province: { fields: ['documentId'] }, responsabile: true },
  } as never)) as unknown as Request | null;
  if (!request) throw new errors.NotFoundError('Richiesta non trovata');
  if (request.requestStatus !== 'In attesa') {
    throw new errors.ApplicationError(`La richiesta è già ${request.requestStatus.toLowerCase()}`);
  }
  return request;
};

const splitName = (fullName: string): { firstname: string; lastname: string } => {
  const [firstname = fullName, ...rest] = fullName.trim().split(/\s+/);
  return { firstname, lastname: rest.join(' ') };
};

/**
 * Approval: the organisation (active), its Responsabile's admin account (to be activated through
 * Strapi's registration link) and their link are created together; then the credentials e-mail.
 */
export const approveRegistration = async (
  strapi: Core.Strapi,
  documentId: string,
  reviewer: AdminAccount,
): Promise<{ organisation: string }> => {
  const request = await loadPending(strapi, documentId);
  const email = request.responsabile.email.toLowerCase();
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) {
    throw new errors.ApplicationError(
      `Esiste già un account con l’e-mail ${email}: usarne un’altra per il Responsabile`,
    );
  }
  const role = (await strapi.db.query('admin::role').findOne({ where: { name: RESPONSABILE } })) as { id: number };

  const { organisation, registrationToken } = await strapi.db.transaction(async () => {
    const created = await strapi.documents('api::organisation.organisation').create({
      data: {
        name: request.organisationName,
        organisationType: request.organisationType,
        taxCode: request.taxCode,
        vatNumber: request.vatNumber,
        legacoopMember: request.legacoopMember,
        platformStatus: ACTIVE_STATUS,
        address: request.address,
        postalCode: request.postalCode,
        city: request.city,
        province: request.province?.documentId,
        email: request.email,
        pec: request.pec,
        responsabile: {
          fullName: request.responsabile.fullName,
          email,
          phone: request.responsabile.phone,
          role: request.responsabile.role,
        },
      },
    } as never);
    const user = (await adminUserService(strapi).create({
      email,
      ...splitName(request.responsabile.fullName),
      roles: [role.id],
      preferedLanguage: 'it',
    })) as { id: number; registrationToken: string };
    await strapi.documents(ORGANISATION_USER_UID).create({
      data: { adminUser: user.id, organisation: created.documentId, role: 'Responsabile' },
    } as never);
    await strapi.documents(REGISTRATION_UID).update({
      documentId,
      data: {
        requestStatus: 'Approvata',
        reviewedAt: new Date().toISOString(),
        reviewedBy: displayName(reviewer),
        organisation: created.documentId,
      },
    } as never);
    return { organisation: created.documentId, registrationToken: user.registrationToken };
  });

  const link = registrationLink(strapi, registrationToken);
  await enqueueEmail(
    strapi,
    registrationApproved(
      email,
      request.responsabile.fullName,
      request.organisationName,
      link,
      invitationValidDays(strapi),
    ),
  );
  return { organisation };
};

/** Rejection, with the reason the applicant reads in the e-mail. */
export const rejectRegistration = async (
  strapi: Core.Strapi,
  documentId: string,
  reason: unknown,
  reviewer: AdminAccount,
): Promise<void> => {
  if (typeof reason !== 'string' || isBlank(reason)) {
    throw new errors.ValidationError('Motivazione: spiegare perché la richiesta non è approvata', {
      errors: [{ path: ['reason'], message: 'Motivazione: campo obbligatorio', name: 'ValidationError' }],
    });
  }
  const request = await loadPending(strapi, documentId);
  await strapi.documents(REGISTRATION_UID).update({
    documentId,
    data: {
      requestStatus: 'Respinta',
      rejectionReason: reason.trim(),
      reviewedAt: new Date().toISOString(),
      reviewedBy: displayName(reviewer),
    },
  } as never);
  await enqueueEmail(
    strapi,
    registrationRejected(
      request.responsabile.email,
      request.responsabile.fullName,
      request.organisationName,
      reason.trim(),
    ),
  );
};

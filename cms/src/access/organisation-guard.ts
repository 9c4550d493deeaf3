import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentIds, resolveRelation } from '../documents/relations';
import { membershipOf } from './organisation-user';
import { adminUserOfRequest } from './request-user';

const ORGANISATION = 'api::organisation.organisation';

/** Where each scoped content type says which organisation a document belongs to. */
const OWNER_FIELD: Record<string, string> = {
  'api::practice-card.practice-card': 'organisation',
  'api::social-report.social-report': 'organisation',
  'api::consortium-service.consortium-service': 'consortium',
  'api::organisation-user.organisation-user': 'organisation',
};

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

// PolicyError: the one kind of 403 whose message Strapi passes on to the user.
const refuse = (): never => {
  throw new errors.PolicyError('Potete lavorare solo sui dati della vostra organizzazione');
};

/**
 * Isolation on every write, beneath the admin's permissions: a cooperative's account can only
 * write documents of its own organisation, and cannot move a document to another one.
 */
export const organisationGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const ownerField = OWNER_FIELD[context.uid];
    if ((!ownerField && context.uid !== ORGANISATION) || !WRITES.has(context.action)) return next();
    const user = adminUserOfRequest(strapi);
    if (!user) return next();
    const membership = await membershipOf(strapi, user.id);
    if (!membership) return next();

    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    if (context.uid === ORGANISATION) {
      if (context.action !== 'update' || params.documentId !== membership.organisation) refuse();
      return next();
    }
    if (context.action === 'publish' || context.action === 'unpublish') refuse();

    const field = ownerField as string;
    const stored = params.documentId
      ? await strapi.documents(context.uid).findOne({
          documentId: params.documentId,
          fields: ['documentId'],
          populate: { [field]: { fields: ['documentId'] } },
        } as never)
      : null;
    const storedOwner = currentIds((stored as Record<string, unknown> | null)?.[field]);
    if (params.documentId && storedOwner[0] !== membership.organisation) refuse();
    if (context.action === 'create' || context.action === 'update') {
      const owner = await resolveRelation(strapi, ORGANISATION as UID.ContentType, params.data?.[field], storedOwner);
      if (owner.length > 0 && owner[0] !== membership.organisation) refuse();
      if (context.action === 'create' && owner.length === 0) {
        params.data = { ...params.data, [field]: membership.organisation };
      }
    }
    return next();
  };

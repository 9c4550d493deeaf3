import type { Core, Modules } from '@strapi/strapi';
import { ORGANISATION } from '../access/content-types';
import { OWNER_FIELD } from '../access/organisation-guard';
import { currentIds } from '../documents/relations';
import { fileUnderOrganisation, mediaIdsIn } from './organisation-folders';

const WRITES = new Set(['create', 'update', 'clone']);

/**
 * A file attached to an organisation's document that sits in no folder yet (uploaded by the
 * network staff, or by the seed) goes into that organisation's folder, so that the
 * organisation's accounts find it in their media library.
 */
export const mediaFilingMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { uid } = context;
    const owner = OWNER_FIELD[uid];
    if (!WRITES.has(context.action) || (!owner && uid !== ORGANISATION)) return next();
    const files = mediaIdsIn(strapi, uid, (context.params as { data?: unknown }).data);
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId;
    if (files.length === 0 || !documentId) return result;
    let organisation: string | undefined = documentId;
    if (owner) {
      const stored = (await strapi.db.query(uid).findOne({
        where: { documentId },
        populate: { [owner]: { select: ['documentId'] } },
      })) as Record<string, unknown> | null;
      organisation = currentIds(stored?.[owner])[0];
    }
    if (organisation) await fileUnderOrganisation(strapi, organisation, files);
    return result;
  };

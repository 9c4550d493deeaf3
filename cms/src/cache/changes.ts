import type { Core, Modules } from '@strapi/strapi';
import {
  ALERT_SUBSCRIPTION,
  EMAIL_MESSAGE,
  ORGANISATION,
  ORGANISATION_USER,
  REGISTRATION_REQUEST,
  SEARCH_SYNC_TASK,
  WORKFLOW_EVENT,
} from '../access/content-types';
import { ACTIVE_STATUS } from '../domain/organisation-types';

/** A change the portal must hear of: a document of a REST collection, and whether the public lost it. */
export type PortalChange = { type: string; documentId: string; gone: boolean };

type Context = Modules.Documents.Middleware.Context;
type Result = { documentId?: string; entries?: { documentId?: string }[] } | null | undefined;

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
/** Actions that change what the public sees of a draft-and-publish document. */
const PUBLIC_ACTIONS = new Set(['publish', 'unpublish', 'delete']);

/** Content the portal never shows (workflow history, e-mails, outboxes, people and requests). */
const PRIVATE_TYPES = new Set([
  EMAIL_MESSAGE,
  WORKFLOW_EVENT,
  SEARCH_SYNC_TASK,
  REGISTRATION_REQUEST,
  ORGANISATION_USER,
  ALERT_SUBSCRIPTION,
]);

const resultDocumentId = (result: Result): string | undefined => result?.documentId ?? result?.entries?.[0]?.documentId;

type Model = { options?: { draftAndPublish?: boolean }; info?: { pluralName?: string } };

const modelOf = (strapi: Core.Strapi, uid: string): Model | undefined =>
  (strapi.contentTypes as unknown as Record<string, Model | undefined>)[uid];

const hasDraftAndPublish = (strapi: Core.Strapi, uid: string): boolean =>
  modelOf(strapi, uid)?.options?.draftAndPublish === true;

/** Whether the write may change what the public API answers, before looking at its result. */
export const mayChangePublicContent = (strapi: Core.Strapi, context: Context): boolean => {
  if (!WRITES.has(context.action) || !context.uid.startsWith('api::') || PRIVATE_TYPES.has(context.uid)) return false;
  if (!hasDraftAndPublish(strapi, context.uid)) return true;
  // Edits of a draft stay out of public view until they are published.
  const status = (context.params as { status?: string }).status;
  return PUBLIC_ACTIONS.has(context.action) || status === 'published';
};

/** After the write: does the public still see the document? */
const isGone = async (strapi: Core.Strapi, uid: string, action: string, documentId: string): Promise<boolean> => {
  if (action === 'delete' || action === 'unpublish') return true;
  if (hasDraftAndPublish(strapi, uid)) {
    const published = await strapi
      .documents(uid as never)
      .findOne({ documentId, status: 'published', fields: ['id'] } as never);
    return !published;
  }
  if (uid === ORGANISATION) {
    const organisation = (await strapi.db
      .query(ORGANISATION)
      .findOne({ where: { documentId }, select: ['platformStatus'] })) as { platformStatus?: string } | null;
    return organisation?.platformStatus !== ACTIVE_STATUS;
  }
  return false;
};

/** The change a write made, as the portal names it; null when the write touched no document. */
export const portalChangeOf = async (
  strapi: Core.Strapi,
  context: Context,
  result: unknown,
): Promise<PortalChange | null> => {
  const documentId = (context.params as { documentId?: string }).documentId ?? resultDocumentId(result as Result);
  const type = modelOf(strapi, context.uid)?.info?.pluralName;
  if (!documentId || !type) return null;
  return { type, documentId, gone: await isGone(strapi, context.uid, context.action, documentId) };
};

import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf } from '../access/actor';
import { displayName } from '../access/admin-accounts';
import {
  EMAIL_MESSAGE,
  ORGANISATION,
  PRACTICE_CARD,
  SEARCH_SYNC_TASK,
  SOCIAL_REPORT,
  WORKFLOW_EVENT,
} from '../access/content-types';
import { OWNER_FIELD } from '../access/organisation-guard';
import { adminUserOfRequest } from '../access/request-user';
import { CARD_STAGES, REPORT_STAGES } from '../domain/workflow';
import { FILE, storedMediaIds } from '../media/organisation-folders';
import { asWorkflow } from '../workflow/context';
import { uploadService } from '../strapi/services';

/** Logs are never deleted by a write: they are the record itself. */
const LOGS = new Set([WORKFLOW_EVENT, EMAIL_MESSAGE, SEARCH_SYNC_TASK]);

/** What the history calls a deleted document, by content type. */
const SUBJECT_TYPE: Record<string, string> = {
  [PRACTICE_CARD]: 'Scheda pratica',
  [SOCIAL_REPORT]: 'Bilancio sociale',
};

type Stored = { stage?: string | null; title?: string | null; name?: string | null } & Record<string, unknown>;

const storedDocument = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<Stored | null> => {
  const owner = OWNER_FIELD[uid];
  return (await strapi.db.query(uid).findOne({
    where: { documentId },
    ...(owner ? { populate: { [owner]: { select: ['documentId'] } } } : {}),
    orderBy: { publishedAt: 'asc' },
  })) as Stored | null;
};

/**
 * What an organisation's account may delete: a card still in its first stage, a report still
 * being compiled that was never confirmed. Anything later leaves through the workflow
 * (withdrawn, reopened, archived), which keeps it and records it.
 */
const refuseOutsideWorkflow = async (strapi: Core.Strapi, uid: string, documentId: string, stored: Stored) => {
  if (uid === PRACTICE_CARD && stored.stage !== CARD_STAGES[0]) {
    throw new errors.PolicyError(
      `La scheda è «${stored.stage}»: si elimina solo in «${CARD_STAGES[0]}»; dopo, la redazione la ritira dal portale`,
    );
  }
  if (uid === SOCIAL_REPORT) {
    const confirmed = (await strapi.db.query(WORKFLOW_EVENT).findOne({
      where: { subjectDocumentId: documentId, toStage: REPORT_STAGES[1] },
      select: ['id'],
    })) as { id: number } | null;
    if (stored.stage !== REPORT_STAGES[0] || confirmed) {
      throw new errors.PolicyError(
        `Il bilancio è stato confermato: non si elimina; il Responsabile può riaprirlo per modificarlo`,
      );
    }
  }
};

/** Who deletes: the admin account, an API token by its name, or the platform itself. */
export const deletionActor = (strapi: Core.Strapi): { actorName: string; actorEmail: string | null } => {
  const user = adminUserOfRequest(strapi);
  if (user) return { actorName: displayName({ email: user.email ?? '', ...user }), actorEmail: user.email ?? null };
  const ctx = strapi.requestContext.get() as
    { state?: { auth?: { strategy?: { name?: string }; credentials?: { name?: string } } } } | undefined;
  const token = ctx?.state?.auth?.credentials?.name;
  return { actorName: token ? `Token API «${token}»` : 'Sistema', actorEmail: null };
};

/** Files no document points at any more leave the library (and stop being served). */
const releaseFiles = async (strapi: Core.Strapi, fileIds: number[]): Promise<void> => {
  for (const id of fileIds) {
    const file = (await strapi.db.query(FILE).findOne({ where: { id }, populate: { related: true } })) as
      ({ related?: unknown[] } & Record<string, unknown>) | null;
    if (file && (file.related ?? []).length === 0) await uploadService(strapi).remove(file);
  }
};

/**
 * Every delete, whoever makes it and through whichever route: organisation accounts delete only
 * what the workflow allows; the deletion is recorded in the workflow history (who, when, what);
 * the document's files that nothing else uses are removed with it.
 */
export const deletionMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { uid } = context;
    if (context.action !== 'delete' || !uid.startsWith('api::') || LOGS.has(uid)) return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!documentId) return next();
    const stored = await storedDocument(strapi, uid, documentId);
    if (!stored) return next();
    const user = adminUserOfRequest(strapi);
    if (user && (await actorOf(strapi, user)).kind === 'organisation') {
      await refuseOutsideWorkflow(strapi, uid, documentId, stored);
    }
    const files = await storedMediaIds(strapi, uid, documentId);
    const owner = OWNER_FIELD[uid];
    const organisation = owner ? (stored[owner] as { documentId?: string } | null)?.documentId : undefined;

    const result = await strapi.db.transaction(async () => {
      const deleted = await next();
      await asWorkflow(() =>
        strapi.documents(WORKFLOW_EVENT).create({
          data: {
            subjectType: SUBJECT_TYPE[uid] ?? strapi.getModel(uid as UID.Schema).info.displayName,
            subjectDocumentId: documentId,
            subjectTitle: String(stored.title ?? stored.name ?? documentId).slice(0, 300),
            organisation: uid === ORGANISATION ? null : (organisation ?? null),
            fromStage: stored.stage ?? '—',
            toStage: 'Eliminato',
            comment: null,
            ...deletionActor(strapi),
          },
        } as never),
      );
      return deleted;
    });
    await releaseFiles(strapi, files);
    return result;
  };

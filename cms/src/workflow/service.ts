import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRACTICE_CARD, SOCIAL_REPORT, WORKFLOW_EVENT } from '../access/content-types';
import { membershipOf, ORGANISATION_USER_UID } from '../access/organisation-user';
import { CURATOR, holdsRole, NETWORK_STAFF } from '../access/roles';
import { checkPracticeCard } from '../documents/practice-card';
import { isBlank } from '../domain/text-length';
import {
  CARD_STAGES_LOCKED_FOR_COOPERATIVE,
  CARD_TRANSITIONS,
  findTransition,
  REPORT_TRANSITIONS,
  transitionsFrom,
  type Actor,
  type Transition,
} from '../domain/workflow';
import { enqueueEmail } from '../email/outbox';
import { cardOutcome, cardSubmitted } from '../email/templates';
import { asWorkflow } from './context';
import { displayName } from '../access/admin-accounts';
import { reportTransitionData } from '../reports/report-workflow';
import { textOf } from '@coop/vocabulary/format';

export type WorkflowKind = 'practice-card' | 'social-report';
type AdminUser = { id: number; email: string; firstname?: string | null; lastname?: string | null };
type Subject = {
  documentId: string;
  stage: string;
  title: string | null;
  organisation: { documentId: string; name: string } | null;
};

const MODEL = { 'practice-card': PRACTICE_CARD, 'social-report': SOCIAL_REPORT } as const;
const TABLE: Record<WorkflowKind, Transition<string>[]> = {
  'practice-card': CARD_TRANSITIONS,
  'social-report': REPORT_TRANSITIONS,
};
const SUBJECT_TYPE = { 'practice-card': 'Scheda pratica', 'social-report': 'Bilancio sociale' } as const;
const ACTOR_NAMES: Record<Actor, string> = {
  cooperative: 'alla cooperativa (Responsabile o Operatore)',
  responsabile: 'al Responsabile dell’organizzazione',
  curator: 'alla redazione del Think Tank',
};

export const loadSubject = async (strapi: Core.Strapi, kind: WorkflowKind, documentId: string): Promise<Subject> => {
  const subject = (await strapi.documents(MODEL[kind]).findOne({
    documentId,
    status: 'draft',
    fields: ['documentId', 'stage', 'title'],
    populate: { organisation: { fields: ['documentId', 'name'] } },
  } as never)) as unknown as Subject | null;
  if (!subject) throw new errors.NotFoundError('Documento non trovato');
  return subject;
};

/** What the user may do in the workflow of a document of this organisation. */
export const actorsOf = async (strapi: Core.Strapi, user: AdminUser, organisation: string | null): Promise<Actor[]> => {
  const membership = await membershipOf(strapi, user.id);
  if (membership) {
    if (membership.organisation !== organisation) return [];
    if (membership.role === 'Responsabile') return ['cooperative', 'responsabile'];
    return membership.role === 'Operatore' ? ['cooperative'] : [];
  }
  const account = (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] })) as {
    roles: { name: string; code: string }[];
  } | null;
  const roles = account?.roles ?? [];
  if (holdsRole(roles, NETWORK_STAFF)) return ['cooperative', 'responsabile', 'curator'];
  return holdsRole(roles, CURATOR) ? ['curator'] : [];
};

const adminLink = (strapi: Core.Strapi, kind: WorkflowKind, documentId: string): string =>
  `${strapi.config.get<string>('server.url')}/admin/content-manager/collection-types/${MODEL[kind]}/${documentId}`;

const emailsOfRole = async (strapi: Core.Strapi, roleName: string): Promise<string[]> => {
  const users = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { name: roleName } },
    select: ['email'],
  })) as { email: string }[];
  return users.map((user) => user.email);
};

const cooperativeEmails = async (strapi: Core.Strapi, organisation: string): Promise<string[]> => {
  const rows = (await strapi.db.query(ORGANISATION_USER_UID).findMany({
    where: { organisation: { documentId: organisation }, role: { $in: ['Responsabile', 'Operatore'] } },
    populate: { adminUser: { select: ['email', 'isActive'] } },
  })) as { adminUser: { email: string; isActive: boolean } | null }[];
  return rows.flatMap((row) => (row.adminUser?.isActive ? [row.adminUser.email] : []));
};

/** Who hears of a card's move: the curators of a submission, the cooperative of the outcome. */
const notify = async (strapi: Core.Strapi, subject: Subject, to: string, comment: string | null): Promise<void> => {
  const link = adminLink(strapi, 'practice-card', subject.documentId);
  const title = subject.title ?? '';
  if (to === 'Inviata') {
    for (const email of await emailsOfRole(strapi, CURATOR)) {
      await enqueueEmail(strapi, cardSubmitted(email, title, subject.organisation?.name ?? '', link));
    }
  } else if (['Da rivedere', 'Selezionata', 'Pubblicata'].includes(to) && subject.organisation) {
    for (const email of await cooperativeEmails(strapi, subject.organisation.documentId)) {
      await enqueueEmail(strapi, cardOutcome(email, title, to, comment, link));
    }
  }
};

export type TransitionInput = {
  to?: unknown;
  comment?: unknown;
  approvalDate?: unknown;
  depositDate?: unknown;
  depositProtocol?: unknown;
};

/**
 * Moves a document to another stage, if the table allows it for this user and its preconditions
 * hold; records who, when, from, to and why, and notifies. A refused move changes nothing.
 */
export const performTransition = async (
  strapi: Core.Strapi,
  kind: WorkflowKind,
  documentId: string,
  user: AdminUser,
  input: TransitionInput,
): Promise<{ stage: string }> => {
  const subject = await loadSubject(strapi, kind, documentId);
  const to = textOf(input.to);
  const transition = findTransition(TABLE[kind], subject.stage, to);
  if (!transition) throw new errors.ValidationError(`Passaggio non consentito: da «${subject.stage}» a «${to}»`);
  const actors = await actorsOf(strapi, user, subject.organisation?.documentId ?? null);
  if (!transition.actors.some((actor) => actors.includes(actor))) {
    throw new errors.PolicyError(
      `«${transition.label}» spetta ${transition.actors.map((actor) => ACTOR_NAMES[actor]).join(' o ')}`,
    );
  }
  const comment = typeof input.comment === 'string' && !isBlank(input.comment) ? input.comment.trim() : null;
  if (transition.requiresComment && !comment) {
    throw new errors.ValidationError(`Commento: per «${transition.label}» va spiegato il motivo`);
  }
  if (kind === 'practice-card' && to === 'Inviata') await checkPracticeCard(strapi, { documentId }, 'complete');
  const reportData = kind === 'social-report' ? await reportTransitionData(strapi, documentId, transition, input) : {};
  if (kind === 'social-report' && to === 'Confermato') {
    const reports = strapi.service(SOCIAL_REPORT) as {
      completeness(documentId: string): Promise<{ missing: { label: string }[] }>;
    };
    const completeness = await reports.completeness(documentId);
    if (completeness.missing.length > 0) {
      throw new errors.ValidationError(
        `Il bilancio non si può confermare: mancano ${completeness.missing.map((item) => `«${item.label}»`).join(', ')} (o la motivazione della loro omissione)`,
      );
    }
  }

  const actorName = displayName(user);
  await strapi.db.transaction(() =>
    asWorkflow(async () => {
      await strapi.documents(MODEL[kind]).update({
        documentId,
        data: { stage: to, ...reportData },
      } as never);
      if (transition.effect === 'publish') await strapi.documents(MODEL[kind]).publish({ documentId } as never);
      if (transition.effect === 'unpublish') await strapi.documents(MODEL[kind]).unpublish({ documentId } as never);
      await strapi.documents(WORKFLOW_EVENT).create({
        data: {
          subjectType: SUBJECT_TYPE[kind],
          subjectDocumentId: documentId,
          subjectTitle: subject.title,
          organisation: subject.organisation?.documentId,
          fromStage: subject.stage,
          toStage: to,
          comment,
          actorName,
          actorEmail: user.email,
        },
      } as never);
    }),
  );
  if (kind === 'practice-card') await notify(strapi, subject, to, comment);
  return { stage: to };
};

type HistoryEntry = {
  fromStage: string;
  toStage: string;
  comment: string | null;
  actorName: string;
  createdAt: string;
};

/**
 * Why this user cannot change the document now, in words for the banner above it; null if they
 * can. A card the redazione holds is read-only for its cooperative; a report past "In
 * compilazione" for everyone until its Responsabile reopens it.
 */
const readOnlyReason = (kind: WorkflowKind, stage: string, actors: Actor[], history: HistoryEntry[]): string | null => {
  if (kind === 'social-report') {
    return stage === 'In compilazione'
      ? null
      : `Il bilancio è «${stage}»: resta in sola lettura finché il Responsabile non lo riapre per modifiche.`;
  }
  if (actors.includes('curator') || !CARD_STAGES_LOCKED_FOR_COOPERATIVE.includes(stage as never)) return null;
  if (stage === 'Inviata')
    return 'La scheda è stata inviata alla redazione e aspetta una curatrice o un curatore: non si modifica finché ve la rimandano.';
  const holder = history.find((entry) => entry.toStage === stage)?.actorName;
  return `La scheda è «${stage}» ed è in mano alla redazione${holder ? ` (${holder})` : ''}: potrete modificarla se ve la rimanda.`;
};

/** The document's stage, the moves this user may make, and its history, newest first. */
export const workflowState = async (strapi: Core.Strapi, kind: WorkflowKind, documentId: string, user: AdminUser) => {
  const subject = await loadSubject(strapi, kind, documentId);
  const actors = await actorsOf(strapi, user, subject.organisation?.documentId ?? null);
  const history = (await strapi.documents(WORKFLOW_EVENT).findMany({
    filters: { subjectDocumentId: documentId },
    sort: 'createdAt:desc',
    fields: ['fromStage', 'toStage', 'comment', 'actorName', 'createdAt'],
    limit: 100,
  } as never)) as unknown as HistoryEntry[];
  const sentBack =
    subject.stage === 'Da rivedere' ? history.find((entry) => entry.toStage === 'Da rivedere') : undefined;
  return {
    stage: subject.stage,
    readOnly: readOnlyReason(kind, subject.stage, actors, history),
    changesRequested: sentBack
      ? { comment: sentBack.comment, actorName: sentBack.actorName, createdAt: sentBack.createdAt }
      : null,
    transitions: transitionsFrom(TABLE[kind], subject.stage, actors).map(
      ({ to, label, requiresComment, requiresApprovalDate, requiresDeposit, confirm }) => ({
        to,
        label,
        requiresComment: requiresComment ?? false,
        requiresApprovalDate: requiresApprovalDate ?? false,
        requiresDeposit: requiresDeposit ?? false,
        confirm: confirm ?? null,
      }),
    ),
    history,
  };
};

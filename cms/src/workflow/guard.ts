import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRACTICE_CARD, SOCIAL_REPORT, WORKFLOW_EVENT } from '../access/content-types';
import { membershipOf } from '../access/organisation-user';
import { adminUserOfRequest } from '../access/request-user';
import { CARD_STAGES, CARD_STAGES_LOCKED_FOR_COOPERATIVE, REPORT_STAGES, type CardStage } from '../domain/workflow';
import { isWorkflowWrite } from './context';

const INITIAL_STAGE: Record<string, string> = { [PRACTICE_CARD]: CARD_STAGES[0], [SOCIAL_REPORT]: REPORT_STAGES[0] };

const storedStage = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<string | null> => {
  const stored = await strapi
    .documents(uid as never)
    .findOne({ documentId, status: 'draft', fields: ['stage'] } as never);
  return (stored as { stage?: string } | null)?.stage ?? null;
};

/**
 * Stages move only through the workflow's transitions: no write can set a stage, publish or
 * unpublish a card by itself; a card under review is the redazione's, a confirmed report is
 * read-only; the history is never rewritten.
 */
export const workflowGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { uid, action } = context;
    if (uid === WORKFLOW_EVENT) {
      if (action === 'update' || action === 'delete' || (action === 'create' && !isWorkflowWrite())) {
        throw new errors.PolicyError('La cronologia del flusso redazionale non si modifica');
      }
      return next();
    }
    if ((uid !== PRACTICE_CARD && uid !== SOCIAL_REPORT) || isWorkflowWrite()) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };

    if (action === 'publish' || action === 'unpublish') {
      throw new errors.PolicyError('La pubblicazione avviene dal riquadro «Flusso redazionale»');
    }
    if (action === 'create') {
      params.data = { ...params.data, stage: INITIAL_STAGE[uid] };
      return next();
    }
    if ((action !== 'update' && action !== 'discardDraft') || !params.documentId) return next();

    const stage = await storedStage(strapi, uid, params.documentId);
    if (action === 'update' && params.data && 'stage' in params.data) {
      if (params.data.stage !== stage) {
        throw new errors.ValidationError(
          'Stato redazionale: si cambia con i pulsanti del riquadro «Flusso redazionale»',
        );
      }
      delete params.data.stage;
    }
    if (uid === SOCIAL_REPORT && stage !== 'In compilazione') {
      throw new errors.PolicyError(
        `Il bilancio è «${stage}»: resta in sola lettura finché il Responsabile non lo riapre`,
      );
    }
    if (uid === PRACTICE_CARD && CARD_STAGES_LOCKED_FOR_COOPERATIVE.includes(stage as CardStage)) {
      const user = adminUserOfRequest(strapi);
      if (user && (await membershipOf(strapi, user.id))) {
        throw new errors.PolicyError(
          `La scheda è «${stage}» ed è in mano alla redazione: potrete modificarla se ve la rimanda`,
        );
      }
    }
    return next();
  };

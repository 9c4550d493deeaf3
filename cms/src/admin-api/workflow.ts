import type { Core } from '@strapi/strapi';
import { PRACTICE_CARD, SOCIAL_REPORT } from '../access/content-types';
import { editorialQueue } from '../workflow/queue';
import { actorsOf, loadSubject, performTransition, workflowState, type WorkflowKind } from '../workflow/service';
import { permissionChecker } from '../strapi/services';
import { adminRoute, adminRouter, bodyOf, paramOf, type AdminContext } from './admin-route';

const MODEL: Record<WorkflowKind, string> = { 'practice-card': PRACTICE_CARD, 'social-report': SOCIAL_REPORT };

/** The document a workflow route is about, if the user may read it; otherwise the route answers 404 or 403. */
const readableSubject = async (
  strapi: Core.Strapi,
  ctx: AdminContext,
): Promise<{ kind: WorkflowKind; documentId: string } | null> => {
  const kind = paramOf(ctx, 'kind');
  const documentId = paramOf(ctx, 'documentId');
  if (kind !== 'practice-card' && kind !== 'social-report') {
    ctx.notFound();
    return null;
  }
  const subject = await loadSubject(strapi, kind, documentId);
  const checker = permissionChecker(strapi, ctx.state.userAbility, MODEL[kind]);
  if (checker.cannot.read(subject)) {
    ctx.forbidden();
    return null;
  }
  return { kind, documentId };
};

export const workflowAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/workflow-queue', async (ctx) => {
      // The queue is the redazione's: curators and network staff.
      if (!(await actorsOf(strapi, ctx.state.user, null)).includes('curator')) return ctx.forbidden();
      ctx.body = { data: await editorialQueue(strapi, ctx.query) };
    }),
    adminRoute('GET', '/workflow/:kind/:documentId', async (ctx) => {
      const subject = await readableSubject(strapi, ctx);
      if (subject) ctx.body = { data: await workflowState(strapi, subject.kind, subject.documentId, ctx.state.user) };
    }),
    adminRoute('POST', '/workflow/:kind/:documentId', async (ctx) => {
      const subject = await readableSubject(strapi, ctx);
      if (!subject) return;
      ctx.body = {
        data: await performTransition(strapi, subject.kind, subject.documentId, ctx.state.user, bodyOf(ctx)),
      };
    }),
  ]);

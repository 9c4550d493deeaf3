import type { Core } from '@strapi/strapi';
import { PRACTICE_CARD, SOCIAL_REPORT } from '../access/content-types';
import { editorialQueue, type QueueFilters } from '../workflow/queue';
import { actorsOf, loadSubject, performTransition, workflowState, type WorkflowKind } from '../workflow/service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const MODEL: Record<WorkflowKind, string> = { 'practice-card': PRACTICE_CARD, 'social-report': SOCIAL_REPORT };

const paramsOf = (ctx: Context): { kind: WorkflowKind; documentId: string } | null => {
  const { kind, documentId } = ctx.params as { kind: string; documentId: string };
  return kind === 'practice-card' || kind === 'social-report' ? { kind, documentId } : null;
};

/** Only who may read the document sees its workflow; the transitions check their own rules. */
const mayRead = async (strapi: Core.Strapi, ctx: Context, kind: WorkflowKind, documentId: string): Promise<boolean> => {
  const subject = await loadSubject(strapi, kind, documentId);
  return !strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: MODEL[kind] })
    .cannot.read(subject);
};

export const workflowAdminRoutes = (strapi: Core.Strapi): Core.Router => ({
  type: 'admin',
  prefix: '/coop',
  routes: [
    {
      method: 'GET',
      path: '/workflow-queue',
      handler: async (ctx: Context) => {
        // The queue is the redazione's: curators and network staff.
        if (!(await actorsOf(strapi, ctx.state.user, null)).includes('curator')) return ctx.forbidden();
        ctx.body = { data: await editorialQueue(strapi, ctx.query as QueueFilters) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'GET',
      path: '/workflow/:kind/:documentId',
      handler: async (ctx: Context) => {
        const params = paramsOf(ctx);
        if (!params) return ctx.notFound();
        if (!(await mayRead(strapi, ctx, params.kind, params.documentId))) return ctx.forbidden();
        ctx.body = { data: await workflowState(strapi, params.kind, params.documentId, ctx.state.user) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'POST',
      path: '/workflow/:kind/:documentId',
      handler: async (ctx: Context) => {
        const params = paramsOf(ctx);
        if (!params) return ctx.notFound();
        if (!(await mayRead(strapi, ctx, params.kind, params.documentId))) return ctx.forbidden();
        const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
        ctx.body = { data: await performTransition(strapi, params.kind, params.documentId, ctx.state.user, body) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
  ],
});

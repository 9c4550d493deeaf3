import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** On a worker instance (`CMS_ROLE=worker`), everything but the health check answers 503. */
export const workerOnly = async (ctx: Context, next: () => Promise<unknown>): Promise<void> => {
  if (ctx.path === '/_health') return void (await next());
  ctx.status = 503;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status: 503,
      name: 'ServiceUnavailableError',
      message: 'Questa istanza del CMS lavora solo in background (CMS_ROLE=worker): usa un’istanza web.',
    },
  };
};

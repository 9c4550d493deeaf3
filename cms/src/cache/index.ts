/**
 * Keeps the portals' caches fresh: every write that may change what the public sees is told to
 * every configured portal instance (`PORTAL_INSTANCE_URLS`), keyed on the written document's
 * documentId, once its transaction has committed; and every time the search sync has applied
 * changes to the index, the portals hear that search answers changed.
 *
 * The HTTP request that made the write waits (briefly) until the reachable instances have
 * acknowledged, so the next page a curator opens already shows the change.
 */
import type { Core, Modules } from '@strapi/strapi';
import { SEARCH_SYNC_TASK } from '../access/content-types';
import { mayChangePublicContent, portalChangeOf } from './changes';
import { PortalCacheDelivery } from './delivery';
import { cmsSettings } from '../settings';
import type { TransactionHooks } from '../strapi/services';

type PortalConfig = { proxySecret?: string; instanceUrls?: string[] };

/** Longest a write's HTTP answer waits for the portals' acknowledgement. */
const REQUEST_WAIT_MS = 1_000;
const PENDING = Symbol('portal-cache-deliveries');

type RequestState = { [PENDING]?: Promise<void>[] };

const waitAtMost = (promises: Promise<void>[], ms: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.allSettled(promises).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

export const registerPortalCache = (strapi: Core.Strapi): void => {
  const { proxySecret = '', instanceUrls = [] } = strapi.config.get<PortalConfig | undefined>('portal') ?? {};
  if (instanceUrls.length === 0) return;
  if (!proxySecret) {
    strapi.log.warn('Cache del portale: PORTAL_PROXY_SECRET vuoto, i portali non riceveranno le invalidazioni');
    return;
  }
  const delivery = new PortalCacheDelivery(instanceUrls, { secret: proxySecret, log: strapi.log });

  /** Sends once the write is committed; the request that made it waits for the answer. */
  const deliverAfterCommit = (send: () => Promise<void>): void => {
    const request = strapi.requestContext.get() as { state?: RequestState } | undefined;
    const start = (): void => {
      const delivered = send();
      if (request?.state) (request.state[PENDING] ??= []).push(delivered);
    };
    if (strapi.db.inTransaction())
      void strapi.db.transaction(({ onCommit }: TransactionHooks) => {
        onCommit(start);
      });
    else start();
  };

  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!mayChangePublicContent(strapi, context)) return next();
    const result = await next();
    const change = await portalChangeOf(strapi, context, result);
    if (change) deliverAfterCommit(() => delivery.send({ changes: [change] }));
    return result;
  };
  strapi.documents.use(middleware);

  strapi.server.use(async (ctx, next) => {
    await next();
    const pending = (ctx.state as RequestState)[PENDING];
    if (pending) await waitAtMost(pending, REQUEST_WAIT_MS);
  });

  // The search sync deletes its tasks once Meilisearch has applied them: search answers changed.
  strapi.db.lifecycles.subscribe({
    models: [SEARCH_SYNC_TASK],
    afterDeleteMany: () => {
      void delivery.send({ search: true });
    },
  });

  // After a start, whatever was not delivered before is unknown: every portal starts afresh.
  // Command-line tools load the CMS beside the running server and leave that to it.
  if (cmsSettings().cluster.backgroundWorkers) void delivery.send({ all: true });
  strapi.log.info(`Cache del portale: invalidazioni verso ${delivery.urls.join(', ')}`);
};

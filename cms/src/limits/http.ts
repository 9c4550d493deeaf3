import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BlockList } from 'node:net';
import { clientAddress, limitKey, trustedProxyList } from '../registration/client-address';
import { limitRule, waitPhrase, type LimitName } from './rules';
import { limiterStore } from './shared-store';
import type { Verdict } from './store';

type Context = Parameters<Core.MiddlewareHandler>[0];

const proxyLists = new WeakMap<Core.Strapi, BlockList>();

/** The client as the limits count it: its address (see `clientAddress`), an IPv6 one by its /64. */
export const requestClient = (strapi: Core.Strapi, ctx: Context): string => {
  let trustedProxies = proxyLists.get(strapi);
  if (!trustedProxies) {
    trustedProxies = trustedProxyList(strapi.config.get<string[] | undefined>('limits.trustedProxies') ?? []);
    proxyLists.set(strapi, trustedProxies);
  }
  return limitKey(
    clientAddress(
      { socketAddress: ctx.req.socket.remoteAddress, headers: ctx.request.headers },
      { portalSecret: String(strapi.config.get('portal.proxySecret') ?? ''), trustedProxies },
    ),
  );
};

/** Answers 429 with Retry-After and an Italian message ending in how long to wait. */
export const refuseIfLimited = (ctx: Context, verdict: Verdict, message: string): void => {
  if (!verdict.limited) return;
  ctx.set('Retry-After', String(verdict.retryAfterSeconds));
  throw new errors.RateLimitError(`${message}: riprovare ${waitPhrase(verdict.retryAfterSeconds)}`, {
    retryAfterSeconds: verdict.retryAfterSeconds,
  });
};

/** Counts a hit for `key` against the named limit and refuses the request when it is over. */
export const enforceLimit = async (
  strapi: Core.Strapi,
  ctx: Context,
  name: LimitName,
  key: string,
  message: string,
): Promise<void> => {
  refuseIfLimited(ctx, await limiterStore(strapi).consume(limitRule(strapi, name), key), message);
};

/** A route middleware limiting requests per client address. */
export const perClientLimit =
  (name: LimitName, message: string) =>
  async (ctx: Context, next: () => Promise<unknown>): Promise<void> => {
    await enforceLimit(strapi, ctx, name, requestClient(strapi, ctx), message);
    await next();
  };

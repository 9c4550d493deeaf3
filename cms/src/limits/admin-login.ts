import type { Core } from '@strapi/strapi';
import { requestClient, refuseIfLimited } from './http';
import { limitRule } from './rules';
import { limiterStore } from './shared-store';

type Context = Parameters<Core.MiddlewareHandler>[0];

const LOGIN = '/admin/login';
const FIRST_ADMIN = '/admin/register-admin';
const MESSAGE = 'Troppi tentativi di accesso non riusciti da questo indirizzo';

const pathOf = (ctx: Context): string => ctx.path.toLowerCase().replace(/\/+$/, '');

const emailOf = (ctx: Context): string => {
  const email = (ctx.request as { body?: { email?: unknown } }).body?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/**
 * The admin login counts failed attempts only, per account and client address together and per
 * client address alone, in the database: wrong passwords typed elsewhere never lock an account
 * for its owner, a successful login clears the account's count for that client, and one client
 * cannot try password after password on many accounts. Strapi's own limiter (in memory, keyed on
 * every attempt, success included) is off in `config/admin.ts`.
 */
export const adminLoginLimit =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: () => Promise<unknown>): Promise<void> => {
    if (ctx.method !== 'POST') return void (await next());
    const path = pathOf(ctx);
    if (path !== LOGIN && path !== FIRST_ADMIN) return void (await next());

    const store = limiterStore(strapi);
    const client = requestClient(strapi, ctx);
    const perClient = limitRule(strapi, 'loginPerClient');
    if (path === FIRST_ADMIN) {
      refuseIfLimited(ctx, await store.consume(perClient, client), MESSAGE);
      return void (await next());
    }

    const perAccount = limitRule(strapi, 'loginPerAccountAndClient');
    const account = `${emailOf(ctx)}\n${client}`;
    // Counted before the attempt, so that parallel attempts are all counted; given back on success.
    const [accountVerdict, clientVerdict] = [
      await store.consume(perAccount, account),
      await store.consume(perClient, client),
    ];
    refuseIfLimited(ctx, accountVerdict.limited ? accountVerdict : clientVerdict, MESSAGE);
    await next();
    if (ctx.status >= 200 && ctx.status < 300) {
      await store.reset(perAccount, account);
      await store.refund(perClient, client);
    }
  };

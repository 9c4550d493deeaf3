import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { enqueueEmail } from '../email/outbox';
import { days as inDays, invitationRenewed } from '../email/templates';
import { privacySettings } from '../privacy/settings';
import { registrationLink } from './admin-accounts';
import { isInvitationExpired, newRegistrationToken, tokenIssuedAt } from './invitation-tokens';

type Context = Parameters<Core.MiddlewareHandler>[0];
type Invited = { id: number; email: string; firstname: string | null; createdAt: string };
type AdminRoute = { method: string; path: string; config?: { middlewares?: unknown[] } };

export const invitationValidDays = (strapi: Core.Strapi): number => privacySettings(strapi).retention.invitationDays;

const tokenOf = (ctx: Context): unknown =>
  ctx.method === 'GET'
    ? (ctx.query as Record<string, unknown>).registrationToken
    : ((ctx.request as { body?: Record<string, unknown> }).body ?? {}).registrationToken;

/**
 * An expired link is never accepted. Whoever follows one gets a message, and the account's own
 * address a fresh link (the old one stops existing), so nobody needs staff to be invited again.
 */
const refuseExpired =
  (strapi: Core.Strapi): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const token = tokenOf(ctx);
    if (typeof token !== 'string' || token === '') {
      await next();
      return;
    }
    const account = (await strapi.db.query('admin::user').findOne({
      where: { registrationToken: token },
      select: ['id', 'email', 'firstname', 'createdAt'],
    })) as Invited | null;
    const days = invitationValidDays(strapi);
    if (!account || !isInvitationExpired(tokenIssuedAt(token, account.createdAt), days)) {
      await next();
      return;
    }

    const renewed = newRegistrationToken();
    await strapi.db.query('admin::user').update({ where: { id: account.id }, data: { registrationToken: renewed } });
    await enqueueEmail(
      strapi,
      invitationRenewed(account.email, account.firstname ?? '', registrationLink(strapi, renewed), days),
    );
    throw new errors.ValidationError(
      `Questo collegamento è scaduto (vale ${inDays(days)}). Ne abbiamo appena inviato uno nuovo all’indirizzo e-mail dell’account: usi quello.`,
    );
  };

/** Strapi's two routes that take an invitation token, which the expiry guards. */
const INVITATION_ROUTES = [
  { method: 'GET', path: '/registration-info' },
  { method: 'POST', path: '/register' },
];

/** Puts the expiry in front of Strapi's invitation routes; fails the start if Strapi moved them. */
export const guardInvitationRoutes = (strapi: Core.Strapi): void => {
  const routes = (strapi.admin as unknown as { routes: { admin: { routes: AdminRoute[] } } }).routes.admin.routes;
  for (const { method, path } of INVITATION_ROUTES) {
    const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
    if (!route) throw new Error(`Strapi admin route ${method} ${path} not found: invitations could not expire`);
    route.config = { ...route.config, middlewares: [refuseExpired(strapi), ...(route.config?.middlewares ?? [])] };
  }
};

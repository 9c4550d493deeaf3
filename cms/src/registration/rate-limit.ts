import type { Core } from '@strapi/strapi';
import { enforceLimit, requestClient } from '../limits/http';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Requests per client address, counted before anything is checked (refused ones too). */
export const limitRegistrationsPerClient = (strapi: Core.Strapi, ctx: Context): Promise<void> =>
  enforceLimit(
    strapi,
    ctx,
    'registrationPerClient',
    requestClient(strapi, ctx),
    'Troppe richieste da questo indirizzo',
  );

/**
 * Requests per Responsabile e-mail address: each accepted request e-mails that address, so this
 * is what stops anyone from flooding a mailbox from many addresses.
 */
export const limitRegistrationsPerEmail = (strapi: Core.Strapi, ctx: Context, email: string): Promise<void> =>
  enforceLimit(
    strapi,
    ctx,
    'registrationPerEmail',
    email.trim().toLowerCase(),
    'Troppe richieste per l’indirizzo e-mail di questo Responsabile',
  );

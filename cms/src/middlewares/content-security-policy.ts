import type { Core } from '@strapi/strapi';

export type ContentSecurityPolicyConfig = { directives: Record<string, string[]> };

/** The header value, directive by directive, exactly as configured. */
export const policyHeader = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' ').trim())
    .join('; ');

/**
 * The CMS's Content Security Policy, written exactly as `config/middlewares.ts` says: Strapi's
 * own security middleware merges its defaults into configured lists index by index, so a
 * `connect-src 'self'` there came out as `connect-src 'self' https:`.
 */
export default (config: ContentSecurityPolicyConfig, _context: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const header = policyHeader(config.directives);
  return async (ctx, next) => {
    ctx.set('Content-Security-Policy', header);
    await next();
  };
};

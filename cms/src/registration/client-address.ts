import { timingSafeEqual } from 'node:crypto';

export const PORTAL_SECRET_HEADER = 'x-portal-secret';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

type Request = { ip: string; headers: Record<string, string | string[] | undefined> };

const header = (request: Request, name: string): string =>
  [request.headers[name]].flat().filter((value): value is string => typeof value === 'string')[0] ?? '';

/**
 * The address a request comes from. The portal forwards its visitors' requests, so it passes the
 * visitor's address in X-Forwarded-For; the CMS believes that header only from a caller that
 * proves to be the portal with the shared secret, or anyone could pick a fresh address per request.
 */
export const clientAddress = (request: Request, portalSecret: string): string => {
  const forwarded = header(request, 'x-forwarded-for').split(',')[0]?.trim();
  const fromPortal = portalSecret !== '' && sameSecret(header(request, PORTAL_SECRET_HEADER), portalSecret);
  return fromPortal && forwarded ? forwarded : request.ip;
};

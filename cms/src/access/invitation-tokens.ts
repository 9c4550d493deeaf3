import { randomBytes } from 'node:crypto';

/**
 * A registration token the platform issues says when: `<milliseconds in base 36>-<40 hex>`.
 * Strapi's own tokens (the account's first invitation) do not, and count from the account's
 * creation, which is when Strapi issued them.
 */
const PLATFORM_TOKEN = /^([0-9a-z]{6,12})-[0-9a-f]{40}$/;

export const newRegistrationToken = (now = Date.now()): string =>
  `${now.toString(36)}-${randomBytes(20).toString('hex')}`;

export const tokenIssuedAt = (token: string, accountCreatedAt: string | Date): number => {
  const match = PLATFORM_TOKEN.exec(token);
  return match ? Number.parseInt(match[1]!, 36) : new Date(accountCreatedAt).getTime();
};

export const isInvitationExpired = (issuedAt: number, validDays: number, now = Date.now()): boolean =>
  now - issuedAt > validDays * 24 * 60 * 60 * 1000;

import { createHmac, randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

export type AlertSettings = {
  portalUrl: string;
  digestIntervalHours: number;
  digestDelayMinutes: number;
  confirmationDays: number;
  checkIntervalSeconds: number;
};

/** `config/alerts.ts`, typed. */
export const alertSettings = (strapi: Core.Strapi): AlertSettings => strapi.config.get<AlertSettings>('alerts');

const HOUR_MS = 3_600_000;
export const digestIntervalMs = (strapi: Core.Strapi): number => alertSettings(strapi).digestIntervalHours * HOUR_MS;
export const digestDelayMs = (strapi: Core.Strapi): number => alertSettings(strapi).digestDelayMinutes * 60_000;
export const confirmationMs = (strapi: Core.Strapi): number => alertSettings(strapi).confirmationDays * 24 * HOUR_MS;

/** A confirmation token for the e-mail, and the hash the database keeps of it. */
export const newConfirmationToken = (): { token: string; hash: string } => {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
};

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const macKey = (strapi: Core.Strapi): string => {
  const keys = strapi.config.get<string[] | undefined>('server.app.keys') ?? [];
  if (keys.length === 0) throw new Error('APP_KEYS is empty: alert unsubscribe links cannot be signed');
  return keys.join(',');
};

const mac = (strapi: Core.Strapi, documentId: string): string =>
  createHmac('sha256', macKey(strapi)).update(`alert-unsubscribe:${documentId}`).digest('base64url');

/** The unsubscribe token of a subscription: its id and a signature, so nothing needs storing. */
export const unsubscribeToken = (strapi: Core.Strapi, documentId: string): string =>
  `${documentId}.${mac(strapi, documentId)}`;

/** The subscription an unsubscribe token names, or null when the token is not one of ours. */
export const subscriptionOfToken = (strapi: Core.Strapi, token: string): string | null => {
  const [documentId = '', signature = ''] = token.split('.');
  if (!/^[A-Za-z0-9]{1,64}$/.test(documentId)) return null;
  const expected = Buffer.from(mac(strapi, documentId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? documentId : null;
};

export const portalLink = (strapi: Core.Strapi, path: string): string => `${alertSettings(strapi).portalUrl}${path}`;

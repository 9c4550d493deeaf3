import type { Core } from '@strapi/strapi';

export type DataController = {
  name: string;
  address: string;
  email: string;
  pec: string;
  phone: string;
  dpoEmail: string;
};

export type Retention = { closedRequestDays: number; sentEmailDays: number; invitationDays: number };

export type PrivacySettings = { controller: DataController; retention: Retention; purgeIntervalSeconds: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `config/privacy.ts`, typed. */
export const privacySettings = (strapi: Core.Strapi): PrivacySettings => strapi.config.get<PrivacySettings>('privacy');

/** The moment `days` before `now`. */
export const daysBefore = (days: number, now = Date.now()): Date => new Date(now - days * DAY_MS);

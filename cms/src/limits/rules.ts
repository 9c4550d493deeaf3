import type { Core } from '@strapi/strapi';
import type { LimitRule } from './store';

export const LIMITS = [
  'registrationPerClient',
  'registrationPerEmail',
  'loginPerAccountAndClient',
  'loginPerClient',
  'practiceSheetPerClient',
  'alertSubscriptionPerClient',
  'alertSubscriptionPerEmail',
] as const;
export type LimitName = (typeof LIMITS)[number];

/** A configured limit, named so that its counters never mix with another limit's. */
export const limitRule = (strapi: Core.Strapi, name: LimitName): LimitRule => {
  const configured = strapi.config.get<{ max: number; windowSeconds: number }>(`limits.rules.${name}`);
  return { name, max: configured.max, windowSeconds: configured.windowSeconds };
};

/** "tra 40 secondi", "tra 3 minuti", "tra 2 ore": how long to wait, said as people say it. */
export const waitPhrase = (seconds: number): string => {
  if (seconds < 90) return `tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `tra ${minutes} minuti`;
  const hours = Math.ceil(minutes / 60);
  return `tra ${hours} ${hours === 1 ? 'ora' : 'ore'}`;
};

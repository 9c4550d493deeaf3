import type { Core } from '@strapi/strapi';

/**
 * Limits that hold across every CMS instance (their counters are in the database), keyed on the
 * client's address as `TRUSTED_PROXIES` lets the CMS see it.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Addresses or CIDR ranges of the reverse proxies in front of the CMS; empty: the socket address counts. */
  trustedProxies: env.array('TRUSTED_PROXIES', []),
  rules: {
    registrationPerClient: {
      max: env.int('REGISTRATION_RATE_LIMIT_MAX', 5),
      windowSeconds: env.int('REGISTRATION_RATE_LIMIT_MINUTES', 10) * 60,
    },
    registrationPerEmail: {
      max: env.int('REGISTRATION_EMAIL_RATE_LIMIT_MAX', 3),
      windowSeconds: env.int('REGISTRATION_EMAIL_RATE_LIMIT_HOURS', 24) * 3600,
    },
    loginPerAccountAndClient: {
      max: env.int('ADMIN_LOGIN_RATE_LIMIT_ATTEMPTS', 5),
      windowSeconds: env.int('ADMIN_LOGIN_RATE_LIMIT_MINUTES', 5) * 60,
    },
    loginPerClient: {
      max: env.int('ADMIN_LOGIN_CLIENT_RATE_LIMIT_ATTEMPTS', 20),
      windowSeconds: env.int('ADMIN_LOGIN_RATE_LIMIT_MINUTES', 5) * 60,
    },
    alertSubscriptionPerClient: {
      max: env.int('ALERT_RATE_LIMIT_MAX', 5),
      windowSeconds: env.int('ALERT_RATE_LIMIT_MINUTES', 10) * 60,
    },
    alertSubscriptionPerEmail: {
      max: env.int('ALERT_EMAIL_RATE_LIMIT_MAX', 3),
      windowSeconds: env.int('ALERT_EMAIL_RATE_LIMIT_HOURS', 24) * 3600,
    },
    practiceSheetPerClient: {
      max: env.int('PRACTICE_SHEET_RATE_LIMIT_MAX', 30),
      windowSeconds: env.int('PRACTICE_SHEET_RATE_LIMIT_MINUTES', 1) * 60,
    },
  },
});

import type { Core } from '@strapi/strapi';

/**
 * E-mail alerts of new practices by innovation area and region: double opt-in, a digest at most
 * once per interval per subscriber, links to the portal's public address.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The portal's public address: the links in the alerts' e-mails lead there. */
  portalUrl: env('PORTAL_PUBLIC_URL', `http://127.0.0.1:${env('PORTAL_PORT', '4321')}`).replace(/\/+$/, ''),
  /** Least time between two digests to the same subscriber. */
  digestIntervalHours: env.float('ALERT_DIGEST_INTERVAL_HOURS', 24),
  /** A publication waits this long before its digest goes, so that a curator's session makes one message. */
  digestDelayMinutes: env.float('ALERT_DIGEST_DELAY_MINUTES', 10),
  /** A confirmation link works this long; an unconfirmed subscription is then deleted. */
  confirmationDays: env.float('ALERT_CONFIRMATION_DAYS', 7),
  /** How often a worker looks for digests due. */
  checkIntervalSeconds: env.float('ALERT_CHECK_INTERVAL_SECONDS', 30),
});

import type { Core } from '@strapi/strapi';

/**
 * The data controller the privacy notice names (GDPR art. 13) and how long the platform keeps
 * what it collects; the CMS enforces the periods and the portal's /privacy page states them.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  controller: {
    name: env('PRIVACY_CONTROLLER_NAME', ''),
    address: env('PRIVACY_CONTROLLER_ADDRESS', ''),
    email: env('PRIVACY_CONTROLLER_EMAIL', ''),
    pec: env('PRIVACY_CONTROLLER_PEC', ''),
    phone: env('PRIVACY_CONTROLLER_PHONE', ''),
    dpoEmail: env('PRIVACY_DPO_EMAIL', ''),
  },
  retention: {
    /** A rejected registration request (and an approved one whose organisation is gone) is deleted after this. */
    closedRequestDays: env.float('REGISTRATION_RETENTION_DAYS', 180),
    /** A sent e-mail leaves the e-mail log after this. */
    sentEmailDays: env.float('EMAIL_LOG_RETENTION_DAYS', 90),
    /** An invitation link (new account, approved registration) works for this long. */
    invitationDays: env.float('INVITATION_VALID_DAYS', 7),
  },
  /** How often what is past its period is deleted. */
  purgeIntervalSeconds: env.float('RETENTION_INTERVAL_SECONDS', 3600),
});

import type { Core } from '@strapi/strapi';
import { alertSettings } from '../../../alerts/settings';
import { privacySettings } from '../../../privacy/settings';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The data controller and the retention periods, for the portal's privacy notice (`GET /api/privacy-notice`). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  show(ctx: Context) {
    const { controller, retention } = privacySettings(strapi);
    ctx.body = {
      data: {
        controller: Object.fromEntries(Object.entries(controller).map(([key, value]) => [key, value || null])),
        retention: { ...retention, alertConfirmationDays: alertSettings(strapi).confirmationDays },
      },
    };
  },
});

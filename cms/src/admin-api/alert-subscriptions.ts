import type { Core } from '@strapi/strapi';
import { exportSubscriptions } from '../alerts/subscriptions';
import { adminRoute, adminRouter } from './admin-route';

/** The alerts' subscribers as CSV: personal data, for network staff only (staff row of the surface table). */
export const alertAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/alert-subscriptions/export', async (ctx) => {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="iscritti-avvisi.csv"');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await exportSubscriptions(strapi);
    }),
  ]);

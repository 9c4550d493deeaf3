import type { Core } from '@strapi/strapi';
import { surfaceReport } from '../access/surface-policy';
import { adminRoute, adminRouter } from './admin-route';

/** The inventory of every served route with the surface table's decision (staff only, by the table). */
export const securityAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/security/surface', (ctx) => {
      ctx.body = { data: surfaceReport(strapi) };
    }),
  ]);

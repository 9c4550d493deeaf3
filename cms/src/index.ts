import type { Core } from '@strapi/strapi';
import { registerConditions } from './access/conditions';
import { registerPortalCache } from './cache';
import { organisationGuardMiddleware } from './access/organisation-guard';
import { syncPublicRole } from './access/public-role';
import { syncRoles } from './access/roles';
import { myOrganisationAdminRoutes } from './admin-api/my-organisation';
import { registrationAdminRoutes } from './admin-api/registration-requests';
import { reportAdminRoutes } from './admin-api/reports';
import { socialReportAdminRoutes } from './admin-api/social-reports';
import { workflowAdminRoutes } from './admin-api/workflow';
import { applyAdminViews } from './admin-config/apply';
import { ensureSuperAdmin } from './bootstrap/super-admin';
import { consortiumServiceMiddleware } from './documents/consortium-service';
import { organisationMiddleware } from './documents/organisation';
import { practiceCardMiddleware } from './documents/practice-card';
import { schemaConstraintsMiddleware } from './documents/schema-constraints';
import { slugMiddleware } from './documents/slugs';
import { socialReportMiddleware } from './documents/social-report';
import { startEmailOutbox } from './email/outbox';
import { searchSyncMiddleware } from './search/middleware';
import { startSearchSync } from './search/sync';
import { closeRenderer } from '@coop/report-templates';
import { seed } from './seed';
import { workflowGuardMiddleware } from './workflow/guard';

let stopEmailOutbox: (() => void) | undefined;
let stopSearchSync: (() => Promise<void>) | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(organisationGuardMiddleware(strapi));
    strapi.documents.use(workflowGuardMiddleware(strapi));
    strapi.documents.use(slugMiddleware(strapi));
    strapi.documents.use(schemaConstraintsMiddleware(strapi));
    strapi.documents.use(organisationMiddleware(strapi));
    strapi.documents.use(practiceCardMiddleware(strapi));
    strapi.documents.use(socialReportMiddleware(strapi));
    strapi.documents.use(consortiumServiceMiddleware(strapi));
    strapi.documents.use(searchSyncMiddleware(strapi));
    registerPortalCache(strapi);
    strapi.server.routes(socialReportAdminRoutes(strapi));
    strapi.server.routes(registrationAdminRoutes(strapi));
    strapi.server.routes(myOrganisationAdminRoutes(strapi));
    strapi.server.routes(workflowAdminRoutes(strapi));
    strapi.server.routes(reportAdminRoutes(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerConditions(strapi);
    const roleIds = await syncRoles(strapi);
    await syncPublicRole(strapi);
    await applyAdminViews(strapi);
    await ensureSuperAdmin(strapi);
    // Command-line tools load the CMS beside the running server: they leave its work to it.
    if (process.env.COOP_BACKGROUND_WORKERS === 'false') return;
    await seed(strapi, roleIds);
    stopEmailOutbox = startEmailOutbox(strapi);
    stopSearchSync = startSearchSync(strapi);
  },

  async destroy() {
    stopEmailOutbox?.();
    await stopSearchSync?.();
    await closeRenderer();
  },
};

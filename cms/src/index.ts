import type { Core } from '@strapi/strapi';
import { registerConditions } from './access/conditions';
import { guardInvitationRoutes } from './access/invitations';
import { registerPortalCache } from './cache';
import { organisationGuardMiddleware } from './access/organisation-guard';
import { guardAdminRoutes } from './access/surface-policy';
import { syncPublicRole } from './access/public-role';
import { syncRoles } from './access/roles';
import { myOrganisationAdminRoutes } from './admin-api/my-organisation';
import { registrationAdminRoutes } from './admin-api/registration-requests';
import { reportAdminRoutes } from './admin-api/reports';
import { securityAdminRoutes } from './admin-api/security';
import { socialReportAdminRoutes } from './admin-api/social-reports';
import { workflowAdminRoutes } from './admin-api/workflow';
import { applyAdminViews } from './admin-config/apply';
import { contentMenuMiddleware } from './admin-config/content-menu';
import { adminShellMiddleware } from './brand/admin-shell';
import { brandSettings } from './brand/public';
import { brandRoutes } from './brand/routes';
import { setEmailBrand } from './email/templates';
import { ensureSuperAdmin } from './bootstrap/super-admin';
import { cmsRole, runsWorkers, servesRequests } from './cluster/role';
import { claimSingleInstance, withStartupLock } from './cluster/startup';
import { ensureClusterTables } from './cluster/tables';
import { workerOnly } from './cluster/worker-only';
import { consortiumServiceMiddleware } from './documents/consortium-service';
import { copiesMiddleware } from './documents/copies';
import { deletionMiddleware } from './documents/deletion';
import { organisationMiddleware } from './documents/organisation';
import { practiceCardMiddleware } from './documents/practice-card';
import { relationArityMiddleware } from './documents/relation-arity';
import { schemaConstraintsMiddleware } from './documents/schema-constraints';
import { slugMiddleware } from './documents/slugs';
import { socialReportMiddleware } from './documents/social-report';
import { startEmailOutbox } from './email/outbox';
import { startLimitPruning } from './limits/shared-store';
import { recordFileDeletions } from './media/file-deletions';
import { mediaFilingMiddleware } from './media/media-filing';
import { searchSyncMiddleware } from './search/middleware';
import { startSearchSync } from './search/sync';
import { startRetention } from './privacy/retention';
import { openDataMiddleware } from './open-data/middleware';
import { startAlertDigests, wakeAlertDigests } from './alerts/digest';
import { alertSubscriptionMiddleware } from './alerts/subscriptions';
import { alertAdminRoutes } from './admin-api/alert-subscriptions';
import { reconcileOpenData } from './open-data/presence';
import { ensureOpenDataTables } from './open-data/tables';
import { closeRenderer } from '@coop/report-templates';
import { reportPanelAdminRoutes } from './reports/admin-routes';
import { managedFieldsMiddleware } from './reports/managed-fields';
import { seed } from './seed';
import { workflowGuardMiddleware } from './workflow/guard';
import { cmsSettings } from './settings';

let stopEmailOutbox: (() => Promise<void>) | undefined;
let stopSearchSync: (() => Promise<void>) | undefined;
let stopAlertDigests: (() => Promise<void>) | undefined;
let stopRetention: (() => void) | undefined;
let stopLimitPruning: (() => void) | undefined;
let releaseInstance: (() => void) | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    guardAdminRoutes(strapi);
    strapi.documents.use(relationArityMiddleware(strapi));
    strapi.documents.use(organisationGuardMiddleware(strapi));
    strapi.documents.use(copiesMiddleware(strapi));
    strapi.documents.use(deletionMiddleware(strapi));
    strapi.documents.use(mediaFilingMiddleware(strapi));
    strapi.documents.use(workflowGuardMiddleware(strapi));
    strapi.documents.use(slugMiddleware(strapi));
    strapi.documents.use(schemaConstraintsMiddleware(strapi));
    strapi.documents.use(organisationMiddleware(strapi));
    strapi.documents.use(practiceCardMiddleware(strapi));
    strapi.documents.use(managedFieldsMiddleware(strapi));
    strapi.documents.use(socialReportMiddleware(strapi));
    strapi.documents.use(consortiumServiceMiddleware(strapi));
    strapi.documents.use(searchSyncMiddleware(strapi));
    strapi.documents.use(openDataMiddleware(strapi, wakeAlertDigests));
    strapi.documents.use(alertSubscriptionMiddleware(strapi));
    registerPortalCache(strapi);
    strapi.server.routes(socialReportAdminRoutes(strapi));
    strapi.server.routes(registrationAdminRoutes(strapi));
    strapi.server.routes(myOrganisationAdminRoutes(strapi));
    strapi.server.routes(workflowAdminRoutes(strapi));
    strapi.server.routes(reportAdminRoutes(strapi));
    strapi.server.routes(reportPanelAdminRoutes(strapi));
    strapi.server.routes(securityAdminRoutes(strapi));
    strapi.server.routes(alertAdminRoutes(strapi));
    strapi.server.routes(brandRoutes(strapi));
    const brand = brandSettings(strapi);
    setEmailBrand({
      name: brand.name,
      contactEmail: brand.contactEmail,
      logoUrl: `${String(strapi.config.get('server.url', ''))}/brand/logo.png`,
      primaryColor: brand.primaryColor,
    });
    strapi.server.use(adminShellMiddleware(strapi));
    strapi.server.use(contentMenuMiddleware(strapi));
    guardInvitationRoutes(strapi);
    // A worker answers its health check and nothing else: the admin and the API are the web instances' job.
    if (!servesRequests(cmsRole(strapi))) strapi.server.use(workerOnly);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const role = cmsRole(strapi);
    // Command-line tools load the CMS beside the running server: they leave its work to it.
    const isServer = cmsSettings().cluster.backgroundWorkers;
    if (isServer) releaseInstance = claimSingleInstance(strapi);
    recordFileDeletions(strapi);
    // Instances starting together on one PostgreSQL take turns, so each finds what the other made.
    await withStartupLock(strapi, async () => {
      await ensureClusterTables(strapi);
      await ensureOpenDataTables(strapi);
      await registerConditions(strapi);
      const roleIds = await syncRoles(strapi);
      await syncPublicRole(strapi);
      await applyAdminViews(strapi);
      await ensureSuperAdmin(strapi);
      if (isServer) await seed(strapi, roleIds);
      if (isServer) {
        const reconciled = await reconcileOpenData(strapi);
        if (reconciled.practices + reconciled.reports > 0)
          strapi.log.info(`Dati aperti: ${reconciled.practices} pratiche e ${reconciled.reports} bilanci riallineati`);
      }
    });
    if (!isServer) return;
    strapi.log.info(`CMS_ROLE=${role} (${strapi.db.dialect.client})`);
    stopLimitPruning = startLimitPruning(strapi);
    if (runsWorkers(role)) {
      stopEmailOutbox = startEmailOutbox(strapi);
      stopSearchSync = startSearchSync(strapi);
      stopRetention = startRetention(strapi);
      stopAlertDigests = startAlertDigests(strapi);
    }
  },

  async destroy() {
    stopLimitPruning?.();
    stopRetention?.();
    await stopEmailOutbox?.();
    await stopSearchSync?.();
    await stopAlertDigests?.();
    await closeRenderer();
    releaseInstance?.();
  },
};

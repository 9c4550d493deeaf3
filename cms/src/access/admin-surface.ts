/**
 * The reviewed table of every route the CMS serves, and who among organisation accounts and
 * curators may call it. Network staff and the super admin reach every route but `off` ones;
 * anyone else reaches only what is listed here for their role, after the route's guard (an
 * argument check that runs before Strapi's controller). A route missing from this table is
 * refused to them, and the route inventory test fails until someone reviews it.
 */

export type SurfaceRole = 'Responsabile' | 'Operatore' | 'Lettore' | 'Curatore';

/** Argument checks for routes that take an id, a model or a relation (see `route-guards.ts`). */
export type GuardName =
  | 'contentModel'
  | 'documentOfModel'
  | 'relations'
  | 'upload'
  | 'fileById'
  | 'fileUpdate'
  | 'folderList'
  | 'folderById'
  | 'folderCreate'
  | 'folderUpdate'
  | 'bulkFiles'
  | 'bulkUpdate';

export type SurfaceEntry =
  /** Needs no session: signing in, invitations, password reset. Nothing of an organisation's. */
  | { access: 'public'; why: string }
  /** Allowed to these roles, after the guard; `covers` names the test family that attacks it. */
  | { access: 'allowed'; roles: readonly SurfaceRole[]; guard?: GuardName; covers: string }
  /** Network staff and the super admin only. */
  | { access: 'staff'; why: string }
  /** Refused to everybody. */
  | { access: 'off'; why: string }
  /** Content API: an admin session is not accepted there; the Public role and API tokens decide. */
  | { access: 'content-api' };

const ALL: readonly SurfaceRole[] = ['Responsabile', 'Operatore', 'Lettore', 'Curatore'];
const ORG: readonly SurfaceRole[] = ['Responsabile', 'Operatore', 'Lettore'];
const EDITORS: readonly SurfaceRole[] = ['Responsabile', 'Operatore'];
const MEDIA: readonly SurfaceRole[] = ['Responsabile', 'Operatore', 'Curatore'];

const publicRoute = (why: string): SurfaceEntry => ({ access: 'public', why });
const allowed = (roles: readonly SurfaceRole[], covers: string, guard?: GuardName): SurfaceEntry => ({
  access: 'allowed',
  roles,
  covers,
  ...(guard ? { guard } : {}),
});
const staff = (why: string, keys: string[]): Record<string, SurfaceEntry> =>
  Object.fromEntries(keys.map((key) => [key, { access: 'staff', why }]));
const contentApi = (keys: string[]): Record<string, SurfaceEntry> =>
  Object.fromEntries(keys.map((key) => [key, { access: 'content-api' }]));
const crud = (base: string, methods = ['GET', 'GET :id', 'POST', 'PUT :id', 'DELETE :id']): string[] =>
  methods.map((method) => {
    const [verb, id] = method.split(' ');
    return `${verb} ${base}${id ? `/${id}` : ''}`;
  });

/** Coverage families: the adversarial suite and the journeys name the same strings. */
export const COVERS = {
  session: 'journeys: every role signs in, works and signs out',
  documents: 'adversarial: read, list, create, update, delete across organisations',
  clone: 'adversarial: clone and auto-clone',
  relations: 'adversarial: relation pickers and connect/set/disconnect',
  counts: 'adversarial: draft relation counts',
  media: 'adversarial: files and folders',
  workflow: 'adversarial: workflow panel and moves',
  team: 'adversarial: my organisation and its team',
  reports: 'adversarial: report completeness, next year and document',
  curators: 'adversarial: editorial queue and catalogue',
} as const;

export const ADMIN_SURFACE: Record<string, SurfaceEntry> = {
  // Signing in, invitations and password reset: no session, nothing of an organisation's.
  'GET /admin/init': publicRoute('the login page asks whether an admin exists'),
  'GET /admin/project-type': publicRoute('Community or Enterprise edition, for the login page'),
  'POST /admin/login': publicRoute('signing in'),
  'POST /admin/access-token': publicRoute('renews the session from its refresh cookie'),
  'POST /admin/logout': publicRoute('signing out'),
  'POST /admin/register-admin': publicRoute('the first super admin; refused by Strapi once one exists'),
  'GET /admin/registration-info': publicRoute('an invitation link, by its token'),
  'POST /admin/register': publicRoute('an invited account sets its password, by its token'),
  'POST /admin/forgot-password': publicRoute('password reset request'),
  'POST /admin/reset-password': publicRoute('password reset, by its token'),
  'GET /content-manager/preview/script': publicRoute('the preview helper script, the same for everyone'),

  // Served before any route: the health check, the panel's files, uploads and the public folder.
  'ALL /_health': publicRoute('the health check'),
  'GET /admin/:path*': publicRoute("the admin panel's static files"),
  'GET /uploads/(.*)': publicRoute('uploaded files, served inert (see the upload security)'),
  'GET /': publicRoute("the CMS's front page"),
  'GET /((?!uploads/).+)': publicRoute('the public folder (robots.txt) and the favicon, made from the network’s logo'),
  // The network's brand, shown on the login page before anyone signs in (src/brand/routes.ts).
  'GET /brand/logo': publicRoute("the network's logo"),
  'GET /brand/logo.png': publicRoute("the network's logo for e-mails"),
  'GET /brand/admin.js': publicRoute("the network's name, logo and colours for the login page"),

  // The panel itself, for every signed-in role: only the account's own data.
  'GET /admin/information': allowed(ALL, COVERS.session),
  'GET /admin/guided-tour-meta': allowed(ALL, COVERS.session),
  'GET /admin/users/me': allowed(ALL, COVERS.session),
  'PUT /admin/users/me': allowed(ALL, COVERS.session),
  'GET /admin/users/me/permissions': allowed(ALL, COVERS.session),
  'GET /admin/users/me/sessions': allowed(ALL, COVERS.session),
  'DELETE /admin/users/me/sessions': allowed(ALL, COVERS.session),
  'DELETE /admin/users/me/sessions/:sessionId': allowed(ALL, COVERS.session),
  'POST /admin/permissions/check': allowed(ALL, COVERS.session),
  'GET /admin/homepage/layout': allowed(ALL, COVERS.session),
  'PUT /admin/homepage/layout': allowed(ALL, COVERS.session),
  'GET /i18n/locales': allowed(ALL, COVERS.session),
  'GET /i18n/settings': allowed(ALL, COVERS.session),
  'GET /admin/ai-feature-config': allowed(ALL, COVERS.session),
  // The edit view asks these about the document it shows: they answer only for a readable one.
  'GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId': allowed(
    ALL,
    COVERS.documents,
    'documentOfModel',
  ),
  'GET /content-manager/preview/url/:contentType': allowed(ALL, COVERS.documents, 'documentOfModel'),
  'GET /content-manager/init': allowed(ALL, COVERS.session),
  'GET /content-manager/content-types': allowed(ALL, COVERS.session),
  'GET /content-manager/content-types-settings': allowed(ALL, COVERS.session),
  'GET /content-manager/components': allowed(ALL, COVERS.session),
  'GET /content-manager/content-types/:uid/configuration': allowed(ALL, COVERS.session),
  'GET /content-manager/components/:uid/configuration': allowed(ALL, COVERS.session),
  // Scoped by Strapi to the documents the user may read (the adversarial suite checks it).
  'GET /content-manager/homepage/recent-documents': allowed(ALL, COVERS.documents),

  // Documents, through the Content Manager: the model must be one the role works on; the
  // Document Service guards then scope every action to the user's own organisation.
  'GET /content-manager/collection-types/:model': allowed(ALL, COVERS.documents, 'contentModel'),
  'GET /content-manager/collection-types/:model/:id': allowed(ALL, COVERS.documents, 'contentModel'),
  'POST /content-manager/collection-types/:model': allowed(EDITORS, COVERS.documents, 'contentModel'),
  'PUT /content-manager/collection-types/:model/:id': allowed(
    [...EDITORS, 'Curatore'],
    COVERS.documents,
    'contentModel',
  ),
  'DELETE /content-manager/collection-types/:model/:id': allowed(EDITORS, COVERS.documents, 'contentModel'),
  'POST /content-manager/collection-types/:model/actions/bulkDelete': allowed(
    EDITORS,
    COVERS.documents,
    'contentModel',
  ),
  'POST /content-manager/collection-types/:model/:id/actions/discard': allowed(
    EDITORS,
    COVERS.documents,
    'contentModel',
  ),
  'POST /content-manager/collection-types/:model/clone/:sourceId': allowed(EDITORS, COVERS.clone, 'contentModel'),
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': allowed(EDITORS, COVERS.clone, 'contentModel'),
  'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations': allowed(
    ALL,
    COVERS.counts,
    'contentModel',
  ),
  'GET /content-manager/relations/:model/:targetField': allowed(ALL, COVERS.relations, 'relations'),
  'GET /content-manager/relations/:model/:id/:targetField': allowed(ALL, COVERS.relations, 'relations'),
  // Slugs are made from the title on the server; curators may still edit one.
  'POST /content-manager/uid/generate': allowed(['Curatore'], COVERS.documents),
  'POST /content-manager/uid/check-availability': allowed(['Curatore'], COVERS.documents),

  // Media library: organisation accounts see and change only their organisation's folder.
  'POST /upload': allowed(MEDIA, COVERS.media, 'upload'),
  'POST /upload/files': allowed(MEDIA, COVERS.media, 'upload'),
  'GET /upload/files': allowed(MEDIA, COVERS.media),
  'GET /upload/files/:id': allowed(MEDIA, COVERS.media, 'fileById'),
  'PUT /upload/files/:id': allowed(MEDIA, COVERS.media, 'fileUpdate'),
  'POST /upload/files/:id/replace': allowed(MEDIA, COVERS.media, 'fileById'),
  'DELETE /upload/files/:id': allowed(MEDIA, COVERS.media, 'fileById'),
  'GET /upload/folders': allowed(MEDIA, COVERS.media, 'folderList'),
  'GET /upload/folders/:id': allowed(MEDIA, COVERS.media, 'folderById'),
  'POST /upload/folders': allowed(MEDIA, COVERS.media, 'folderCreate'),
  'PUT /upload/folders/:id': allowed(MEDIA, COVERS.media, 'folderUpdate'),
  'GET /upload/folder-structure': allowed(MEDIA, COVERS.media),
  'POST /upload/actions/bulk-delete': allowed(MEDIA, COVERS.media, 'bulkFiles'),
  'POST /upload/actions/bulk-move': allowed(MEDIA, COVERS.media, 'bulkFiles'),
  'POST /upload/actions/bulk-update': allowed(MEDIA, COVERS.media, 'bulkUpdate'),
  'GET /upload/configuration': allowed(MEDIA, COVERS.media),
  'GET /upload/settings': allowed(MEDIA, COVERS.media),
  'POST /upload/actions/upload-from-urls': {
    access: 'off',
    why: 'fetching a URL from the server reaches internal services (SSRF); files are uploaded from the computer',
  },

  // The platform's own admin API: each handler checks the document against the user again.
  'GET /coop/my-organisation': allowed(ORG, COVERS.team),
  'POST /coop/my-organisation/confirm': allowed(['Responsabile'], COVERS.team),
  'POST /coop/my-organisation/users': allowed(['Responsabile'], COVERS.team),
  'PUT /coop/my-organisation/users/:id': allowed(['Responsabile'], COVERS.team),
  'GET /coop/workflow/:kind/:documentId': allowed(ALL, COVERS.workflow),
  // Each move names who may make it: the handler answers a Lettore with that, not a bare refusal.
  'POST /coop/workflow/:kind/:documentId': allowed(ALL, COVERS.workflow),
  'GET /coop/workflow-queue': allowed(['Curatore'], COVERS.curators),
  'GET /coop/practice-catalogue': allowed(['Curatore'], COVERS.curators),
  'GET /coop/social-reports/:documentId/completeness': allowed(ORG, COVERS.reports),
  'POST /coop/social-reports/:documentId/next-year': allowed(EDITORS, COVERS.reports),
  'GET /coop/social-reports/:documentId/document': allowed(['Responsabile'], COVERS.reports),
  'GET /coop/social-reports/:documentId/comparison': allowed(ORG, COVERS.reports),
  'POST /coop/social-reports/:documentId/carried-texts/confirm': allowed(EDITORS, COVERS.reports),
  'POST /coop/social-reports/:documentId/attestation': allowed(['Responsabile'], COVERS.reports),
  // Each account gets its own organisation's reports (network staff every one, curators none).
  'GET /coop/social-report-deadlines': allowed(ALL, COVERS.reports),
  ...staff('registration requests are reviewed by network staff', [
    'GET /coop/registration-requests/:documentId/duplicates',
    'POST /coop/registration-requests/:documentId/approve',
    'POST /coop/registration-requests/:documentId/reject',
  ]),
  ...staff('the inventory of this table', ['GET /coop/security/surface']),
  ...staff('alert subscribers’ addresses are personal data: network staff export them', [
    'GET /coop/alert-subscriptions/export',
  ]),

  // Everything else of the admin is the network's: settings, accounts, roles, tokens, schema.
  ...staff('project settings and the admin information pages', [
    'GET /admin/project-settings',
    'POST /admin/project-settings',
    'GET /admin/telemetry-properties',
    'GET /admin/plugins',
    'GET /admin/license-trial-time-left',
    'GET /admin/homepage/key-statistics',
    'GET /admin/ai-usage',
    'GET /admin/ai-token',
    'GET /admin/permissions',
  ]),
  ...staff('admin accounts and roles', [
    ...crud('/admin/users'),
    'POST /admin/users/batch-delete',
    ...crud('/admin/roles'),
    'GET /admin/roles/:id/permissions',
    'PUT /admin/roles/:id/permissions',
    'POST /admin/roles/batch-delete',
  ]),
  ...staff('webhooks and tokens', [
    ...crud('/admin/webhooks'),
    'POST /admin/webhooks/batch-delete',
    'POST /admin/webhooks/:id/trigger',
    ...crud('/admin/api-tokens'),
    'POST /admin/api-tokens/:id/regenerate',
    ...crud('/admin/admin-tokens'),
    'POST /admin/admin-tokens/:id/regenerate',
    'GET /admin/admin-tokens/:id/owner-permissions',
    'GET /admin/transfer/runner/push',
    'GET /admin/transfer/runner/pull',
    ...crud('/admin/transfer/tokens'),
    'POST /admin/transfer/tokens/:id/regenerate',
  ]),
  ...staff('view settings and publication outside the editorial workflow', [
    'PUT /content-manager/content-types/:uid/configuration',
    'PUT /content-manager/components/:uid/configuration',
    'POST /content-manager/collection-types/:model/actions/publish',
    'POST /content-manager/collection-types/:model/:id/actions/publish',
    'POST /content-manager/collection-types/:model/:id/actions/unpublish',
    'POST /content-manager/collection-types/:model/actions/bulkFindForValidation',
    'POST /content-manager/collection-types/:model/actions/bulkPublish',
    'POST /content-manager/collection-types/:model/actions/bulkUnpublish',
    // Counts documents by id with no access check: it would tell whether another's draft exists.
    'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations',
    // Counts every document of every type, whoever owns it.
    'GET /content-manager/homepage/count-documents',
  ]),
  ...staff('the platform has no single types', [
    'GET /content-manager/single-types/:model',
    'PUT /content-manager/single-types/:model',
    'DELETE /content-manager/single-types/:model',
    'POST /content-manager/single-types/:model/actions/publish',
    'POST /content-manager/single-types/:model/actions/unpublish',
    'POST /content-manager/single-types/:model/actions/discard',
    'GET /content-manager/single-types/:model/actions/countDraftRelations',
  ]),
  ...staff('the content model', [
    'GET /content-type-builder/reserved-names',
    'GET /content-type-builder/content-types',
    'GET /content-type-builder/content-types/:uid',
    'POST /content-type-builder/content-types',
    'PUT /content-type-builder/content-types/:uid',
    'DELETE /content-type-builder/content-types/:uid',
    'GET /content-type-builder/components',
    'GET /content-type-builder/components/:uid',
    'POST /content-type-builder/components',
    'PUT /content-type-builder/components/:uid',
    'DELETE /content-type-builder/components/:uid',
    'PUT /content-type-builder/component-categories/:name',
    'DELETE /content-type-builder/component-categories/:name',
    'GET /content-type-builder/schema',
    'POST /content-type-builder/update-schema',
    'GET /content-type-builder/update-schema-status',
  ]),
  ...staff('e-mail provider settings', [
    'POST /email',
    'POST /email/test',
    'GET /email/settings',
    'POST /email/verify',
  ]),
  ...staff('locales and translation jobs', [
    'GET /i18n/iso-locales',
    'POST /i18n/locales',
    'PUT /i18n/locales/:id',
    'DELETE /i18n/locales/:id',
    'POST /i18n/content-manager/actions/get-non-localized-fields',
    'GET /i18n/content-manager/get-fill-from-locale/:model',
    'PUT /i18n/settings',
    'GET /i18n/ai-localization-jobs/single-types/:contentType',
  ]),
  ...staff('media library settings and AI metadata', [
    'PUT /upload/settings',
    'PUT /upload/configuration',
    'POST /upload/actions/generate-ai-metadata',
    'POST /upload/ai-metadata-jobs',
    'GET /upload/ai-metadata-jobs/latest',
    'GET /upload/ai-metadata-jobs/pending-count',
  ]),
  ...staff('public API roles and e-mail templates', [
    'GET /users-permissions/roles/:id',
    'GET /users-permissions/roles',
    'POST /users-permissions/roles',
    'PUT /users-permissions/roles/:role',
    'DELETE /users-permissions/roles/:role',
    'GET /users-permissions/email-templates',
    'PUT /users-permissions/email-templates',
    'GET /users-permissions/advanced',
    'PUT /users-permissions/advanced',
    'GET /users-permissions/providers',
    'PUT /users-permissions/providers',
    'GET /users-permissions/permissions',
    'GET /users-permissions/policies',
    'GET /users-permissions/routes',
  ]),

  // The content API: the Public role (public-role.ts, public-view.ts) and API tokens decide.
  ...staff('the content API permissions, for API tokens', [
    'GET /admin/content-api/permissions',
    'GET /admin/content-api/routes',
  ]),
  ...contentApi([
    ...[
      'consortium-services',
      'funding-sources',
      'innovation-areas',
      'organisations',
      'organisation-users',
      'partner-categories',
      'practice-cards',
      'provinces',
      'regions',
      'service-areas',
      'social-reports',
    ].flatMap((plural) => crud(`/api/${plural}`)),
    'GET /api/practice-cards/:idOrSlug/sheet',
    'GET /api/public-social-reports',
    'GET /api/public-social-reports/:slug/:year',
    'GET /api/public-social-reports/:slug/:year/document',
    'GET /api/public-social-reports/:slug/:year/attestation',
    'POST /api/registration-requests',
    'GET /api/privacy-notice',
    'GET /api/observatory',
    'GET /api/open-data/practice-changes',
    'GET /api/open-data/feed',
    'GET /api/open-data/published-reports',
    'POST /api/alert-subscriptions',
    'POST /api/alert-subscriptions/confirm',
    'POST /api/alert-subscriptions/unsubscribe',
    'GET /api/content-type-builder/content-types',
    'GET /api/content-type-builder/content-types/:uid',
    'GET /api/content-type-builder/components',
    'GET /api/content-type-builder/components/:uid',
    'POST /api/email',
    'POST /api/upload',
    'GET /api/upload/files',
    'GET /api/upload/files/page',
    'GET /api/upload/files/:id',
    'DELETE /api/upload/files/:id',
    'GET /api/i18n/locales',
    'GET /api/connect/(.*)',
    'POST /api/auth/local',
    'POST /api/auth/local/register',
    'GET /api/auth/:provider/callback',
    'POST /api/auth/forgot-password',
    'POST /api/auth/reset-password',
    'GET /api/auth/email-confirmation',
    'POST /api/auth/send-email-confirmation',
    'POST /api/auth/change-password',
    'POST /api/auth/refresh',
    'POST /api/auth/logout',
    'GET /api/auth/sessions',
    'DELETE /api/auth/sessions/:sessionId',
    'GET /api/users/count',
    ...crud('/api/users'),
    'GET /api/users/me',
    ...crud('/api/users-permissions/roles', ['GET', 'GET :id', 'POST']),
    'PUT /api/users-permissions/roles/:role',
    'DELETE /api/users-permissions/roles/:role',
    'GET /api/users-permissions/permissions',
  ]),
};

/** The content types each role works on in the Content Manager; anything else is refused. */
export const CONTENT_MODELS: Record<SurfaceRole, readonly string[]> = {
  Responsabile: [
    'api::organisation.organisation',
    'api::practice-card.practice-card',
    'api::social-report.social-report',
    'api::consortium-service.consortium-service',
    'api::organisation-user.organisation-user',
  ],
  Operatore: [
    'api::organisation.organisation',
    'api::practice-card.practice-card',
    'api::social-report.social-report',
    'api::consortium-service.consortium-service',
  ],
  Lettore: [
    'api::organisation.organisation',
    'api::practice-card.practice-card',
    'api::social-report.social-report',
    'api::consortium-service.consortium-service',
  ],
  Curatore: ['api::practice-card.practice-card', 'api::organisation.organisation'],
};

/** Reference data every role reads, and picks in relation fields. */
export const REFERENCE_MODELS = [
  'api::region.region',
  'api::province.province',
  'api::innovation-area.innovation-area',
  'api::partner-category.partner-category',
  'api::funding-source.funding-source',
  'api::service-area.service-area',
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

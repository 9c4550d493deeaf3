import { Calendar, Feather, House, Layout, PaperPlane, User } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';
import { brandPageTitles, dismissStrapiBanners, panelBrand, primaryScale } from './brand';
import { ComparisonInput } from './report/ComparisonInput';
import { RegistrationReviewPanel } from './RegistrationReview';
import { SocialReportCompletenessPanel } from './SocialReportCompleteness';
import { italianOverrides } from './translations';
import { WorkflowPanel } from './WorkflowPanel';
import { saveDisabledWhileHeld, type DocumentAction } from './workflow/read-only-save';

// Defaults for a browser that has not used the admin yet: Italian (the admin otherwise starts in
// English), and no Strapi product tour (in English, about Strapi rather than the platform).
const BROWSER_DEFAULTS: Record<string, string> = {
  'strapi-admin-language': 'it',
  STRAPI_GUIDED_TOUR: JSON.stringify({ enabled: false }),
};
if (typeof window !== 'undefined') {
  for (const [key, value] of Object.entries(BROWSER_DEFAULTS)) {
    if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
  }
  dismissStrapiBanners(window.localStorage, panelBrand().instance);
  brandPageTitles(panelBrand().name);
}

const brand = panelBrand();

type ContentManagerApis = {
  addEditViewSidePanel: (panels: unknown[]) => void;
  addDocumentAction: (edit: (actions: DocumentAction[]) => DocumentAction[]) => void;
};

// Strapi's counts of every document, file and account of the platform, and its lists of recent
// documents of every type: the network's view. Other roles get their own widgets below.
const NETWORK_WIDGETS = new Set([
  'admin.key-statistics',
  'content-manager.chart-entries',
  'content-manager.last-edited-entries',
  'content-manager.last-published-entries',
]);
const CARDS = 'api::practice-card.practice-card';
const NETWORK_ONLY = [{ action: 'admin::users.read' }];

export default {
  config: {
    locales: ['it'],
    // The network's name, logo and colour from `NETWORK_*`, read when the panel loads: one build
    // serves any network.
    translations: { it: italianOverrides(brand.name) },
    auth: { logo: brand.logoUrl },
    menu: { logo: brand.logoUrl },
    head: { favicon: '/favicon.ico' },
    theme: { light: { colors: primaryScale(brand.primaryColor) }, dark: { colors: primaryScale(brand.primaryColor) } },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.widgets.register((widgets) =>
      widgets.map((widget) =>
        NETWORK_WIDGETS.has(`${widget.pluginId}.${widget.id}`) ? { ...widget, permissions: NETWORK_ONLY } : widget,
      ),
    );
    app.addMenuLink({
      to: 'my-organisation',
      icon: House,
      intlLabel: { id: 'coop.my-organisation', defaultMessage: 'La mia organizzazione' },
      Component: () => import('./MyOrganisationPage'),
      permissions: [],
    });
    app.addMenuLink({
      to: 'editorial-queue',
      icon: Feather,
      intlLabel: { id: 'coop.editorial-queue', defaultMessage: 'Coda redazionale' },
      Component: () => import('./EditorialQueuePage'),
      // Shown to who may publish practice cards: the redazione and the network staff.
      permissions: [
        { action: 'plugin::content-manager.explorer.publish', subject: 'api::practice-card.practice-card' },
      ],
    });
    // Social reports show last year's figure beside each number field.
    app.addFields([
      { type: 'integer', Component: ComparisonInput as ComponentType },
      { type: 'decimal', Component: ComparisonInput as ComponentType },
    ]);
    const widget = (
      id: string,
      title: string,
      icon: typeof Layout,
      name: keyof typeof import('./home/widgets'),
      permissions: { action: string; subject?: string }[],
    ) => ({
      id,
      icon,
      title: { id: `coop.${id}`, defaultMessage: title },
      component: async () => (await import('./home/widgets'))[name],
      permissions,
    });
    app.widgets.register([
      // Who writes cards: Responsabile and Operatore (and the staff, for every organisation).
      widget('my-cards', 'Le vostre schede pratiche', Layout, 'CardsWidget', [
        { action: 'plugin::content-manager.explorer.create', subject: CARDS },
      ]),
      // Who changes the anagrafica: the Responsabile.
      widget('my-team', 'La squadra', User, 'TeamWidget', [
        { action: 'plugin::content-manager.explorer.update', subject: 'api::organisation.organisation' },
      ]),
      // Who publishes cards: the redazione.
      widget('editorial-queue', 'Coda redazionale', Feather, 'QueueWidget', [
        { action: 'plugin::content-manager.explorer.publish', subject: CARDS },
      ]),
      widget('registration-requests', 'Richieste di credenziali', PaperPlane, 'RequestsWidget', [
        { action: 'plugin::content-manager.explorer.read', subject: 'api::registration-request.registration-request' },
      ]),
    ]);
    app.widgets.register({
      id: 'social-report-deadlines',
      icon: Calendar,
      title: { id: 'coop.social-report-deadlines', defaultMessage: 'Bilanci sociali da depositare' },
      component: async () => (await import('./report/DeadlinesWidget')).DeadlinesWidget,
    });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([WorkflowPanel, SocialReportCompletenessPanel, RegistrationReviewPanel]);
    contentManager.apis.addDocumentAction((actions) =>
      actions.map((action) => (action.type === 'update' ? saveDisabledWhileHeld(action) : action)),
    );
  },
};

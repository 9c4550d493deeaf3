import type { StrapiApp } from '@strapi/strapi/admin';
import { SocialReportCompletenessPanel } from './SocialReportCompleteness';

// Italian unless the user picked another language: the admin otherwise starts in English.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'it');
}

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

export default {
  config: {
    locales: ['it'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([SocialReportCompletenessPanel]);
  },
};

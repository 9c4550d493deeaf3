import type { StrapiApp } from '@strapi/strapi/admin';

// Italian unless the user picked another language: the admin otherwise starts in English.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'it');
}

export default {
  config: {
    locales: ['it'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};

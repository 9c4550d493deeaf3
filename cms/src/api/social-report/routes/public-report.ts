import { perClientLimit } from '../../../limits/http';

/** Published social reports, for anyone: the portal's organisation pages and their documents. */
export default {
  routes: [
    { method: 'GET', path: '/public-social-reports', handler: 'social-report.publishedList', config: { auth: false } },
    {
      method: 'GET',
      path: '/public-social-reports/:slug/:year',
      handler: 'social-report.publishedOne',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/public-social-reports/:slug/:year/document',
      handler: 'social-report.publishedDocument',
      // A render per request: bounded per client like the practice sheets, in the same budget.
      config: {
        auth: false,
        middlewares: [perClientLimit('practiceSheetPerClient', 'Troppi documenti richiesti da questo indirizzo')],
      },
    },
    {
      method: 'GET',
      path: '/public-social-reports/:slug/:year/attestation',
      handler: 'social-report.publishedAttestation',
      config: { auth: false },
    },
  ],
};

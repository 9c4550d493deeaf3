import { perClientLimit } from '../../../limits/http';

export default {
  routes: [
    {
      method: 'GET',
      path: '/practice-cards/:idOrSlug/sheet',
      handler: 'practice-card.sheet',
      config: {
        auth: false,
        // Anyone may ask for a sheet: renders are bounded per client, across every CMS instance.
        middlewares: [perClientLimit('practiceSheetPerClient', 'Troppe schede pratica richieste da questo indirizzo')],
      },
    },
  ],
};

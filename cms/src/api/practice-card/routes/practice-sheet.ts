export default {
  routes: [
    {
      method: 'GET',
      path: '/practice-cards/:idOrSlug/sheet',
      handler: 'practice-card.sheet',
      config: { auth: false },
    },
  ],
};

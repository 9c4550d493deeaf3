export default {
  routes: [
    {
      method: 'GET',
      path: '/privacy-notice',
      handler: 'privacy-notice.show',
      config: { auth: false },
    },
  ],
};

export default {
  routes: [
    {
      method: 'POST',
      path: '/registration-requests',
      handler: 'registration-request.submit',
      config: { auth: false },
    },
  ],
};

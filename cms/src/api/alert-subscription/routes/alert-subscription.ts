/** Alerts of new practices: subscribe (double opt-in), confirm, unsubscribe. No account needed. */
export default {
  routes: [
    { method: 'POST', path: '/alert-subscriptions', handler: 'alert-subscription.subscribe', config: { auth: false } },
    {
      method: 'POST',
      path: '/alert-subscriptions/confirm',
      handler: 'alert-subscription.confirm',
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/alert-subscriptions/unsubscribe',
      handler: 'alert-subscription.unsubscribe',
      config: { auth: false },
    },
  ],
};

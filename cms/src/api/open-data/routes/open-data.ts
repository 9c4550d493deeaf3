/** Open data for anyone: the observatory, what changed since a date, the feed's entries. */
export default {
  routes: [
    { method: 'GET', path: '/observatory', handler: 'open-data.observatory', config: { auth: false } },
    {
      method: 'GET',
      path: '/open-data/practice-changes',
      handler: 'open-data.practiceChanges',
      config: { auth: false },
    },
    { method: 'GET', path: '/open-data/feed', handler: 'open-data.feed', config: { auth: false } },
    {
      method: 'GET',
      path: '/open-data/published-reports',
      handler: 'open-data.publishedReports',
      config: { auth: false },
    },
  ],
};

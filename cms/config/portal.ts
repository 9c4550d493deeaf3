import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Shared with the portal, which forwards visitors' requests with their address. */
  proxySecret: env('PORTAL_PROXY_SECRET', ''),
});

import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** Where the portal of this machine listens: the one instance of a single-machine setup. */
const localPortal = (env: Env): string => {
  const host = env('PORTAL_HOST', '127.0.0.1');
  return `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${env('PORTAL_PORT', '4321')}`;
};

const instanceUrls = (env: Env): string[] => {
  const listed = env('PORTAL_INSTANCE_URLS', '')
    .split(',')
    .map((url: string) => url.trim())
    .filter((url: string) => url !== '');
  return listed.length > 0 ? listed : [localPortal(env)];
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Shared with the portal: it proves a forwarded visitor address, and the CMS's cache invalidations. */
  proxySecret: env('PORTAL_PROXY_SECRET', ''),
  /** Every portal instance, as the CMS reaches it: each receives the cache invalidations. */
  instanceUrls: instanceUrls(env),
});

import type { Core } from '@strapi/strapi';
import { brandAssets } from '../brand/assets';
import { brandSettings } from '../brand/public';
import { sendBrandAsset } from '../brand/routes';

/** `global::brand-favicon`: `/favicon.ico` is the network's logo (`NETWORK_LOGO`), made once. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const assets = brandAssets(brandSettings(strapi));
  return async (ctx, next) => {
    if (ctx.path !== '/favicon.ico' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      await next();
      return;
    }
    sendBrandAsset(ctx, await assets.favicon());
  };
};

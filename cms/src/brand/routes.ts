import type { Core } from '@strapi/strapi';
import { brandAssets, type BrandAsset } from './assets';
import { brandSettings, publicBrand } from './public';

type Context = Parameters<Core.MiddlewareHandler>[0];

const send = (ctx: Context, asset: BrandAsset): void => {
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('ETag', asset.etag);
  ctx.set('X-Content-Type-Options', 'nosniff');
  // A logo is a picture: nothing in it runs, loads or navigates (an SVG could otherwise).
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = asset.type;
  ctx.body = asset.body;
};

/**
 * The network's logo (as configured, and as PNG for e-mails) and the brand the admin panel reads
 * before it starts (the favicon is `global::brand-favicon`). Public, like the login page that shows them.
 */
export const sendBrandAsset = send;

export const brandRoutes = (strapi: Core.Strapi): Core.Route[] => {
  const assets = brandAssets(brandSettings(strapi));
  const route = (path: string, handler: (ctx: Context) => Promise<void> | void): Core.Route => ({
    method: 'GET',
    path,
    handler,
    config: { auth: false },
    info: { type: 'admin' },
  });
  return [
    route('/brand/logo', async (ctx) => send(ctx, await assets.logo())),
    route('/brand/logo.png', async (ctx) => send(ctx, await assets.logoPng())),
    route('/brand/admin.js', (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = 'application/javascript';
      ctx.body = `window.coopBrand = ${JSON.stringify(publicBrand(strapi))};\n`;
    }),
  ];
};

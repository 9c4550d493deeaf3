import type { Core } from '@strapi/strapi';
import type { Readable } from 'node:stream';
import { brandSettings } from './public';

const escape = (text: string): string =>
  text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char);

const readAll = async (body: unknown): Promise<string | null> => {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (body && typeof (body as Readable).pipe === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  return null;
};

/**
 * The admin panel's page, as Strapi builds it, says "Strapi Admin" in English: it is served in
 * Italian with the network's name, its favicon, and the brand script the panel reads first.
 */
export const brandAdminShell = (html: string, networkName: string): string =>
  html
    .replace(/<html lang="[^"]*"/, '<html lang="it"')
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(networkName)}</title>`)
    .replace('</head>', '<link rel="icon" href="/favicon.ico" /><script src="/brand/admin.js"></script></head>');

export const adminShellMiddleware =
  (strapi: Core.Strapi): Core.MiddlewareHandler =>
  async (ctx, next) => {
    await next();
    const adminPath = String(strapi.config.get('admin.path', '/admin'));
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(adminPath)) return;
    if (ctx.status !== 200 || !ctx.response.is('html')) return;
    const html = await readAll(ctx.body);
    if (html === null) return;
    ctx.body = brandAdminShell(html, brandSettings(strapi).name);
  };

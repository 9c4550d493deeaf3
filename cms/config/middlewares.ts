import type { Core } from '@strapi/strapi';
import { cmsSettings } from '../src/settings';

const config = (): Core.Config.Middlewares => {
  const { upload, server } = cmsSettings();
  const mediaOrigins = upload.s3.publicUrl ? [upload.s3.publicUrl] : [];

  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      // The policy is written by the next middleware, exactly as listed there.
      config: { contentSecurityPolicy: false },
    },
    {
      name: 'global::content-security-policy',
      config: {
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'self'"],
          'connect-src': ["'self'"],
          'font-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
          'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
          'object-src': ["'none'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    },
    {
      name: 'strapi::cors',
      config: {
        origin: server.corsOrigins,
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    // After the body parser: it reads the uploaded files' first bytes.
    'global::upload-security',
    'global::admin-login-limit',
    'strapi::session',
    // /favicon.ico is the network's logo; Strapi's own favicon middleware is required but never reached.
    'global::brand-favicon',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;

import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const mediaOrigins = [env('S3_PUBLIC_URL', '')].filter(Boolean);

  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'"],
            'img-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
            'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
            upgradeInsecureRequests: null,
          },
        },
      },
    },
    {
      name: 'strapi::cors',
      config: {
        origin: env.array('CORS_ORIGINS', ['http://127.0.0.1:4321', 'http://localhost:4321']),
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    'global::admin-login-limit',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;

import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('CMS_HOST', '127.0.0.1'),
  port: env.int('CMS_PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS', []),
  },
  dirs: {
    // Uploads are written to <public>/uploads; keeping it outside the app lets data live with the other data.
    public: env('CMS_PUBLIC_DIR', './public'),
  },
  logger: {
    updates: { enabled: false },
  },
});

export default config;

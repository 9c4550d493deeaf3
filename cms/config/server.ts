import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsSettings } from '../src/settings';

const config = (): Core.Config.Server => {
  const { server } = cmsSettings();
  // Strapi's upload plugin refuses to start without its folder; the data folder stays private.
  mkdirSync(path.join(server.publicDir, 'uploads'), { recursive: true, mode: 0o700 });
  return {
    host: server.host,
    port: server.port,
    url: server.publicUrl,
    app: { keys: server.appKeys },
    // Uploads are written to <public>/uploads; keeping it outside the app lets data live with the other data.
    dirs: { public: server.publicDir },
    logger: { updates: { enabled: false } },
  };
};

export default config;

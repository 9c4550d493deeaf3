import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readBrand } from '../src/brand/settings';

/** The network's name, logo, colours and contact (`NETWORK_*`): see `src/brand/settings.ts`. */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const values: Record<string, string> = {
    NETWORK_NAME: env('NETWORK_NAME', ''),
    NETWORK_LOGO: env('NETWORK_LOGO', ''),
    NETWORK_PRIMARY_COLOR: env('NETWORK_PRIMARY_COLOR', ''),
    NETWORK_ACCENT_COLOR: env('NETWORK_ACCENT_COLOR', ''),
    NETWORK_CONTACT_EMAIL: env('NETWORK_CONTACT_EMAIL', ''),
    MAIL_REPLY_TO: env('MAIL_REPLY_TO', ''),
  };
  return readBrand((name) => values[name], path.resolve(process.cwd(), '..'), existsSync);
};

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readBrand } from '../src/brand/settings';

/** The network's name, logo, colours and contact (`NETWORK_*`): see `src/brand/settings.ts`. */
export default ({ env }: Core.Config.Shared.ConfigParams) =>
  readBrand((name) => env(name, ''), path.resolve(process.cwd(), '..'), existsSync);

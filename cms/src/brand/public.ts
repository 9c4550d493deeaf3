import type { Core } from '@strapi/strapi';
import type { NetworkBrand } from './settings';

/** `config/brand.ts`, typed. */
export const brandSettings = (strapi: Core.Strapi): NetworkBrand => strapi.config.get<NetworkBrand>('brand');

/** What the admin panel knows of the brand (`window.coopBrand`): nothing but what the login page shows. */
export type PublicBrand = {
  name: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  contactEmail: string;
  /** Strapi's id of this installation, which scopes what the panel remembers in the browser. */
  instance: string | null;
};

export const publicBrand = (strapi: Core.Strapi): PublicBrand => {
  const brand = brandSettings(strapi);
  const uuid = strapi.config.get('uuid', null) as string | null;
  return {
    name: brand.name,
    logoUrl: '/brand/logo',
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    contactEmail: brand.contactEmail,
    instance: uuid,
  };
};

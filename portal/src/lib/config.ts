import { portalSettings } from './settings.ts';

/** What the pages need of the portal's settings (portal/src/lib/settings.ts holds the table). */
export type PortalConfig = {
  /** Where the portal's server reaches the CMS. */
  cmsUrl: string;
  /** The CMS's public address, for media and document links the browser follows. */
  cmsPublicUrl: string;
  /** Meilisearch, reached only from the portal's server. */
  meiliHost: string | null;
  /** A search-only key restricted to the public indexes (never the master key). */
  meiliSearchKey: string | null;
  portalPublicUrl: string;
  /** Optional raster tiles under the offline vector base map (deployments that have a tile server). */
  mapTileUrl: string | null;
  mapTileAttribution: string | null;
  /** Shared with the CMS: proves a forwarded visitor address, and the CMS's cache invalidations. */
  portalProxySecret: string | null;
  /** How long a cached page or answer is served without asking again (the CMS invalidates changes). */
  cacheTtlSeconds: number;
  /** Memory the cache may take; the least recently used pages go first. */
  cacheMaxMegabytes: number;
};

export const config = (): PortalConfig => {
  const settings = portalSettings();
  return {
    cmsUrl: settings.cmsUrl,
    cmsPublicUrl: settings.cmsPublicUrl,
    meiliHost: settings.meiliHost,
    meiliSearchKey: settings.meiliSearchKey,
    portalPublicUrl: settings.publicUrl,
    mapTileUrl: settings.mapTileUrl,
    mapTileAttribution: settings.mapTileAttribution,
    portalProxySecret: settings.portalProxySecret,
    cacheTtlSeconds: settings.cacheTtlSeconds,
    cacheMaxMegabytes: settings.cacheMaxMegabytes,
  };
};

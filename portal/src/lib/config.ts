/** The portal's settings, read from the server process's environment at request time. */
export type PortalConfig = {
  /** Where the portal's server reaches the CMS. */
  cmsUrl: string;
  /** The CMS's public address, for media and document links the browser follows. */
  cmsPublicUrl: string;
  /** Meilisearch, reached only from the portal's server; null when not configured. */
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

const setting = (name: string): string | null => {
  const value = process.env[name]?.trim();
  return value ? value : null;
};

const positive = (name: string, fallback: number): number => {
  const value = Number(setting(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const withoutSlash = (url: string): string => url.replace(/\/+$/, '');

export const config = (): PortalConfig => {
  const cmsUrl = withoutSlash(setting('CMS_URL') ?? 'http://127.0.0.1:1337');
  return {
    cmsUrl,
    cmsPublicUrl: withoutSlash(setting('CMS_PUBLIC_URL') ?? cmsUrl),
    meiliHost: setting('MEILI_HOST'),
    meiliSearchKey: setting('MEILI_SEARCH_KEY'),
    portalPublicUrl: withoutSlash(setting('PORTAL_PUBLIC_URL') ?? 'http://127.0.0.1:4321'),
    mapTileUrl: setting('MAP_TILE_URL'),
    mapTileAttribution: setting('MAP_TILE_ATTRIBUTION'),
    portalProxySecret: setting('PORTAL_PROXY_SECRET'),
    cacheTtlSeconds: positive('PORTAL_CACHE_TTL_SECONDS', 300),
    cacheMaxMegabytes: positive('PORTAL_CACHE_MAX_MB', 128),
  };
};

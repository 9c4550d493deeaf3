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
  /** Proves to the CMS that a forwarded visitor address comes from the portal. */
  portalProxySecret: string | null;
};

const setting = (name: string): string | null => {
  const value = process.env[name]?.trim();
  return value ? value : null;
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
  };
};

import { portalSearchKey } from '@coop/search/keys';
import { DEFAULT_HOST, DEFAULT_PORTS, localUrl } from '@coop/vocabulary/services';
import { findRepoRoot, serviceEnvironment, settingsReader, type Environment } from '@coop/vocabulary/settings-reader';

/**
 * The portal's settings: every variable it reads, with its default, in one table. The server
 * (server.ts), the pages and the build (astro.config.ts) read from here, and so does the launcher,
 * so a portal started on its own with the repository's `.env` is the one `npm start` runs.
 */
export type PortalSettings = ReturnType<typeof resolvePortalSettings>;

const PORT = { min: 1, max: 65535 };
const POSITIVE = { min: Number.MIN_VALUE };

export const resolvePortalSettings = (env: Environment) => {
  const read = settingsReader(env);
  const host = read.text('PORTAL_HOST', DEFAULT_HOST);
  const port = read.int('PORTAL_PORT', DEFAULT_PORTS.portal, PORT);
  const cmsUrl = read.url(
    'CMS_URL',
    localUrl(read.text('CMS_HOST', DEFAULT_HOST), read.int('CMS_PORT', DEFAULT_PORTS.cms, PORT)),
  );
  const masterKey = read.optional('MEILI_MASTER_KEY');
  const settings = {
    /** Where the portal's server listens. */
    host,
    port,
    publicUrl: read.url('PORTAL_PUBLIC_URL', localUrl(host, port)),
    /** Where the portal's server reaches the CMS. */
    cmsUrl,
    /** The CMS's public address, for media and document links the browser follows. */
    cmsPublicUrl: read.url('CMS_PUBLIC_URL', cmsUrl),
    /** Meilisearch, reached only from the portal's server (default: the embedded one of `npm start`). */
    meiliHost: read.url('MEILI_HOST', localUrl(DEFAULT_HOST, read.int('MEILI_PORT', DEFAULT_PORTS.meilisearch, PORT))),
    /**
     * A search-only key restricted to the public indexes, never the master key: set, or derived from
     * the master key when the portal is started on its own with the whole `.env`.
     */
    meiliSearchKey: read.optional('MEILI_SEARCH_KEY') ?? (masterKey ? portalSearchKey(masterKey) : null),
    /** Optional raster tiles under the offline vector base map (deployments that have a tile server). */
    mapTileUrl: read.optional('MAP_TILE_URL'),
    mapTileAttribution: read.optional('MAP_TILE_ATTRIBUTION'),
    /** Shared with the CMS: proves a forwarded visitor address, and the CMS's cache invalidations. */
    portalProxySecret: read.optional('PORTAL_PROXY_SECRET'),
    /** How long a cached page or answer is served without asking again (the CMS invalidates changes). */
    cacheTtlSeconds: read.number('PORTAL_CACHE_TTL_SECONDS', 300, POSITIVE),
    /** Memory the cache may take; the least recently used pages go first. */
    cacheMaxMegabytes: read.number('PORTAL_CACHE_MAX_MB', 128, POSITIVE),
    /** Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed. */
    trustedProxies: read.list('TRUSTED_PROXIES', []),
    /** Searches per visitor in the window, counted by each portal process. */
    searchRateLimit: {
      max: read.int('PORTAL_SEARCH_RATE_LIMIT_MAX', 120, { min: 1 }),
      windowSeconds: read.number('PORTAL_SEARCH_RATE_LIMIT_SECONDS', 60, POSITIVE),
    },
  };
  read.check();
  return settings;
};

/** The variables the portal reads: what the launcher hands the portal, and nothing else. */
export const portalEnvironment = (settings: PortalSettings): Record<string, string> => {
  const env: Record<string, string> = {
    PORTAL_HOST: settings.host,
    PORTAL_PORT: String(settings.port),
    PORTAL_PUBLIC_URL: settings.publicUrl,
    CMS_URL: settings.cmsUrl,
    CMS_PUBLIC_URL: settings.cmsPublicUrl,
    MEILI_HOST: settings.meiliHost,
    PORTAL_CACHE_TTL_SECONDS: String(settings.cacheTtlSeconds),
    PORTAL_CACHE_MAX_MB: String(settings.cacheMaxMegabytes),
    TRUSTED_PROXIES: settings.trustedProxies.join(','),
    PORTAL_SEARCH_RATE_LIMIT_MAX: String(settings.searchRateLimit.max),
    PORTAL_SEARCH_RATE_LIMIT_SECONDS: String(settings.searchRateLimit.windowSeconds),
  };
  const optional = {
    MEILI_SEARCH_KEY: settings.meiliSearchKey,
    MAP_TILE_URL: settings.mapTileUrl,
    MAP_TILE_ATTRIBUTION: settings.mapTileAttribution,
    PORTAL_PROXY_SECRET: settings.portalProxySecret,
  };
  for (const [name, value] of Object.entries(optional)) if (value !== null) env[name] = value;
  return env;
};

let resolved: PortalSettings | undefined;

/** This process's settings, read once from its environment over the repository's `.env`. */
export const portalSettings = (): PortalSettings => {
  resolved ??= resolvePortalSettings(serviceEnvironment(findRepoRoot(process.cwd())));
  return resolved;
};

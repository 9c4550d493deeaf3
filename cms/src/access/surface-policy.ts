import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf } from './actor';
import { ADMIN_SURFACE, routeKey, type SurfaceEntry } from './admin-surface';
import type { RequestAdminUser } from './request-user';
import { runGuard } from './route-guards';

/** The policy's name as Strapi resolves it: `src/policies/organisation-surface.ts`. */
export const SURFACE_POLICY = 'global::organisation-surface';

type PolicyContext = {
  _matchedRoute?: string;
  params?: Record<string, string>;
  state: { user?: RequestAdminUser; auth?: { strategy?: { name?: string } } };
  request: {
    method: string;
    query: Record<string, unknown>;
    body?: unknown;
    files?: Record<string, unknown>;
  };
};

const fileNamesOf = (files: Record<string, unknown> | undefined): string[] => {
  const value = files?.files;
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((file) => String((file as { originalFilename?: string }).originalFilename ?? ''));
};

const refused = (): never => {
  throw new errors.PolicyError('Questa funzione è riservata allo staff di rete');
};

/**
 * Runs before every admin route's controller: network staff and the super admin pass (but not
 * through routes that are off for everyone); anyone else passes only where the reviewed table
 * lists their role, and only after the route's own guard has checked its ids and relations.
 */
export const surfacePolicy = async (context: PolicyContext, strapi: Core.Strapi): Promise<boolean> => {
  const key = routeKey(context.request.method, context._matchedRoute ?? '');
  const entry: SurfaceEntry | undefined = ADMIN_SURFACE[key];
  if (entry?.access === 'off') throw new errors.PolicyError('Funzione disattivata su questa piattaforma');
  const user = context.state.user;
  // Routes without a session (signing in, invitations) are Strapi's own to answer.
  if (!user) return true;
  const actor = await actorOf(strapi, user);
  if (actor.kind === 'staff') return true;
  if (entry?.access === 'public') return true;
  if (entry?.access !== 'allowed' || actor.kind === 'none' || !entry.roles.includes(actor.role)) return refused();
  if (entry.guard) {
    const body = (context.request.body ?? {}) as Record<string, unknown>;
    await runGuard(entry.guard, strapi, actor, {
      method: context.request.method,
      params: context.params ?? {},
      query: context.request.query,
      body,
      fileNames: fileNamesOf(context.request.files),
      setQuery: (query) => {
        context.request.query = query;
      },
    });
  }
  return true;
};

type RouteConfig = { policies?: unknown[] } & Record<string, unknown>;
type Route = { method: string; path: string; config?: RouteConfig };
type Router = { type?: string; routes: Route[] };
type RouterInput = Router | ((args: { strapi: Core.Strapi }) => Router);

const guardRoutes = (routes: Route[]): void => {
  for (const route of routes) {
    const policies = route.config?.policies ?? [];
    if (policies.includes(SURFACE_POLICY)) continue;
    route.config = { ...route.config, policies: [SURFACE_POLICY, ...policies] };
  }
};

// The admin's own routers all take an admin session, whatever API they are mounted on.
const guardRouter = (router: Router, everyType: boolean): Router => {
  if (everyType || (router.type ?? 'admin') === 'admin') guardRoutes(router.routes ?? []);
  return router;
};

const guardRouters = (routers: Record<string, RouterInput>, everyType = false): void => {
  for (const [name, input] of Object.entries(routers)) {
    routers[name] =
      typeof input === 'function'
        ? (args: { strapi: Core.Strapi }) => guardRouter(input(args), everyType)
        : guardRouter(input, everyType);
  }
};

/**
 * Puts the surface policy first on every admin route of Strapi and its plugins, before Strapi
 * mounts them (the platform's own `/coop` routes carry it from their definition).
 */
export const guardAdminRoutes = (strapi: Core.Strapi): void => {
  const admin = strapi.admin as unknown as { routes: Record<string, RouterInput> };
  guardRouters(admin.routes, true);
  for (const plugin of Object.values(strapi.plugins) as unknown as {
    routes?: Route[] | Record<string, RouterInput>;
  }[]) {
    if (Array.isArray(plugin.routes)) guardRoutes(plugin.routes);
    else if (plugin.routes) guardRouters(plugin.routes);
  }
};

type Layer = { path: string; methods: string[] };

export type SurfaceReport = {
  routes: ({ key: string } & (SurfaceEntry | { access: 'unreviewed' }))[];
  unreviewed: string[];
  stale: string[];
};

/** Every route the running CMS serves, with the table's decision for it (for the inventory test). */
export const surfaceReport = (strapi: Core.Strapi): SurfaceReport => {
  const layers = [
    ...(strapi.server.api('admin').listRoutes() as Layer[]),
    ...(strapi.server.api('content-api').listRoutes() as Layer[]),
    ...(strapi.server.listRoutes() as Layer[]),
  ];
  const keys = new Set<string>();
  for (const layer of layers) {
    const methods = layer.methods.filter((method) => method !== 'HEAD');
    // A route that answers every method (the health check) is one route.
    for (const method of methods.length > 8 ? ['ALL'] : methods) keys.add(routeKey(method, layer.path));
  }
  const routes = [...keys].sort().map((key) => ({ key, ...(ADMIN_SURFACE[key] ?? { access: 'unreviewed' as const }) }));
  return {
    routes,
    unreviewed: routes.filter((route) => route.access === 'unreviewed').map((route) => route.key),
    stale: Object.keys(ADMIN_SURFACE).filter((key) => !keys.has(key)),
  };
};

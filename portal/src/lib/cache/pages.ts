/**
 * Rendered pages in the portal's cache: a GET answered 200 or 404 is kept with the tags of every
 * answer it was built from, already compressed, and served again until the CMS invalidates one of
 * them. A page that could not be built because a service is down is answered with the last good
 * copy, marked `x-portal-cache: stale`; only a page never seen answers 503.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { ServiceUnavailableError } from '../errors.ts';
import { gathering, newDependencies } from './dependencies.ts';
import { portalCache } from './index.ts';
import type { Loaded, Outcome } from './store.ts';

const gzip = promisify(gzipCallback);

type Bytes = Uint8Array<ArrayBuffer>;

export type PageSnapshot = {
  status: number;
  headers: [string, string][];
  body: Bytes;
  gzip: Bytes | null;
  etag: string;
};

/** The header that says how the cache served a page. */
export const CACHE_HEADER = 'x-portal-cache';

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml))/;
const KEPT_STATUSES = new Set([200, 404]);
/** A page built from stale answers is tried again this soon. */
const STALE_PAGE_MS = 1_000;
const HOP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'etag', 'age']);

/** Thrown when a page could not be built (a service is down): an old copy is served if there is one. */
class PageNotKept extends ServiceUnavailableError {
  override name = 'PageNotKept';
  constructor(readonly page: PageSnapshot) {
    super('page built without its data');
  }
}

const isKept = (response: Response, failed: boolean): boolean => {
  const cacheControl = response.headers.get('cache-control') ?? '';
  return (
    !failed &&
    KEPT_STATUSES.has(response.status) &&
    !/\b(no-store|private)\b/.test(cacheControl) &&
    !response.headers.has('set-cookie')
  );
};

const snapshot = async (response: Response, body: Bytes): Promise<PageSnapshot> => {
  const headers = [...response.headers.entries()].filter(([name]) => !HOP_HEADERS.has(name));
  const compressible = COMPRESSIBLE.test(response.headers.get('content-type') ?? '') && body.length > 512;
  return {
    status: response.status,
    headers,
    body,
    gzip: compressible ? new Uint8Array(await gzip(body)) : null,
    etag: createHash('sha1').update(body).digest('base64url').slice(0, 20),
  };
};

const render = async (build: () => Promise<Response>): Promise<Loaded<PageSnapshot>> => {
  // Answers read while building must be current: an expired one is read again, not served old.
  const dependencies = newDependencies(true);
  const { response, body } = await gathering(dependencies, async () => {
    const built = await build();
    return { response: built, body: new Uint8Array(await built.arrayBuffer()) };
  });
  const page = await snapshot(response, body);
  const keep = isKept(response, dependencies.failed);
  if (!keep && dependencies.failed) throw new PageNotKept(page);
  return {
    value: page,
    bytes: page.body.length + (page.gzip?.length ?? 0) + 512,
    tags: [...dependencies.tags],
    keep,
    stale: dependencies.stale,
    ...(dependencies.stale ? { freshForMs: STALE_PAGE_MS } : {}),
  };
};

type Answer = { status: number; headers: Headers; body: Bytes | null };

/** The stored page as this request wants it: compressed or not, or 304 for an ETag it has. */
const negotiate = (
  page: PageSnapshot,
  outcome: Outcome,
  storedAt: number,
  acceptEncoding: string | null,
  ifNoneMatch: string | null,
): Answer => {
  const headers = new Headers(page.headers);
  headers.set(CACHE_HEADER, outcome);
  headers.set('age', String(Math.max(0, Math.floor((Date.now() - storedAt) / 1000))));
  const compressed = page.gzip !== null && /\bgzip\b/.test(acceptEncoding ?? '');
  const etag = `"${page.etag}${compressed ? '-gz' : ''}"`;
  headers.set('etag', etag);
  if (page.gzip) headers.append('vary', 'Accept-Encoding');
  if (page.status === 200 && ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
    for (const name of ['content-type', 'content-disposition', 'content-length']) headers.delete(name);
    return { status: 304, headers, body: null };
  }
  const body = compressed && page.gzip ? page.gzip : page.body;
  if (compressed) headers.set('content-encoding', 'gzip');
  headers.set('content-length', String(body.length));
  return { status: page.status, headers, body };
};

const answer = (request: Request, page: PageSnapshot, outcome: Outcome, storedAt: number): Response => {
  const { status, headers, body } = negotiate(
    page,
    outcome,
    storedAt,
    request.headers.get('accept-encoding'),
    request.headers.get('if-none-match'),
  );
  return new Response(body, { status, headers });
};

/** A page's key: its path and query as the browser asked for them. */
const pageKey = (url: URL): string => `page:${url.pathname}${url.search}`;

/**
 * Fresh pages straight from the cache, before Astro (see `portal/server.ts`): a crowd asking for
 * the same pages costs a lookup and a write. Anything else (missing, expired, invalidated) is left
 * to Astro and the middleware, which also keeps the cache.
 */
const fastPath = (request: IncomingMessage, response: ServerResponse): boolean => {
  if (request.method !== 'GET' || !request.url) return false;
  let url: URL;
  try {
    url = new URL(request.url, 'http://portal');
  } catch {
    return false;
  }
  const found = portalCache().peek(pageKey(url));
  if (!found) return false;
  const accept = request.headers['accept-encoding'];
  const known = request.headers['if-none-match'];
  const { status, headers, body } = negotiate(
    found.value as PageSnapshot,
    'hit',
    found.storedAt,
    Array.isArray(accept) ? accept.join(',') : (accept ?? null),
    known ?? null,
  );
  response.writeHead(status, Object.fromEntries(headers));
  response.end(body);
  return true;
};

const FAST_PATH = Symbol.for('coop.portal.cache.fastPath');
(globalThis as typeof globalThis & { [FAST_PATH]?: typeof fastPath })[FAST_PATH] = fastPath;

/** The page for a GET, from the cache or built by `build` (and kept when it may be). */
export const cachedPage = async (request: Request, url: URL, build: () => Promise<Response>): Promise<Response> => {
  const key = pageKey(url);
  try {
    const served = await portalCache().getOrRefresh(key, () => render(build));
    return answer(request, served.value as PageSnapshot, served.outcome, served.storedAt);
  } catch (error) {
    if (error instanceof PageNotKept) return answer(request, error.page, 'miss', Date.now());
    throw error;
  }
};

/**
 * The portal's server: Astro's standalone handler (static files and pages) behind two things.
 * First the visitor's address, found as TRUSTED_PROXIES allows (the socket's peer unless that is a
 * trusted proxy): Astro alone would believe the first X-Forwarded-For address of any request, so
 * every limit could be dodged. Then the cache's fast path, which answers fresh cached pages
 * without entering Astro (the visitor's address wraps it too, so cached answers keep the limits).
 * Run after `astro build`: `node server.ts` (it listens on PORTAL_HOST:PORTAL_PORT; src/lib/settings.ts).
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, trustedProxyList, withVisitor } from './src/lib/client-address.ts';
import { searchRefusal, searchWait } from './src/lib/search-limit.ts';
import { portalSettings } from './src/lib/settings.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

// Astro's entry would start its own server on import: this one wraps its handler instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = new URL('./dist/server/entry.mjs', import.meta.url).href;
const { handler } = (await import(entry)) as { handler: Handler };

const FAST_PATH = Symbol.for('coop.portal.cache.fastPath');
const fastPath = (): FastPath | undefined => (globalThis as typeof globalThis & { [FAST_PATH]?: FastPath })[FAST_PATH];

// A bad setting stops the portal here, before it listens, with a message naming it.
const settings = portalSettings();
const trustedProxies = trustedProxyList(settings.trustedProxies.join(','));

const server = http.createServer((request, response) => {
  const visitor = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies);
  // Astro.clientAddress, for whatever reads it, says the same as the limits.
  request.headers['x-forwarded-for'] = visitor;
  withVisitor(visitor, () => {
    // Searches are counted here, before the cache answers: a cached answer counts as a search too.
    if (request.url?.startsWith('/api/search')) {
      const wait = searchWait();
      if (wait > 0) {
        const refusal = searchRefusal(wait);
        response.writeHead(refusal.status, refusal.headers);
        response.end(refusal.body);
        return;
      }
    }
    if (fastPath()?.(request, response)) return;
    handler(request, response);
  });
});

const { host, port } = settings;
server.listen(port, host, () => console.log(`[portal] in ascolto su http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}

/**
 * The portal's server: Astro's standalone handler behind the visitor's address, found as
 * TRUSTED_PROXIES allows (the socket's peer unless that is a trusted proxy). Astro itself would
 * believe the first X-Forwarded-For address of any request, so every limit could be dodged.
 * Run `node portal/server.ts` after `npm run build -w portal`; HOST and PORT say where it listens.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientAddress, trustedProxyList, withVisitor } from './src/lib/client-address.ts';

type Handler = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = pathToFileURL(path.join(import.meta.dirname, 'dist', 'server', 'entry.mjs')).href;
const { handler } = (await import(entry)) as { handler: Handler };

const trustedProxies = trustedProxyList(process.env.TRUSTED_PROXIES);
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);

const server = createServer((request, response) => {
  const visitor = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies);
  // Astro.clientAddress, for whatever reads it, says the same as the limits.
  request.headers['x-forwarded-for'] = visitor;
  withVisitor(visitor, () => handler(request, response));
});
server.listen(port, host, () => console.log(`[portal] in ascolto su http://${host}:${port}`));

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

import { timingSafeEqual } from 'node:crypto';
import type { APIRoute } from 'astro';
import { invalidationReceiver } from '../../../lib/cache/index.ts';
import { parseMessage } from '../../../lib/cache/invalidation.ts';
import { config } from '../../../lib/config.ts';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

const sameSecret = (given: string | null, expected: string): boolean => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * The CMS's cache invalidations (`cms/src/cache/`), proven by the secret the portal and the CMS
 * share. Answers how much of this process's cache the message reached.
 */
export const POST: APIRoute = async ({ request }) => {
  const secret = config().portalProxySecret;
  if (!secret || !sameSecret(request.headers.get('x-portal-secret'), secret)) {
    return json(403, { error: 'Invalidazione non autorizzata' });
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return json(413, { error: 'Messaggio troppo grande' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'Il messaggio non è JSON' });
  }
  const message = parseMessage(body);
  if (!message) return json(400, { error: 'Messaggio di invalidazione non valido' });
  return json(200, invalidationReceiver().apply(message));
};

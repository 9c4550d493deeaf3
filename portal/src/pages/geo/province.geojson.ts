import type { APIRoute } from 'astro';
import provinces from '../../data/province.json';

/** The offline base map: today's provinces (extracted by `npm run geo -w portal`), a static file at build. */
export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(provinces), { headers: { 'content-type': 'application/geo+json' } });

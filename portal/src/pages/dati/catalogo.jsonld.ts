import type { APIRoute } from 'astro';
import { SITE_NAME } from '../../lib/catalogue-state.ts';
import { getPrivacyNotice } from '../../lib/cms.ts';
import { config } from '../../lib/config.ts';
import { DATASETS } from '../../lib/datasets.ts';
import { catalogueJsonLd } from '../../lib/dcat.ts';
import { load } from '../../lib/load.ts';
import { getFeedEntries } from '../../lib/open-data-changes.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

/**
 * `/dati/catalogo.jsonld`: the DCAT-AP_IT catalogue. The publisher is the data controller the
 * network configured (the site's name until it does); modified is the newest publication.
 */
export const GET: APIRoute = async () => {
  const [notice, newest] = await Promise.all([load(getPrivacyNotice), load(() => getFeedEntries(1))]);
  const controller = notice.ok ? notice.data.controller : null;
  const modified = newest.ok && newest.data[0] ? newest.data[0].updatedAt : new Date().toISOString();
  const body = catalogueJsonLd(
    DATASETS,
    config().portalPublicUrl,
    { name: controller?.name ?? SITE_NAME, email: controller?.email ?? null },
    modified,
  );
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': PAGE_CACHE },
  });
};

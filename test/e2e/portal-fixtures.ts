import { test as base, expect, request as httpRequest, type Page } from '@playwright/test';
import { cmsUrl, portalUrl } from './urls.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || protocol === 'about:' || LOOPBACK.has(hostname);
};

/**
 * The portal's browser tests: every request the page makes must stay on this machine (no map
 * tiles, fonts, analytics or CDNs). A request to anywhere else is blocked and fails the test.
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ context }, use) => {
      const escaped: string[] = [];
      await context.route(
        (url) => !isLocal(url.toString()),
        async (route) => {
          escaped.push(route.request().url());
          await route.abort('blockedbyclient');
        },
      );
      await use();
      expect(escaped, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const portal = (path = '/'): string => `${portalUrl()}${path}`;

/** Keeps a full-page screenshot among the test's artefacts. */
export const keepScreenshot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
};

/**
 * Waits until the search index holds every published practice: on a fresh system the CMS fills
 * it in the background after its first start.
 */
export const searchIndexReady = async (): Promise<void> => {
  const http = await httpRequest.newContext();
  try {
    const published = (await (await http.get(`${cmsUrl()}/api/practice-cards?pagination[pageSize]=1`)).json()) as {
      meta: { pagination: { total: number } };
    };
    await expect
      .poll(
        async () => {
          const response = await http.get(`${portalUrl()}/api/search`);
          return response.ok() ? ((await response.json()) as { total: number }).total : -1;
        },
        { timeout: 50_000, intervals: [250, 500, 1000] },
      )
      .toBe(published.meta.pagination.total);
  } finally {
    await http.dispose();
  }
};

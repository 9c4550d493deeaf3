import { test as base, expect, type Page } from '@playwright/test';
import { portalUrl } from './urls.ts';

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

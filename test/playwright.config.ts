import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './support/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'artifacts/playwright',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  // Assertions poll; a busy machine may take longer than Playwright's 5 s to show a page.
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['html', { outputFolder: 'artifacts/playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumFlags },
  },
});

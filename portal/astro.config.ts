import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { portalSettings } from './src/lib/settings.ts';

// The launcher runs builds with the stack's NODE_ENV (development by default); a build is always
// for production, or React's development build (twice the size, much slower) would be shipped.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

// Behind a reverse proxy, Astro believes X-Forwarded-Host/Proto only for the portal's public
// address: the form's same-origin check then sees the address the browser used.
const publicUrl = new URL(portalSettings().publicUrl);

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  i18n: { locales: ['it'], defaultLocale: 'it' },
  build: { inlineStylesheets: 'always' },
  security: {
    allowedDomains: [{ hostname: publicUrl.hostname, protocol: publicUrl.protocol.replace(':', '') }],
  },
});

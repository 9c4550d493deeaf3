import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// The launcher runs builds with the stack's NODE_ENV (development by default); a build is always
// for production, or React's development build (twice the size, much slower) would be shipped.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  i18n: { locales: ['it'], defaultLocale: 'it' },
  build: { inlineStylesheets: 'always' },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: here('..'),
          include: ['{search,report-templates,cms,portal,cms/vocabulary}/src/**/*.test.ts', 'test/stack/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          root: here('.'),
          include: ['integration/**/*.test.ts'],
          globalSetup: ['integration/global-setup.ts'],
          // Each file starts real services; one at a time keeps the two cores for them.
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

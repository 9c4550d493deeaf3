// ESLint for every workspace: typed typescript-eslint rules (floating promises, unsafe `any`),
// React hook dependencies in the islands and the admin panel, and the Astro plugin for pages.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.strapi/**',
      '**/.tmp/**',
      '.data/**',
      '.backups/**',
      'cms/types/generated/**',
      'cms/public/**',
      'test/artifacts/**',
      'test/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked with its workspace's compiler settings (the first project listing it).
        project: [
          'cms/tsconfig.json',
          'cms/tsconfig.tests.json',
          'cms/src/admin/tsconfig.json',
          'cms/vocabulary/tsconfig.json',
          'search/tsconfig.json',
          'report-templates/tsconfig.json',
          'portal/tsconfig.json',
          'test/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are the compiler's job (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    files: ['**/*.tsx', 'cms/src/admin/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright reads a hook's fixtures from its first parameter: `({}, testInfo)` asks for none.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  ...astro.configs.recommended,
  {
    // Astro components are type-checked by `astro check`; here they get the untyped rules.
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

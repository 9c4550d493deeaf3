import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalSearchKey } from '@coop/search/keys';
import { resolveCmsSettings } from '@coop/vocabulary/cms-settings';
import { resolvePortalSettings } from '../../portal/src/lib/settings.ts';
import { portalEnv } from './child-env.ts';
import { parseEnv } from './env-file.ts';
import { repoRoot, resolveSettings } from './settings.ts';

describe('resolveSettings', () => {
  it('runs embedded services with their data under DATA_DIR by default', () => {
    const settings = resolveSettings({ DATA_DIR: '.data', MEILI_MASTER_KEY: 'key' });

    expect(settings.meilisearch).toEqual({
      embedded: true,
      port: 7700,
      url: 'http://127.0.0.1:7700',
      masterKey: 'key',
      searchKey: portalSearchKey('key'),
    });
    expect(settings.env.MEILI_SEARCH_KEY).toBe(portalSearchKey('key'));
    expect(settings.smtp).toMatchObject({
      embedded: true,
      host: '127.0.0.1',
      port: 1025,
      inboxUrl: 'http://127.0.0.1:1080',
    });
    expect(settings.env.DATABASE_FILENAME).toBe(path.join(repoRoot, '.data', 'cms.db'));
    expect(settings.cms.publicDir).toBe(path.join(repoRoot, '.data', 'public'));
    expect(settings.env.MEILI_HOST).toBe('http://127.0.0.1:7700');
    expect(settings.env.CORS_ORIGINS).toBe('http://127.0.0.1:4321,http://localhost:4321');
  });

  it('uses external Meilisearch and SMTP servers when they are configured', () => {
    const settings = resolveSettings({
      MEILI_HOST: 'https://search.example.it',
      SMTP_HOST: 'smtp.example.it',
      SMTP_PORT: '587',
    });

    expect(settings.meilisearch.embedded).toBe(false);
    expect(settings.meilisearch.url).toBe('https://search.example.it');
    expect(settings.smtp).toEqual({ embedded: false, host: 'smtp.example.it', port: 587, inboxUrl: null });
    expect(settings.env.SMTP_HOST).toBe('smtp.example.it');
  });

  it("keeps the portal's search key when one is configured", () => {
    const settings = resolveSettings({ MEILI_MASTER_KEY: 'key', MEILI_SEARCH_KEY: 'chiave-del-portale' });
    expect(settings.meilisearch.searchKey).toBe('chiave-del-portale');
    expect(settings.env.MEILI_SEARCH_KEY).toBe('chiave-del-portale');
  });

  it('keeps an explicit database file and public folder', () => {
    const settings = resolveSettings({ DATABASE_FILENAME: '/srv/cms.db', CMS_PUBLIC_DIR: '/srv/public' });

    expect(settings.env.DATABASE_FILENAME).toBe('/srv/cms.db');
    expect(settings.cms.publicDir).toBe('/srv/public');
  });
});

describe('a service started on its own', () => {
  // What a generated `.env` holds: the example's values with secrets filled in.
  const dotEnv = {
    ...parseEnv(readFileSync(path.join(repoRoot, '.env.example'), 'utf8')),
    MEILI_MASTER_KEY: 'chiave-principale',
    PORTAL_PROXY_SECRET: 'segreto-del-portale',
    DATA_DIR: '.dati-di-prova',
    CMS_PORT: '18337',
  };
  const stack = resolveSettings(dotEnv);

  it('is the CMS npm start runs', () => {
    expect(resolveCmsSettings(stack.env, repoRoot)).toEqual(resolveCmsSettings(dotEnv, repoRoot));
    expect(resolveCmsSettings(dotEnv, repoRoot).database.filename).toBe(
      path.join(repoRoot, '.dati-di-prova', 'cms.db'),
    );
  });

  it('is the portal npm start runs, with the search key and not the master key', () => {
    const launched = portalEnv(stack);
    expect(resolvePortalSettings(launched)).toEqual(resolvePortalSettings(dotEnv));
    expect(resolvePortalSettings(dotEnv)).toMatchObject({
      cmsUrl: 'http://127.0.0.1:18337',
      meiliSearchKey: portalSearchKey('chiave-principale'),
    });
    expect(Object.values(launched)).not.toContain('chiave-principale');
  });
});

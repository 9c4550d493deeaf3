import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { meilisearchArgs, meilisearchBinary } from '@coop/search/embedded-server';
import { searchClient } from '@coop/search/indexer';
import { ensurePortalSearchKey } from '@coop/search/keys';
import { cmsBuild, portalBuild } from './builds.ts';
import { cmsEnv, maildevEnv, meilisearchEnv, portalEnv } from './child-env.ts';
import { readyOrStopped, spawnService, type Service } from './process.ts';
import { repoRoot, type StackSettings } from './settings.ts';

const logFile = (settings: Pick<StackSettings, 'dataDir'>, name: string): string =>
  path.join(settings.dataDir, 'logs', `${name}.log`);

export const startMeilisearch = async (settings: StackSettings): Promise<Service> => {
  const { port, url, masterKey } = settings.meilisearch;
  const dataDir = path.join(settings.dataDir, 'meilisearch');
  mkdirSync(dataDir, { recursive: true });
  const service = spawnService({
    name: 'meilisearch',
    url,
    command: meilisearchBinary(),
    args: meilisearchArgs({ port, dataDir }),
    cwd: dataDir,
    env: meilisearchEnv(settings),
    logFile: logFile(settings, 'meilisearch'),
  });
  const ready = await readyOrStopped(service, { url: `${url}/health` });
  // The portal may search before the CMS has created its key: create it first.
  await ensurePortalSearchKey(searchClient({ host: url, apiKey: masterKey })).catch(async (error: unknown) => {
    await ready.stop();
    throw error;
  });
  return ready;
};

export const startMaildev = async (settings: StackSettings): Promise<Service> => {
  const inboxUrl = settings.smtp.inboxUrl ?? '';
  const service = spawnService({
    name: 'maildev',
    url: inboxUrl,
    command: path.join(repoRoot, 'node_modules', '.bin', 'maildev'),
    args: [
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(settings.smtp.port),
      '--web-ip',
      '127.0.0.1',
      '--web',
      new URL(inboxUrl).port,
      '--mail-directory',
      path.join(settings.dataDir, 'mail'),
    ],
    cwd: repoRoot,
    env: maildevEnv(settings),
    logFile: logFile(settings, 'maildev'),
  });
  return readyOrStopped(service, { url: `${inboxUrl}/api/healthz` });
};

/** Starts a CMS; `name` tells instances of one cluster apart (in their log file's name, too). */
export const startCms = async (settings: StackSettings, name = 'cms'): Promise<Service> => {
  // Strapi's upload plugin refuses to start without its folder.
  mkdirSync(path.join(settings.cms.publicDir, 'uploads'), { recursive: true });
  const service = spawnService({
    name,
    url: `${settings.cms.url}/admin`,
    command: cmsBuild.command,
    args: ['start'],
    cwd: cmsBuild.workspaceDir,
    env: cmsEnv(settings),
    logFile: logFile(settings, name),
  });
  return readyOrStopped(service, { url: `${settings.cms.url}/_health`, timeoutMs: 180_000 });
};

/** The portal alone needs only where it listens, its settings and a folder for its log. */
export const startPortal = async (settings: Pick<StackSettings, 'dataDir' | 'portal' | 'env'>): Promise<Service> => {
  const service = spawnService({
    name: 'portal',
    url: settings.portal.url,
    command: process.execPath,
    // Astro's built handler behind the visitor's address (TRUSTED_PROXIES) and the cache (portal/server.ts).
    args: [path.join(portalBuild.workspaceDir, 'server.ts')],
    cwd: portalBuild.workspaceDir,
    env: { ...portalEnv(settings), PORTAL_HOST: settings.portal.host, PORTAL_PORT: String(settings.portal.port) },
    logFile: logFile(settings, 'portal'),
  });
  return readyOrStopped(service, { url: `${settings.portal.url}/api/health` });
};

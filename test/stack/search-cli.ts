import { spawn } from 'node:child_process';
import path from 'node:path';
import { cmsBuild, buildIfStale } from './builds.ts';
import { ensureEnvFile, loadEnv } from './env-file.ts';
import { repoRoot, resolveSettings } from './settings.ts';

/** `npm run search:<command>`: the CMS's search tools with the platform's settings. */
const envPath = path.resolve(repoRoot, process.env.ENV_FILE ?? '.env');
ensureEnvFile(path.join(repoRoot, '.env.example'), envPath);
const settings = resolveSettings(loadEnv(envPath));

const reachable = await fetch(`${settings.meilisearch.url}/health`).then(
  (response) => response.ok,
  () => false,
);
if (!reachable) {
  console.error(
    `Meilisearch non raggiungibile su ${settings.meilisearch.url}: avvia prima la piattaforma (npm start) o imposta MEILI_HOST.`,
  );
  process.exit(1);
}
if (await buildIfStale(cmsBuild, settings.env)) console.log('CMS ricompilato.');

const child = spawn(
  process.execPath,
  [path.join(cmsBuild.outputDir, 'scripts', 'search.js'), ...process.argv.slice(2)],
  {
    cwd: cmsBuild.workspaceDir,
    env: { ...settings.env, COOP_BACKGROUND_WORKERS: 'false' },
    stdio: 'inherit',
  },
);
child.once('exit', (code) => process.exit(code ?? 1));

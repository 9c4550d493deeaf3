/** `npm run restore <archive> [--force]`: puts a backup back, then rebuilds the search indexes. */
import path from 'node:path';
import { summary } from './backup/manifest.ts';
import { restoreBackup } from './backup/restore.ts';
import { ensureEnvFile, loadEnv } from './env-file.ts';
import { repoRoot, resolveSettings } from './settings.ts';

const args = process.argv.slice(2);
const archive = args.find((arg) => !arg.startsWith('--'));
if (!archive) {
  console.error('Uso: npm run restore <archivio.tar.gz> [-- --force]');
  process.exit(2);
}
const envPath = path.resolve(repoRoot, process.env.ENV_FILE ?? '.env');
ensureEnvFile(path.join(repoRoot, '.env.example'), envPath);
const settings = resolveSettings(loadEnv(envPath));

const started = performance.now();
try {
  const manifest = await restoreBackup(settings, path.resolve(process.cwd(), archive), {
    replace: args.includes('--force'),
    report: (line) => console.log(line),
  });
  console.log(`Ripristino completato: ${summary(manifest, (performance.now() - started) / 1000)}`);
} catch (error) {
  console.error(`Ripristino non riuscito: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

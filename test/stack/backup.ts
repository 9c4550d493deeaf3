/** `npm run backup`: one archive of the database, the uploads and a manifest, into BACKUP_DIR. */
import path from 'node:path';
import { createBackup } from './backup/create.ts';
import { summary } from './backup/manifest.ts';
import { ensureEnvFile, loadEnv } from './env-file.ts';
import { repoRoot, resolveSettings } from './settings.ts';

const envPath = path.resolve(repoRoot, process.env.ENV_FILE ?? '.env');
ensureEnvFile(path.join(repoRoot, '.env.example'), envPath);
const settings = resolveSettings(loadEnv(envPath));

const started = performance.now();
try {
  const { archive, manifest } = await createBackup(settings);
  console.log(`Backup completato: ${summary(manifest, (performance.now() - started) / 1000)}`);
  console.log(`Archivio: ${archive}`);
  console.log(`Non contiene i segreti (.env): conservali a parte, nel gestore dei segreti.`);
} catch (error) {
  console.error(`Backup non riuscito: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

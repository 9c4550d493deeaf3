/**
 * Search tools: `reindex`, `status`, `check [--fix]`. Run through `npm run search:<command>`,
 * which builds the CMS and passes the platform's settings.
 */
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { check, reindex, status, type Output } from '../src/search/commands';

const cmsDir = path.resolve(__dirname, '..', '..');

const terminalOutput = (): Output => {
  let pendingProgress = false;
  return {
    line: (text) => {
      process.stdout.write(`${pendingProgress && process.stdout.isTTY ? '\r\x1b[K' : ''}${text}\n`);
      pendingProgress = false;
    },
    progress: (text) => {
      if (!process.stdout.isTTY) return;
      process.stdout.write(`\r\x1b[K${text}`);
      pendingProgress = true;
    },
  };
};

const run = async (command: string | undefined, flags: string[]): Promise<number> => {
  // Loaded beside the running server: seeding, e-mails and the index worker are the server's job.
  process.env.COOP_BACKGROUND_WORKERS = 'false';
  const strapi = await createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') }).load();
  strapi.log.level = 'warn';
  const output = terminalOutput();
  try {
    switch (command) {
      case 'reindex':
        return (await reindex(strapi, output)) === 0 ? 0 : 1;
      case 'status':
        await status(strapi, output);
        return 0;
      case 'check':
        return (await check(strapi, output, flags.includes('--fix'))) === 0 ? 0 : 1;
      default:
        output.line('Comandi: reindex, status, check [--fix]');
        return 2;
    }
  } catch (error) {
    output.line(`Errore: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await strapi.destroy();
  }
};

void run(process.argv[2], process.argv.slice(3)).then((code) => process.exit(code));

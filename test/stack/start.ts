import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { locateLibreOffice } from '@coop/report-templates/libreoffice';
import { ensureEnvFile, loadEnv, parseEnv } from './env-file.ts';
import { keepDataPrivate } from './private-files.ts';
import { repoRoot, resolveSettings, type StackSettings } from './settings.ts';
import { buildStack, startStack } from './stack.ts';

// ENV_FILE lets a second copy of the system (the tests) keep its own settings and secrets.
const envPath = path.resolve(repoRoot, process.env.ENV_FILE ?? '.env');

type DemoAccount = { email: string; role: string; organisationSlug?: string };

/** The demo accounts the CMS seeds, from the same data file. */
const demoAccounts = (): DemoAccount[] =>
  JSON.parse(readFileSync(path.join(repoRoot, 'cms', 'data', 'demo', 'accounts.json'), 'utf8')) as DemoAccount[];

const pdfRendering = (): string => {
  try {
    return `LibreOffice in ${locateLibreOffice().programDir}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** Where a password can be found again: the settings file that holds it, or the environment. */
const wherePasswordIs = (name: string): string => {
  const inFile = existsSync(envPath) && parseEnv(readFileSync(envPath, 'utf8'))[name];
  return inFile ? `${name} in ${envPath}` : `la variabile d’ambiente ${name}`;
};

/**
 * Every URL, and the demo logins. The passwords are printed only on the first start (the one that
 * generated them); later starts say where they are kept, so they do not end up in every log.
 */
const printSummary = (settings: StackSettings, seconds: number, firstStart: boolean): void => {
  const rows: [string, string][] = [
    ['Portale pubblico', settings.portal.url],
    ['Amministrazione (CMS)', `${settings.cms.url}/admin`],
    ['API dei contenuti', `${settings.cms.url}/api`],
    ['Meilisearch', settings.meilisearch.url + (settings.meilisearch.embedded ? ' (integrato)' : ' (esterno)')],
    [
      'Posta in arrivo (SMTP di prova)',
      settings.smtp.inboxUrl ?? `SMTP esterno ${settings.smtp.host}:${settings.smtp.port}`,
    ],
    ['Dati e log', settings.dataDir],
    ['Documenti PDF', pdfRendering()],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nPiattaforma pronta in ${seconds.toFixed(1)} s\n`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  if (settings.admin.email && settings.admin.password) {
    console.log(
      firstStart
        ? `\n  Accesso demo: ${settings.admin.email} / ${settings.admin.password}`
        : `\n  Accesso demo: ${settings.admin.email} (password: ${wherePasswordIs('ADMIN_PASSWORD')})`,
    );
  } else {
    console.log(`\n  Nessun ADMIN_EMAIL/ADMIN_PASSWORD: crea il primo amministratore su ${settings.cms.url}/admin`);
  }
  if (settings.demoPassword) {
    console.log(
      firstStart
        ? `  Account demo per ruolo (password ${settings.demoPassword}):`
        : `  Account demo per ruolo (password: ${wherePasswordIs('DEMO_PASSWORD')}):`,
    );
    for (const { role, organisationSlug, email } of demoAccounts()) {
      console.log(`    ${`${role}${organisationSlug ? ` (${organisationSlug})` : ''}`.padEnd(40)} ${email}`);
    }
  }
  if (firstStart && (settings.admin.password || settings.demoPassword)) {
    console.log(`  Le password non saranno più mostrate: le trovi in ${envPath} (ADMIN_PASSWORD, DEMO_PASSWORD).`);
  }
  console.log('\nCtrl-C per fermare tutto.\n');
};

const main = async (): Promise<void> => {
  const startedAt = performance.now();
  const firstStart = ensureEnvFile(path.join(repoRoot, '.env.example'), envPath);
  if (firstStart) console.log(`Creato ${envPath} con segreti nuovi (non va mai committato).`);
  const settings = resolveSettings(loadEnv(envPath));

  console.log('Preparazione delle build (solo se le sorgenti sono cambiate)…');
  await buildStack(settings, (line) => console.log(`  ${line}`));
  keepDataPrivate(settings);
  console.log('Avvio dei servizi…');
  const stack = await startStack(settings);
  printSummary(settings, (performance.now() - startedAt) / 1000, firstStart);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: arresto dei servizi…`);
    await stack.stop();
    console.log('Tutti i servizi sono fermi.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

  const firstExit = await Promise.race(
    stack.services.map(async (service) => ({ service, code: await service.exited })),
  );
  if (!stopping) {
    console.error(
      `${firstExit.service.name} si è fermato (codice ${firstExit.code}); vedi ${firstExit.service.logFile}`,
    );
    await stack.stop();
    process.exit(1);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { StackSettings } from './settings.ts';

/** Folders 0700, files 0600: only the account that runs the platform reads its data. */
const restrict = (entry: string): void => {
  const stat = lstatSync(entry, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(entry, 0o700);
    for (const child of readdirSync(entry)) restrict(path.join(entry, child));
  } else if ((stat.mode & 0o777 & ~0o600) !== 0) {
    chmodSync(entry, 0o600);
  }
};

/**
 * Makes the data folder private (the SQLite database, uploads, the search index, e-mails and
 * logs, also the ones an earlier version left readable), and everything the launcher and its
 * services create from now on, through the process's umask, which children inherit.
 */
export const keepDataPrivate = (settings: StackSettings): void => {
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const outside = [settings.cms.publicDir, settings.env.DATABASE_FILENAME ?? ''].filter(
    (entry) => entry && existsSync(entry) && path.relative(settings.dataDir, entry).startsWith('..'),
  );
  for (const entry of [settings.dataDir, ...outside]) restrict(entry);
  process.umask(0o077);
};

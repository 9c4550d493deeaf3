import type { TableCounts } from './database.ts';
import type { FileEntry } from './uploads.ts';

export const MANIFEST_FORMAT = 'coop-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_DIR = 'database';
export const UPLOADS_DIR = 'uploads';

export type Manifest = {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  platformVersion: string;
  database: {
    client: 'sqlite' | 'postgres';
    /** Path inside the archive: a SQLite file, or a `pg_dump` custom-format archive. */
    file: string;
    bytes: number;
    sha256: string;
    tables: TableCounts;
    records: number;
  };
  uploads:
    | { provider: 'local'; files: FileEntry[]; count: number; bytes: number }
    | {
        provider: 'aws-s3';
        bucket: string;
        endpoint: string | null;
        /** Object keys the media library refers to; the objects themselves stay in the bucket. */
        objectKeys: string[];
        howToCopy: string;
      };
  /** Settings a restore needs and the archive never holds: they come from the secret store. */
  notIncluded: string[];
};

export const recordsOf = (tables: TableCounts): number => Object.values(tables).reduce((sum, count) => sum + count, 0);

/** The figures people read after a backup or a restore. */
export const summary = (manifest: Manifest, seconds: number): string => {
  const files = manifest.uploads.provider === 'local' ? manifest.uploads.count : manifest.uploads.objectKeys.length;
  const bytes = manifest.database.bytes + (manifest.uploads.provider === 'local' ? manifest.uploads.bytes : 0);
  return (
    `${manifest.database.records.toLocaleString('it-IT')} record in ${Object.keys(manifest.database.tables).length} tabelle, ` +
    `${files.toLocaleString('it-IT')} file${manifest.uploads.provider === 'aws-s3' ? ' (oggetti S3 elencati)' : ''}, ` +
    `${bytes.toLocaleString('it-IT')} byte, ${seconds.toLocaleString('it-IT', { maximumFractionDigits: 1 })} s`
  );
};

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsSettings } from '../src/settings';

const config = (): Core.Config.Database => {
  const { database } = cmsSettings();

  if (database.client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: database.url ?? undefined,
          host: database.host,
          port: database.port,
          database: database.name,
          user: database.username,
          password: database.password,
          ssl: database.ssl ? { rejectUnauthorized: true } : false,
          schema: database.schema,
        },
        pool: { min: database.poolMin, max: database.poolMax },
        acquireConnectionTimeout: database.connectionTimeoutMs,
      },
    };
  }

  mkdirSync(path.dirname(database.filename), { recursive: true, mode: 0o700 });
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: database.filename },
      useNullAsDefault: true,
    },
  };
};

export default config;

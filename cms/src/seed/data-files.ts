import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** Reads one of the JSON files the project ships in `cms/data/`. */
export const readDataFile = <T>(strapi: Core.Strapi, ...segments: string[]): T =>
  JSON.parse(readFileSync(path.join(strapi.dirs.app.root, 'data', ...segments), 'utf8')) as T;

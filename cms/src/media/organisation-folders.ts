import type { Core, UID } from '@strapi/strapi';
import { ORGANISATION } from '../access/content-types';
import { folderService } from '../strapi/services';

export const FILE = 'plugin::upload.file';
export const FOLDER = 'plugin::upload.folder';

type Folder = { id: number; path: string; name: string };

/**
 * Each organisation's files live in its own folder of the media library (at the root, named
 * after the organisation); the organisation records which folder is its own.
 */
export const ensureOrganisationFolder = async (strapi: Core.Strapi, organisation: string): Promise<Folder> => {
  const row = (await strapi.db.query(ORGANISATION).findOne({
    where: { documentId: organisation },
    select: ['id', 'name', 'mediaFolderId'],
  })) as { name: string; mediaFolderId: number | null } | null;
  if (!row) throw new Error(`Organisation ${organisation} not found`);
  if (row.mediaFolderId) {
    const folder = (await strapi.db
      .query(FOLDER)
      .findOne({ where: { id: row.mediaFolderId }, select: ['id', 'path', 'name'] })) as Folder | null;
    if (folder) return folder;
  }
  // Folder names are unique among siblings: a second organisation of the same name gets a suffix.
  const base = row.name.slice(0, 180);
  const taken = async (name: string): Promise<boolean> =>
    Boolean(await strapi.db.query(FOLDER).findOne({ where: { name, parent: { id: { $null: true } } } }));
  let name = base;
  for (let suffix = 2; await taken(name); suffix += 1) name = `${base} (${suffix})`;
  const folder = (await folderService(strapi).create({ name, parent: null })) as Folder;
  // Straight to the table: this bookkeeping is no edit of the anagrafica.
  await strapi.db.query(ORGANISATION).updateMany({
    where: { documentId: organisation },
    data: { mediaFolderId: folder.id },
  });
  return folder;
};

/** The folder paths of an organisation: its folder and every folder inside it. */
export const organisationFolderPaths = async (strapi: Core.Strapi, organisation: string): Promise<string[]> => {
  const root = await ensureOrganisationFolder(strapi, organisation);
  const inside = (await strapi.db.query(FOLDER).findMany({
    where: { path: { $startsWith: `${root.path}/` } },
    select: ['path'],
  })) as { path: string }[];
  return [root.path, ...inside.map((folder) => folder.path)];
};

type MediaScope = { rootId: number; rootPath: string; paths: string[] };

const perRequest = new WeakMap<object, Map<string, Promise<MediaScope>>>();

/** An organisation's folders, looked up once per request. */
export const mediaScopeOf = (strapi: Core.Strapi, organisation: string): Promise<MediaScope> => {
  const load = async (): Promise<MediaScope> => {
    const root = await ensureOrganisationFolder(strapi, organisation);
    return { rootId: root.id, rootPath: root.path, paths: await organisationFolderPaths(strapi, organisation) };
  };
  const request = strapi.requestContext.get() as object | undefined;
  if (!request) return load();
  const cache = perRequest.get(request) ?? new Map<string, Promise<MediaScope>>();
  perRequest.set(request, cache);
  const found = cache.get(organisation) ?? load();
  cache.set(organisation, found);
  return found;
};

export const isInScope = (scope: MediaScope, folderPath: string | null | undefined): boolean =>
  typeof folderPath === 'string' && scope.paths.includes(folderPath);

type Attribute = { type: string; component?: string; components?: string[]; multiple?: boolean };

const idOf = (ref: unknown): number | null => {
  const raw = typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref;
  const id = Number(raw);
  return raw !== null && raw !== undefined && raw !== '' && Number.isInteger(id) ? id : null;
};

/** The ids of every file a write's data points at, in media fields and inside components. */
export const mediaIdsIn = (strapi: Core.Strapi, uid: string, data: unknown): number[] => {
  if (!data || typeof data !== 'object') return [];
  const attributes = (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<string, Attribute>;
  const ids: number[] = [];
  for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
    const attribute = attributes[field];
    if (!attribute || value === null || value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    if (attribute.type === 'media') {
      ids.push(...list.map(idOf).filter((id): id is number => id !== null));
    } else if (attribute.type === 'component' && attribute.component) {
      for (const item of list) ids.push(...mediaIdsIn(strapi, attribute.component, item));
    } else if (attribute.type === 'dynamiczone') {
      for (const item of list) {
        const component = (item as { __component?: string }).__component;
        if (component) ids.push(...mediaIdsIn(strapi, component, item));
      }
    }
  }
  return [...new Set(ids)];
};

/** A populate that reaches every media field of a model, inside components too. */
export const mediaPopulate = (strapi: Core.Strapi, uid: string): Record<string, unknown> => {
  const attributes = (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<string, Attribute>;
  const populate: Record<string, unknown> = {};
  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'media') populate[field] = { fields: ['id'] };
    if (attribute.type === 'component' && attribute.component) {
      const inner = mediaPopulate(strapi, attribute.component);
      if (Object.keys(inner).length > 0) populate[field] = { populate: inner };
    }
  }
  return populate;
};

/** The files a stored document points at now, in every version (draft and published). */
export const storedMediaIds = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<number[]> => {
  const populate = mediaPopulate(strapi, uid);
  if (Object.keys(populate).length === 0) return [];
  const versions = (await strapi.db.query(uid).findMany({
    where: { documentId },
    populate,
  })) as Record<string, unknown>[];
  return [...new Set(versions.flatMap((version) => mediaIdsIn(strapi, uid, version)))];
};

/** Files not yet filed in any folder go into the folder of the organisation whose document uses them. */
export const fileUnderOrganisation = async (
  strapi: Core.Strapi,
  organisation: string,
  fileIds: number[],
): Promise<void> => {
  if (fileIds.length === 0) return;
  const unfiled = (await strapi.db.query(FILE).findMany({
    where: { id: { $in: fileIds }, $or: [{ folderPath: '/' }, { folderPath: { $null: true } }] },
    select: ['id'],
  })) as { id: number }[];
  if (unfiled.length === 0) return;
  const folder = await ensureOrganisationFolder(strapi, organisation);
  for (const { id } of unfiled) {
    await strapi.db.query(FILE).update({ where: { id }, data: { folder: folder.id, folderPath: folder.path } });
  }
};

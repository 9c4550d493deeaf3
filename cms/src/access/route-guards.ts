import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FILE, FOLDER, isInScope, mediaScopeOf } from '../media/organisation-folders';
import type { Actor } from './actor';
import { OWNER_FIELD } from './organisation-guard';
import { CONTENT_MODELS, REFERENCE_MODELS, type GuardName } from './admin-surface';

/** What a guard sees of the request: the route's parameters, the query and the parsed body. */
export type GuardRequest = {
  method: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  /** Names of the files a multipart request carries. */
  fileNames: string[];
  /** Replaces the query the controller will read. */
  setQuery: (query: Record<string, unknown>) => void;
};

type Guard = (strapi: Core.Strapi, actor: Actor, request: GuardRequest) => Promise<void> | void;

const forbidden = (message: string): never => {
  throw new errors.PolicyError(message);
};
// Another organisation's file or folder answers as a missing one: no oracle of what exists.
const notFound = (what: 'File' | 'Cartella'): never => {
  throw new errors.NotFoundError(`${what} non trovat${what === 'File' ? 'o' : 'a'}`);
};

const organisationOf = (actor: Actor): string | null =>
  actor.kind === 'organisation' ? actor.membership.organisation : null;

const ids = (value: unknown): number[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((id) => Number(id));

const scopeOf = (strapi: Core.Strapi, organisation: string) => mediaScopeOf(strapi, organisation);

const requireOwnFiles = async (strapi: Core.Strapi, organisation: string, fileIds: number[]): Promise<void> => {
  if (fileIds.length === 0) return;
  if (fileIds.some((id) => !Number.isInteger(id))) notFound('File');
  const scope = await scopeOf(strapi, organisation);
  const files = (await strapi.db
    .query(FILE)
    .findMany({ where: { id: { $in: fileIds } }, select: ['id', 'folderPath'] })) as {
    id: number;
    folderPath: string | null;
  }[];
  for (const id of fileIds) {
    if (!isInScope(scope, files.find((file) => file.id === id)?.folderPath)) notFound('File');
  }
};

/** Folders of the organisation; its own top folder may be listed and filled, never moved, renamed or deleted. */
const requireOwnFolders = async (
  strapi: Core.Strapi,
  organisation: string,
  folderIds: number[],
  options: { allowRoot: boolean },
): Promise<void> => {
  if (folderIds.length === 0) return;
  if (folderIds.some((id) => !Number.isInteger(id))) notFound('Cartella');
  const scope = await scopeOf(strapi, organisation);
  const folders = (await strapi.db
    .query(FOLDER)
    .findMany({ where: { id: { $in: folderIds } }, select: ['id', 'path'] })) as { id: number; path: string }[];
  for (const id of folderIds) {
    const folder = folders.find((found) => found.id === id);
    if (!folder || !isInScope(scope, folder.path)) notFound('Cartella');
    if (!options.allowRoot && folder?.id === scope.rootId) {
      forbidden('La cartella della vostra organizzazione non si sposta, non si rinomina e non si elimina');
    }
  }
};

/** A destination folder for new or moved files: the organisation's own, its folder when none is given. */
const destinationFolder = async (strapi: Core.Strapi, organisation: string, folder: unknown): Promise<number> => {
  const scope = await scopeOf(strapi, organisation);
  if (folder === undefined || folder === null || folder === '') return scope.rootId;
  await requireOwnFolders(strapi, organisation, [Number(folder)], { allowRoot: true });
  return Number(folder);
};

/** `fileInfo` arrives as JSON text (one, or one per file) in a multipart upload, or as an object. */
const parseFileInfo = (value: unknown): { list: Record<string, unknown>[]; asText: boolean; many: boolean } => {
  const many = Array.isArray(value);
  const items = many ? (value as unknown[]) : value === undefined ? [] : [value];
  const asText = items.some((item) => typeof item === 'string');
  const list = items.map((item) => {
    if (typeof item !== 'string') return (item ?? {}) as Record<string, unknown>;
    try {
      return JSON.parse(item) as Record<string, unknown>;
    } catch {
      throw new errors.ValidationError('fileInfo: descrizione del file non valida');
    }
  });
  return { list, asText, many };
};

const GUARDS: Record<GuardName, Guard> = {
  contentModel(_strapi, actor, { method, params }) {
    if (actor.kind !== 'organisation' && actor.kind !== 'curator')
      return forbidden('Tipo di contenuto non disponibile');
    const models = CONTENT_MODELS[actor.role];
    const readable = method === 'GET' ? [...models, ...REFERENCE_MODELS] : models;
    if (!readable.includes(params.model ?? '')) forbidden('Tipo di contenuto non disponibile per il vostro ruolo');
  },

  async documentOfModel(strapi, actor, { params, query }) {
    if (actor.kind !== 'organisation' && actor.kind !== 'curator') return forbidden('Documento non disponibile');
    const model = params.contentType ?? params.model ?? '';
    if (!CONTENT_MODELS[actor.role].includes(model)) forbidden('Tipo di contenuto non disponibile per il vostro ruolo');
    const documentId = params.documentId ?? (typeof query.documentId === 'string' ? query.documentId : undefined);
    if (!documentId || actor.kind !== 'organisation') return;
    const own = actor.membership.organisation;
    const field = OWNER_FIELD[model];
    const owners = field
      ? (
          (await strapi.db.query(model as UID.ContentType).findMany({
            where: { documentId },
            populate: { [field]: { select: ['documentId'] } },
          })) as Record<string, { documentId?: string } | null>[]
        ).map((row) => row[field]?.documentId)
      : [documentId];
    if (owners.length === 0 || owners.some((owner) => owner !== own)) {
      throw new errors.NotFoundError('Documento non trovato');
    }
  },

  relations(strapi, actor, { params }) {
    if (actor.kind !== 'organisation' && actor.kind !== 'curator') return forbidden('Relazione non disponibile');
    const models = CONTENT_MODELS[actor.role];
    // Components hold no relations here; a component's id would skip the document checks.
    if (!models.includes(params.model ?? '')) forbidden('Relazione non disponibile per il vostro ruolo');
    const attribute = strapi.getModel(params.model as UID.Schema)?.attributes[params.targetField ?? ''] as
      { type: string; target?: string } | undefined;
    const target = attribute?.type === 'relation' ? (attribute.target ?? '') : '';
    if (!models.includes(target) && !REFERENCE_MODELS.includes(target)) {
      forbidden('Relazione non disponibile per il vostro ruolo');
    }
  },

  async upload(strapi, actor, { query, body, fileNames }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    // `POST /upload?id=` replaces or describes an existing file.
    if (query.id !== undefined) await requireOwnFiles(strapi, organisation, ids(query.id));
    const given = body.fileInfo !== undefined;
    const parsed = parseFileInfo(body.fileInfo);
    // Without a description, each file gets one naming it, so Strapi can pair them.
    const list: Record<string, unknown>[] = given ? parsed.list : fileNames.map((name) => ({ name }));
    if (list.length === 0) list.push({});
    for (const info of list) info.folder = await destinationFolder(strapi, organisation, info.folder);
    const encoded = list.map((info) => (parsed.asText || !given ? JSON.stringify(info) : info));
    body.fileInfo = (given ? parsed.many : fileNames.length > 1) ? encoded : encoded[0];
  },

  async fileById(strapi, actor, { params }) {
    const organisation = organisationOf(actor);
    if (organisation) await requireOwnFiles(strapi, organisation, ids(params.id));
  },

  async fileUpdate(strapi, actor, { params, body }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    await requireOwnFiles(strapi, organisation, ids(params.id));
    const { list, asText, many } = parseFileInfo(body.fileInfo);
    for (const info of list) {
      if ('folder' in info) info.folder = await destinationFolder(strapi, organisation, info.folder);
    }
    if (list.length > 0) {
      const encoded = list.map((info) => (asText ? JSON.stringify(info) : info));
      body.fileInfo = many ? encoded : encoded[0];
    }
  },

  async folderList(strapi, actor, { query, setQuery }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    const scope = await scopeOf(strapi, organisation);
    const filters = (query.filters ?? {}) as Record<string, unknown>;
    setQuery({ ...query, filters: { $and: [filters, { path: { $in: scope.paths } }] } });
  },

  async folderById(strapi, actor, { params }) {
    const organisation = organisationOf(actor);
    if (organisation) await requireOwnFolders(strapi, organisation, ids(params.id), { allowRoot: true });
  },

  async folderCreate(strapi, actor, { body }) {
    const organisation = organisationOf(actor);
    if (organisation) body.parent = await destinationFolder(strapi, organisation, body.parent);
  },

  async folderUpdate(strapi, actor, { params, body }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    await requireOwnFolders(strapi, organisation, ids(params.id), { allowRoot: false });
    if ('parent' in body) body.parent = await destinationFolder(strapi, organisation, body.parent);
  },

  async bulkFiles(strapi, actor, { body }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    await requireOwnFiles(strapi, organisation, ids(body.fileIds));
    await requireOwnFolders(strapi, organisation, ids(body.folderIds), { allowRoot: false });
    if ('destinationFolderId' in body) {
      body.destinationFolderId = await destinationFolder(strapi, organisation, body.destinationFolderId);
    }
  },

  async bulkUpdate(strapi, actor, { body }) {
    const organisation = organisationOf(actor);
    if (!organisation) return;
    const updates = Array.isArray(body.updates) ? (body.updates as { id?: unknown; fileInfo?: unknown }[]) : [];
    await requireOwnFiles(
      strapi,
      organisation,
      updates.map((update) => Number(update.id)),
    );
    for (const update of updates) {
      const info = (update.fileInfo ?? {}) as Record<string, unknown>;
      if ('folder' in info) info.folder = await destinationFolder(strapi, organisation, info.folder);
    }
  },
};

export const runGuard = async (
  name: GuardName,
  strapi: Core.Strapi,
  actor: Actor,
  request: GuardRequest,
): Promise<void> => {
  // Awaited here so that a guard refusing synchronously still rejects the returned promise.
  await GUARDS[name](strapi, actor, request);
};

import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldLabel } from '../admin-config/labels';
import { currentIds, namedDocumentIds, resolveRelation, type RelationAttribute } from '../documents/relations';
import { isInScope, mediaIdsIn, mediaScopeOf, storedMediaIds, FILE } from '../media/organisation-folders';
import { actorOf } from './actor';
import { CONSORTIUM_SERVICE, ORGANISATION, ORGANISATION_USER, PRACTICE_CARD, SOCIAL_REPORT } from './content-types';
import type { Membership } from './organisation-user';
import { adminUserOfRequest } from './request-user';

/** Where each scoped content type says which organisation a document belongs to. */
export const OWNER_FIELD: Record<string, string> = {
  [PRACTICE_CARD]: 'organisation',
  [SOCIAL_REPORT]: 'organisation',
  [CONSORTIUM_SERVICE]: 'consortium',
  [ORGANISATION_USER]: 'organisation',
};

/**
 * The relations an organisation's account may write, besides the owner: pointers to reference
 * data, and a consortium service's member (checked to be a member of the consortium). Any other
 * relation (a card list, members, accounts) is the network's to change.
 */
const WRITABLE_RELATIONS: Record<string, string[]> = {
  [PRACTICE_CARD]: ['innovationArea', 'intentPartners', 'economicPartners', 'fundingSources', 'province'],
  [SOCIAL_REPORT]: [],
  [CONSORTIUM_SERVICE]: ['memberOrganisation', 'province', 'serviceArea'],
  [ORGANISATION]: ['province'],
  [ORGANISATION_USER]: ['adminUser'],
};

type Params = { documentId?: string; data?: Record<string, unknown> };
type Attribute = RelationAttribute & { type: string };

// PolicyError: the one kind of 403 whose message Strapi passes on to the user.
const refuse = (message = 'Potete lavorare solo sui dati della vostra organizzazione'): never => {
  throw new errors.PolicyError(message);
};

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> =>
  strapi.getModel(uid as UID.Schema).attributes;

const storedOwner = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<string[] | null> => {
  const field = OWNER_FIELD[uid] as string;
  // Every version: a published card and its draft belong to the same organisation, but check both.
  const versions = (await strapi.db.query(uid).findMany({
    where: { documentId },
    select: ['id'],
    populate: { [field]: { select: ['documentId'] } },
  })) as Record<string, unknown>[];
  if (versions.length === 0) return null;
  return [...new Set(versions.flatMap((version) => currentIds(version[field])))];
};

const isEmptyOperation = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((inner) => Array.isArray(inner) && inner.length === 0);

/** Relations the write names that an organisation's account may not write. */
const checkRelations = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>): void => {
  const attributes = attributesOf(strapi, uid);
  // Strapi itself sets who created and last changed a document.
  const writable = new Set([OWNER_FIELD[uid], 'createdBy', 'updatedBy', ...(WRITABLE_RELATIONS[uid] ?? [])]);
  for (const [field, value] of Object.entries(data)) {
    if (attributes[field]?.type !== 'relation' || writable.has(field) || isEmptyOperation(value)) continue;
    refuse(`${fieldLabel(uid, field)}: lo modifica lo staff di rete`);
  }
};

/** Files newly attached by the write must be in the organisation's own folders. */
const checkMedia = async (
  strapi: Core.Strapi,
  uid: string,
  membership: Membership,
  data: Record<string, unknown>,
  alreadyAttached: number[],
): Promise<void> => {
  const attached = new Set(alreadyAttached);
  for (const [field, value] of Object.entries(data)) {
    const added = mediaIdsIn(strapi, uid, { [field]: value }).filter((id) => !attached.has(id));
    if (added.length === 0) continue;
    const scope = await mediaScopeOf(strapi, membership.organisation);
    const files = (await strapi.db.query(FILE).findMany({
      where: { id: { $in: added } },
      select: ['id', 'folderPath'],
    })) as { id: number; folderPath: string | null }[];
    const foreign = added.filter((id) => !isInScope(scope, files.find((file) => file.id === id)?.folderPath));
    if (foreign.length > 0) {
      refuse(`${fieldLabel(uid, field)}: si allegano solo file caricati nella cartella della vostra organizzazione`);
    }
  }
};

const guardOrganisationAccount = async (
  strapi: Core.Strapi,
  uid: string,
  action: string,
  params: Params,
  membership: Membership,
): Promise<void> => {
  const own = membership.organisation;
  const data = params.data ?? {};
  if (uid === ORGANISATION) {
    if (action !== 'update' || params.documentId !== own) refuse();
    checkRelations(strapi, uid, data);
    await checkMedia(strapi, uid, membership, data, await storedMediaIds(strapi, uid, own));
    return;
  }
  const field = OWNER_FIELD[uid] as string;
  if (action === 'publish' || action === 'unpublish') refuse();
  let current: string[] = [];
  if (action !== 'create') {
    const owner = params.documentId ? await storedOwner(strapi, uid, params.documentId) : null;
    if (!owner) throw new errors.NotFoundError('Documento non trovato');
    if (owner.length !== 1 || owner[0] !== own) refuse();
    current = owner;
  }
  if (action !== 'create' && action !== 'update' && action !== 'clone') return;

  checkRelations(strapi, uid, data);
  if (action === 'clone') {
    // A copy belongs to the organisation that makes it, whatever the request says.
    params.data = { ...data, [field]: own };
  } else {
    const attribute = attributesOf(strapi, uid)[field] as Attribute;
    const resolved = await resolveRelation(strapi, attribute, data[field], current);
    if (resolved.length === 0 && action === 'create') params.data = { ...data, [field]: own };
    else if (resolved.length !== 1 || resolved[0] !== own) refuse();
  }
  const attached = params.documentId ? await storedMediaIds(strapi, uid, params.documentId) : [];
  await checkMedia(strapi, uid, membership, data, attached);
};

/** Curators (and accounts without a platform role) never move a document to another organisation. */
const guardOwnerUnchanged = async (strapi: Core.Strapi, uid: string, action: string, params: Params) => {
  const field = OWNER_FIELD[uid];
  if (!field || !params.data || !(field in params.data) || isEmptyOperation(params.data[field])) return;
  if (action === 'create') refuse('Organizzazione: la sceglie lo staff di rete');
  if (action !== 'update' && action !== 'clone') return;
  const current = params.documentId ? ((await storedOwner(strapi, uid, params.documentId)) ?? []) : [];
  const attribute = attributesOf(strapi, uid)[field] as Attribute;
  const named = await namedDocumentIds(strapi, attribute, params.data[field]);
  const resolved = await resolveRelation(strapi, attribute, params.data[field], current);
  if (named.some((documentId) => !current.includes(documentId)) || resolved.join() !== current.join()) {
    refuse('Organizzazione: la cambia solo lo staff di rete');
  }
};

const SCOPED = new Set([...Object.keys(OWNER_FIELD), ORGANISATION]);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Isolation on every write, beneath the admin's permissions and whatever route it came from: an
 * organisation's account writes, copies and deletes only documents of its own organisation,
 * cannot move one to another organisation, and attaches only its own organisation's files.
 */
export const organisationGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SCOPED.has(context.uid) || !WRITES.has(context.action)) return next();
    const user = adminUserOfRequest(strapi);
    if (!user) return next();
    const actor = await actorOf(strapi, user);
    const params = context.params as Params;
    if (actor.kind === 'organisation') {
      await guardOrganisationAccount(strapi, context.uid, context.action, params, actor.membership);
    } else if (actor.kind !== 'staff') {
      await guardOwnerUnchanged(strapi, context.uid, context.action, params);
    }
    return next();
  };

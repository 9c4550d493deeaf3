import type { Core } from '@strapi/strapi';
import { actorOf } from '../../access/actor';
import type { RequestAdminUser } from '../../access/request-user';
import { mediaScopeOf } from '../../media/organisation-folders';

type FolderNode = { id: number; name: string; children: FolderNode[] };
type Context = { state: { user?: RequestAdminUser }; body?: { data?: FolderNode[] } };
type UploadPlugin = { controllers: Record<string, Record<string, (ctx: Context) => Promise<void>>> };

const findNode = (nodes: FolderNode[], id: number): FolderNode | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = findNode(node.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
};

/**
 * The media library's folder tree (used to pick a folder when moving or uploading) lists every
 * folder; an organisation's account gets only its organisation's folder and what it holds.
 */
export default (plugin: UploadPlugin): UploadPlugin => {
  const folders = plugin.controllers['admin-folder'];
  const getStructure = folders?.getStructure;
  if (!folders || !getStructure) throw new Error('upload plugin: admin-folder.getStructure not found');
  folders.getStructure = async (ctx) => {
    await getStructure(ctx);
    const user = ctx.state.user;
    const app = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
    if (!user || !ctx.body?.data) return;
    const actor = await actorOf(app, user);
    if (actor.kind !== 'organisation') return;
    const scope = await mediaScopeOf(app, actor.membership.organisation);
    const own = findNode(ctx.body.data, scope.rootId);
    ctx.body = { data: own ? [own] : [] };
  };
  return plugin;
};

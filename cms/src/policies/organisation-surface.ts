import type { Core } from '@strapi/strapi';
import { surfacePolicy } from '../access/surface-policy';

/** Every admin route, first: the reviewed surface table (`access/admin-surface.ts`). */
export default (
  policyContext: Parameters<typeof surfacePolicy>[0],
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
) => surfacePolicy(policyContext, strapi);

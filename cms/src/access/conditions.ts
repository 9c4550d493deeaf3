import type { Core } from '@strapi/strapi';
import { mediaScopeOf } from '../media/organisation-folders';
import { membershipOf } from './organisation-user';

/** RBAC condition ids, as Strapi names conditions registered outside a plugin. */
export const CONDITIONS = {
  ownOrganisation: 'api::own-organisation',
  sameOrganisation: 'api::same-organisation',
  ownConsortium: 'api::own-consortium',
  ownOrganisationFiles: 'api::own-organisation-files',
} as const;

type User = { id: number };

/**
 * "Same organisation as the user": each condition narrows a permission to the documents of the
 * user's own organisation (and denies everything to an account that has none).
 */
export const registerConditions = async (strapi: Core.Strapi): Promise<void> => {
  const scoped = (query: (organisation: string) => Record<string, unknown>) => async (user: User) => {
    const membership = await membershipOf(strapi, user.id);
    return membership ? query(membership.organisation) : false;
  };
  const permissions = strapi.service('admin::permission') as unknown as {
    conditionProvider: { registerMany: (conditions: unknown[]) => Promise<unknown> };
  };
  await permissions.conditionProvider.registerMany([
    {
      displayName: 'È la propria organizzazione',
      name: 'own-organisation',
      category: 'organizzazione',
      handler: scoped((organisation) => ({ documentId: organisation })),
    },
    {
      displayName: "Della stessa organizzazione dell'utente",
      name: 'same-organisation',
      category: 'organizzazione',
      handler: scoped((organisation) => ({ 'organisation.documentId': organisation })),
    },
    {
      displayName: "Del consorzio dell'utente",
      name: 'own-consortium',
      category: 'organizzazione',
      handler: scoped((organisation) => ({ 'consortium.documentId': organisation })),
    },
    {
      displayName: "Nella cartella dell'organizzazione dell'utente",
      name: 'own-organisation-files',
      category: 'organizzazione',
      // Conditions are matched in memory with a few operators only: the folder paths are listed.
      handler: async (user: User) => {
        const membership = await membershipOf(strapi, user.id);
        if (!membership) return false;
        return { folderPath: { $in: (await mediaScopeOf(strapi, membership.organisation)).paths } };
      },
    },
  ]);
};

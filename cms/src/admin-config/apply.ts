import type { Core } from '@strapi/strapi';
import { COMPONENT_VIEWS } from './component-labels';
import { CONTENT_TYPE_VIEWS, type AdminView } from './content-labels';

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown };
};

/** The content manager's services that store a content type's or a component's admin view. */
type ConfigurationService<Find extends string> = Record<Find, (uid: string) => unknown> & {
  findConfiguration(schema: unknown): Promise<unknown>;
  updateConfiguration(schema: unknown, configuration: Configuration): Promise<unknown>;
};

const TIMESTAMPS: AdminView['fields'] = {
  createdAt: { label: 'Creazione' },
  updatedAt: { label: 'Ultima modifica' },
  publishedAt: { label: 'Pubblicazione' },
};

const withView = (configuration: Configuration, view: AdminView): Configuration => {
  const metadatas = { ...configuration.metadatas };
  for (const [field, { label, description, placeholder, editable }] of Object.entries({
    ...TIMESTAMPS,
    ...view.fields,
  })) {
    const current = metadatas[field];
    if (!current) continue;
    metadatas[field] = {
      edit: {
        ...current.edit,
        label,
        ...(description !== undefined ? { description } : {}),
        ...(placeholder !== undefined ? { placeholder } : {}),
        ...(editable !== undefined ? { editable } : {}),
      },
      list: { ...current.list, label },
    };
  }
  return {
    ...configuration,
    settings: {
      ...configuration.settings,
      ...(view.mainField ? { mainField: view.mainField } : {}),
      ...(view.defaultSortBy ? { defaultSortBy: view.defaultSortBy } : {}),
      ...(view.defaultSortOrder ? { defaultSortOrder: view.defaultSortOrder } : {}),
    },
    metadatas,
    layouts: {
      ...configuration.layouts,
      ...(view.listFields ? { list: view.listFields } : {}),
      ...(view.editRows ? { edit: view.editRows.map((row) => row.map(([name, size]) => ({ name, size }))) } : {}),
    },
  };
};

/** Gives the admin its Italian labels, hints and list columns; the code is their source of truth. */
export const applyAdminViews = async (strapi: Core.Strapi): Promise<void> => {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service<ConfigurationService<'findContentType'>>('content-types');
  const components = contentManager.service<ConfigurationService<'findComponent'>>('components');

  for (const [uid, view] of Object.entries(CONTENT_TYPE_VIEWS)) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) throw new Error(`Admin view for an unknown content type: ${uid}`);
    const configuration = (await contentTypes.findConfiguration(contentType)) as Configuration;
    await contentTypes.updateConfiguration(contentType, withView(configuration, view));
  }
  for (const [uid, view] of Object.entries(COMPONENT_VIEWS)) {
    const component = components.findComponent(uid);
    if (!component) throw new Error(`Admin view for an unknown component: ${uid}`);
    const configuration = (await components.findConfiguration(component)) as Configuration;
    await components.updateConfiguration(component, withView(configuration, view));
  }
};

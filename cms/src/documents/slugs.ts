import type { Core, Modules } from '@strapi/strapi';
import { uidService } from '../strapi/services';

type Attribute = { type: string; targetField?: string };

/**
 * Fills a missing slug from its target field when a document is created, as the admin does, so
 * that documents created through REST or code get one too. Existing slugs never change.
 */
export const slugMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!context.uid.startsWith('api::') || context.action !== 'create') return next();
    const params = context.params as { data?: Record<string, unknown>; locale?: string };
    const data = (params.data ??= {});
    const attributes = context.contentType.attributes as Record<string, Attribute>;
    for (const [field, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'uid' || !attribute.targetField || data[field]) continue;
      if (!data[attribute.targetField]) continue;
      data[field] = await uidService(strapi).generateUIDField({
        contentTypeUID: context.uid,
        field,
        data,
        locale: params.locale,
      });
    }
    return next();
  };

import type { Core, Modules, UID } from '@strapi/strapi';
import { fieldLabel } from '../admin-config/labels';
import type { FieldError } from '../domain/field-error';
import { isToOne, namedCount, type RelationAttribute } from './relations';
import { refuseIfAny } from './validation-error';

type Attribute = RelationAttribute & { component?: string; repeatable?: boolean };

const WRITES = new Set(['create', 'update', 'clone']);

const arityErrors = (strapi: Core.Strapi, uid: string, data: unknown, path: (string | number)[]): FieldError[] => {
  if (!data || typeof data !== 'object') return [];
  const attributes = (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<string, Attribute>;
  return Object.entries(data as Record<string, unknown>).flatMap(([field, value]): FieldError[] => {
    const attribute = attributes[field];
    if (!attribute) return [];
    if (attribute.type === 'component' && attribute.component) {
      const items = attribute.repeatable && Array.isArray(value) ? value : [value];
      return items.flatMap((item, index) =>
        arityErrors(strapi, attribute.component as string, item, [
          ...path,
          field,
          ...(attribute.repeatable ? [index] : []),
        ]),
      );
    }
    if (attribute.type !== 'relation' || !isToOne(attribute)) return [];
    const count = namedCount(value);
    if (count <= 1) return [];
    return [
      {
        path: [...path, field],
        message: `${fieldLabel(uid, field)}: si indica un solo valore (ne sono stati indicati ${count})`,
      },
    ];
  });
};

/**
 * A relation that holds one document takes one value: a write that names two (two innovation
 * areas, two owners) is refused for everyone, instead of Strapi keeping one of them (or, for a
 * `connect` of two, storing both).
 */
export const relationArityMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid.startsWith('api::') && WRITES.has(context.action)) {
      refuseIfAny(arityErrors(strapi, context.uid, (context.params as { data?: unknown }).data, []));
    }
    return next();
  };

import type { Core, Modules } from '@strapi/strapi';
import { fieldLabel as label } from '../admin-config/labels';
import { isValidEmail } from '../domain/contact-formats';
import type { FieldError } from '../domain/field-error';
import { refuseIfAny } from './validation-error';

type Attribute = {
  type: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  regex?: string;
  enum?: string[];
  component?: string;
  repeatable?: boolean;
};
type Model = { uid: string; attributes: Record<string, Attribute> };

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

const formatNumber = (value: number): string => new Intl.NumberFormat('it-IT').format(value);

/**
 * The constraints the schemas declare (lengths, ranges, formats, choices, required fields),
 * checked before Strapi's own validator so that every refusal names the field in Italian.
 */
export const checkAgainstModel = (
  strapi: Core.Strapi,
  model: Model,
  data: Record<string, unknown>,
  options: {
    /** Check required fields even when they are absent: the document is being created or published. */
    requireAll: boolean;
    /** A draft of a draft-and-publish type may leave required fields empty until it is published. */
    draft?: boolean;
    path?: (string | number)[];
    /** Labels of the enclosing fields, so that a nested field reads "Referente del progetto › E-mail". */
    labels?: string[];
  },
): FieldError[] => {
  const errors: FieldError[] = [];
  const basePath = options.path ?? [];
  const add = (field: string, message: string): void => {
    errors.push({
      path: [...basePath, field],
      message: `${[...(options.labels ?? []), label(model.uid, field)].join(' › ')}: ${message}`,
    });
  };

  for (const [field, attribute] of Object.entries(model.attributes)) {
    const present = field in data;
    const value = data[field];
    if (!present && !options.requireAll) continue;

    // Relations and media are checked by each type's own rules, which know what they point at.
    const checksRequired = !options.draft && !['relation', 'media', 'boolean'].includes(attribute.type);
    if (attribute.required && isEmpty(value) && checksRequired) {
      if (options.requireAll || present) add(field, 'campo obbligatorio');
      continue;
    }
    if (isEmpty(value)) continue;

    switch (attribute.type) {
      case 'string':
      case 'text':
      case 'email':
      case 'uid': {
        if (typeof value !== 'string') {
          add(field, 'deve essere un testo');
          break;
        }
        if (attribute.maxLength !== undefined && value.length > attribute.maxLength) {
          add(field, `massimo ${attribute.maxLength} caratteri (ora sono ${value.length})`);
        }
        if (attribute.minLength !== undefined && value.length < attribute.minLength) {
          add(field, `almeno ${attribute.minLength} caratteri`);
        }
        if (attribute.type === 'email' && !isValidEmail(value)) add(field, 'indirizzo e-mail non valido');
        if (attribute.regex && !new RegExp(attribute.regex).test(value)) add(field, 'formato non valido');
        break;
      }
      case 'enumeration':
        if (!attribute.enum?.includes(value as string)) {
          add(field, `scegliere uno tra: ${attribute.enum?.join(', ')}`);
        }
        break;
      case 'integer':
      case 'decimal':
      case 'float':
      case 'biginteger': {
        const number = Number(value);
        if (!Number.isFinite(number) || (attribute.type === 'integer' && !Number.isInteger(number))) {
          add(field, attribute.type === 'integer' ? 'deve essere un numero intero' : 'deve essere un numero');
          break;
        }
        if (attribute.min !== undefined && number < attribute.min) add(field, `minimo ${formatNumber(attribute.min)}`);
        if (attribute.max !== undefined && number > attribute.max) add(field, `massimo ${formatNumber(attribute.max)}`);
        break;
      }
      case 'component': {
        const component = strapi.components[attribute.component as keyof typeof strapi.components] as unknown as Model;
        const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : [value];
        if (attribute.repeatable && attribute.max !== undefined && items.length > attribute.max) {
          add(field, `al massimo ${attribute.max} elementi (ora sono ${items.length})`);
        }
        items.forEach((item, index) => {
          if (typeof item !== 'object' || item === null) return;
          errors.push(
            ...checkAgainstModel(strapi, component, item as Record<string, unknown>, {
              requireAll: options.requireAll || !('id' in item),
              draft: options.draft ?? false,
              path: [...basePath, field, ...(attribute.repeatable ? [index] : [])],
              labels: [
                ...(options.labels ?? []),
                `${label(model.uid, field)}${attribute.repeatable ? ` ${index + 1}` : ''}`,
              ],
            }),
          );
        });
        break;
      }
      default:
        break;
    }
  }
  return errors;
};

const OWN_CONTENT = /^api::/;

/**
 * Every write to the platform's own content types: required fields when a document is created
 * (or, for draft-and-publish types, published), and every declared constraint on what is written.
 */
export const schemaConstraintsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!OWN_CONTENT.test(context.uid)) return next();
    const model = context.contentType as unknown as Model & { options?: { draftAndPublish?: boolean } };
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    const hasDrafts = model.options?.draftAndPublish === true;

    if (context.action === 'create' || context.action === 'update' || context.action === 'clone') {
      refuseIfAny(
        checkAgainstModel(strapi, model, params.data ?? {}, {
          requireAll: context.action === 'create' && !hasDrafts,
          draft: hasDrafts,
        }),
      );
    } else if (context.action === 'publish' && params.documentId) {
      const draft = await strapi.documents(context.uid).findOne({
        documentId: params.documentId,
        status: 'draft',
        populate: '*',
      } as never);
      if (draft) refuseIfAny(checkAgainstModel(strapi, model, draft, { requireAll: true }));
    }
    return next();
  };

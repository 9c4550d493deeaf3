import type { Core, Modules } from '@strapi/strapi';
import { ORGANISATION, PRACTICE_CARD, SOCIAL_REPORT } from '../access/content-types';
import { CARD_STAGES, REPORT_STAGES } from '../domain/workflow';
import { uidService } from '../strapi/services';

/**
 * What a copy never takes from its source: the workflow's record of it. A copy starts at the first
 * stage, with no approval, deposit or confirmation; its history starts empty (events are kept
 * apart, by document id).
 */
export const RESET_ON_COPY: Record<string, Record<string, unknown>> = {
  [PRACTICE_CARD]: { stage: CARD_STAGES[0] },
  [SOCIAL_REPORT]: { stage: REPORT_STAGES[0], approvalDate: null, depositDate: null },
  [ORGANISATION]: { platformStatus: 'In attesa', anagraficaConfirmedAt: null, mediaFolderId: null },
};

type Attribute = { type: string; targetField?: string };

/** Copies (Content Manager's clone and auto-clone) start over in the workflow, with a new address. */
export const copiesMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.action !== 'clone' || !context.uid.startsWith('api::')) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown>; locale?: string };
    const reset = RESET_ON_COPY[context.uid] ?? {};
    const attributes = context.contentType.attributes as Record<string, Attribute>;
    const data: Record<string, unknown> = { ...params.data };
    for (const [field, value] of Object.entries(reset)) if (field in attributes) data[field] = value;

    const uidFields = Object.entries(attributes).filter(
      ([field, attribute]) => attribute.type === 'uid' && !data[field],
    );
    if (uidFields.length > 0 && params.documentId) {
      const source = (await strapi.db.query(context.uid).findOne({
        where: { documentId: params.documentId },
      })) as Record<string, unknown> | null;
      for (const [field, attribute] of uidFields) {
        const target = attribute.targetField;
        data[field] = await uidService(strapi).generateUIDField({
          contentTypeUID: context.uid,
          field,
          data: { ...source, ...data, ...(target ? { [target]: data[target] ?? source?.[target] } : {}) },
          locale: params.locale,
        });
      }
    }
    params.data = data;
    return next();
  };

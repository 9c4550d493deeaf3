import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOCIAL_REPORT } from '../access/content-types';
import { isWorkflowWrite } from '../workflow/context';

/**
 * Fields of a social report that only its workflow writes: the approval, the deposit, the control
 * body's attestation and the record of texts carried over from last year. Anything else that
 * sends them (the edit form sends the read-only ones back as they are) may not change them.
 */
const MANAGED: Record<string, string> = {
  approvalDate:
    'Data di approvazione: si registra con «Registra l’approvazione dell’assemblea» nel riquadro «Flusso redazionale»',
  depositDate: 'Data di deposito: si registra con «Registra il deposito» nel riquadro «Flusso redazionale»',
  depositProtocol: 'Numero di protocollo: si registra con «Registra il deposito» nel riquadro «Flusso redazionale»',
  controlAttestation: 'Attestazione dell’organo di controllo: si allega dal riquadro «Completezza (linee guida)»',
  carriedOver: 'Testi da aggiornare: si confermano dal riquadro «Completezza (linee guida)» o modificando il testo',
};

/** A value as stored and as sent compare equal: components without their ids, files by id, dates as days. */
const normalised = (value: unknown): unknown => {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(normalised);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('mime' in record && 'id' in record) return record.id;
    return Object.fromEntries(
      Object.entries(record)
        .filter(([key]) => key !== 'id' && key !== '__temp_key__')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, normalised(inner)]),
    );
  }
  return value;
};

export const managedFieldsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== SOCIAL_REPORT || isWorkflowWrite()) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const sent = Object.keys(MANAGED).filter((field) => params.data && field in params.data);
    if (sent.length === 0) return next();

    const stored = params.documentId
      ? ((await strapi.documents(SOCIAL_REPORT).findOne({
          documentId: params.documentId,
          fields: ['approvalDate', 'depositDate', 'depositProtocol', 'carriedOver'],
          populate: { controlAttestation: { populate: { file: { fields: ['id', 'mime'] } } } },
        } as never)) as Record<string, unknown> | null)
      : null;
    for (const field of sent) {
      const value = params.data?.[field];
      if (JSON.stringify(normalised(value)) !== JSON.stringify(normalised(stored?.[field] ?? null))) {
        throw new errors.ValidationError(MANAGED[field] ?? field);
      }
      delete params.data?.[field];
    }
    return next();
  };

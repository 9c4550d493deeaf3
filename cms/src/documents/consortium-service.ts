import { isConsortium, type OrganisationType } from '@coop/vocabulary/organisation-types';
import type { Core } from '@strapi/strapi';
import type { FieldError } from '../domain/field-error';
import { refuseIfAny } from './validation-error';
import { validateWrites, type WriteParams } from './validate-writes';
import { fetchTargets, pendingDocument } from './write-context';

const UID = 'api::consortium-service.consortium-service';
const ORGANISATION_UID = 'api::organisation.organisation';

const checkConsortiumService = async (strapi: Core.Strapi, params: WriteParams): Promise<void> => {
  const pending = await pendingDocument(strapi, UID, params, {
    consortium: { fields: ['documentId'] },
    memberOrganisation: { fields: ['documentId'] },
    province: { fields: ['documentId'] },
    serviceArea: { fields: ['documentId'] },
  });
  const [[consortiumId], [memberId], [provinceId], [serviceAreaId]] = await Promise.all([
    pending.relation('consortium'),
    pending.relation('memberOrganisation'),
    pending.relation('province'),
    pending.relation('serviceArea'),
  ]);
  const errors: FieldError[] = [];
  if (!provinceId) errors.push({ path: ['province'], message: 'Provincia: campo obbligatorio' });
  if (!serviceAreaId) errors.push({ path: ['serviceArea'], message: 'Area di servizio: campo obbligatorio' });

  const [consortium] = await fetchTargets<{ organisationType: OrganisationType }>(
    strapi,
    ORGANISATION_UID,
    consortiumId ? [consortiumId] : [],
    ['organisationType'],
  );
  if (!consortium || !isConsortium(consortium.organisationType)) {
    errors.push({ path: ['consortium'], message: 'Consorzio: scegliere un consorzio' });
  } else if (memberId) {
    const member = await strapi.documents(ORGANISATION_UID).findOne({
      documentId: consortium.documentId,
      fields: ['documentId'],
      populate: { members: { fields: ['documentId'], filters: { documentId: memberId } } },
    } as never);
    if (((member as { members?: unknown[] } | null)?.members ?? []).length === 0) {
      errors.push({
        path: ['memberOrganisation'],
        message: 'Associata: non è tra le organizzazioni associate al consorzio',
      });
    }
  }
  refuseIfAny(errors);
};

/** Consortium services: a consortium's (or its member's) service in a province and a service area. */
export const consortiumServiceMiddleware = validateWrites(UID, checkConsortiumService);

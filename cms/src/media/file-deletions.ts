import type { Core } from '@strapi/strapi';
import { ORGANISATION, WORKFLOW_EVENT } from '../access/content-types';
import { asWorkflow } from '../workflow/context';
import { deletionActor } from '../documents/deletion';
import { FILE } from './organisation-folders';

type DeletedFile = { id: number; name?: string; folderPath?: string | null };

/** The organisation whose folder held a file, if any. */
const organisationOfPath = async (
  strapi: Core.Strapi,
  folderPath: string | null | undefined,
): Promise<string | null> => {
  const top = /^\/\d+/.exec(folderPath ?? '')?.[0];
  if (!top) return null;
  const folder = (await strapi.db.query('plugin::upload.folder').findOne({ where: { path: top }, select: ['id'] })) as {
    id: number;
  } | null;
  if (!folder) return null;
  const organisation = (await strapi.db
    .query(ORGANISATION)
    .findOne({ where: { mediaFolderId: folder.id }, select: ['documentId'] })) as { documentId: string } | null;
  return organisation?.documentId ?? null;
};

/**
 * Files leave the media library through the upload plugin, not the Document Service: their
 * deletion is recorded in the same history as every other deletion (who, when, which file).
 */
export const recordFileDeletions = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    async afterDelete(event) {
      const file = event.result as DeletedFile | undefined;
      if (!file) return;
      const organisation = await organisationOfPath(strapi, file.folderPath);
      await asWorkflow(() =>
        strapi.documents(WORKFLOW_EVENT).create({
          data: {
            subjectType: 'File',
            subjectDocumentId: String(file.id),
            subjectTitle: String(file.name ?? file.id).slice(0, 300),
            organisation,
            fromStage: '—',
            toStage: 'Eliminato',
            comment: null,
            ...deletionActor(strapi),
          },
        } as never),
      );
    },
  });
};

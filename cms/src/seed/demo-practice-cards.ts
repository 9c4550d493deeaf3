import type { Core } from '@strapi/strapi';
import { WORKFLOW_EVENT } from '../access/content-types';
import type { CardStage } from '../domain/workflow';
import { asWorkflow } from '../workflow/context';
import { readDataFile } from './data-files';
import { photoSvg, uploadGeneratedImage } from './images';
import type { ReferenceData } from './reference-data';
import { createMissing, requireKey } from './upsert';

export type DemoPracticeCard = {
  slug: string;
  organisationSlug: string;
  title: string;
  innovationArea: string;
  intentPartners: string[];
  economicPartners: string[];
  fundingSources: string[];
  fundingOtherDetail: string | null;
  description: string;
  innovationElements: string;
  evaluation: string;
  impactEvaluation: boolean;
  contact: { fullName: string; email: string; phone: string; isPublic: boolean };
  city: string;
  provinceCode: string;
  startYear: number;
  stage: string;
  curatorComment?: string;
  photoThemes: string[];
  keywords: string[];
};

const STAGES: Record<string, CardStage> = {
  bozza: 'Bozza',
  inviata: 'Inviata',
  in_revisione: 'In revisione',
  da_rivedere: 'Da rivedere',
  selezionata: 'Selezionata',
  pubblicata: 'Pubblicata',
  archiviata: 'Archiviata',
};

const PHOTO_COLOURS = ['#2f6f4f', '#a3231f', '#1f4e79', '#7a4f9a', '#b8621b', '#33707a'];

/** The demo practice cards, with generated photos; the published ones are published. */
export const seedDemoPracticeCards = async (
  strapi: Core.Strapi,
  reference: ReferenceData,
  organisations: Map<string, { documentId: string }>,
) => {
  const uid = 'api::practice-card.practice-card';
  const cards = readDataFile<DemoPracticeCard[]>(strapi, 'demo', 'practice-cards.json');
  const ids = (map: Map<string, { documentId: string }>, names: string[], what: string) =>
    names.map((name) => requireKey(map, name, what).documentId);

  // Demo cards start in every stage of the workflow, which only the workflow may set.
  const result = await asWorkflow(() =>
    createMissing(
      strapi,
      uid,
      'slug',
      cards,
      async (card) => {
        const colour = PHOTO_COLOURS[card.slug.length % PHOTO_COLOURS.length] ?? '#2f6f4f';
        const photos = [];
        for (const [index, theme] of card.photoThemes.entries()) {
          const image = await uploadGeneratedImage(strapi, photoSvg(`${card.slug}-${index}`, colour), {
            name: `${card.slug}-${index + 1}`,
            alternativeText: theme,
            format: 'jpeg',
          });
          photos.push({ image: image.id, alt: theme });
        }
        return {
          slug: card.slug,
          title: card.title,
          organisation: requireKey(organisations, card.organisationSlug, 'organisation').documentId,
          innovationArea: requireKey(reference.innovationAreas, card.innovationArea, 'innovation area').documentId,
          intentPartnershipAbsent: card.intentPartners.length === 0,
          intentPartners: ids(reference.partnerCategories, card.intentPartners, 'partner category'),
          economicPartnershipAbsent: card.economicPartners.length === 0,
          economicPartners: ids(reference.partnerCategories, card.economicPartners, 'partner category'),
          fundingSources: ids(reference.fundingSources, card.fundingSources, 'funding source'),
          fundingOtherDetail: card.fundingOtherDetail,
          description: card.description,
          innovationElements: card.innovationElements,
          evaluation: card.evaluation,
          impactEvaluation: card.impactEvaluation,
          contact: card.contact,
          photos,
          province: requireKey(reference.provinces, card.provinceCode, 'province').documentId,
          city: card.city,
          startYear: card.startYear,
          stage: STAGES[card.stage] ?? 'Bozza',
        };
      },
      async (documentId, card) => {
        if (card.stage === 'pubblicata') await asWorkflow(() => strapi.documents(uid).publish({ documentId } as never));
        if (card.curatorComment) {
          await asWorkflow(() =>
            strapi.documents(WORKFLOW_EVENT).create({
              data: {
                subjectType: 'Scheda pratica',
                subjectDocumentId: documentId,
                subjectTitle: card.title,
                fromStage: 'In revisione',
                toStage: 'Da rivedere',
                comment: card.curatorComment,
                actorName: 'Redazione Think Tank (dati demo)',
              },
            } as never),
          );
        }
      },
    ),
  );
  return { created: result.created };
};

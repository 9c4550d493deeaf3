import type { Core } from '@strapi/strapi';
import { PRACTICE_CARD, WORKFLOW_EVENT } from '../access/content-types';
import { CARD_STAGES, type CardStage } from '../domain/workflow';

export type QueueFilters = { area?: string; region?: string; organisation?: string; stage?: string };

type QueueCard = {
  documentId: string;
  title: string;
  stage: CardStage;
  updatedAt: string;
  organisation: { name: string } | null;
  innovationArea: { name: string } | null;
  province: { code: string; region: { name: string } | null } | null;
};

const filtersOf = ({ area, region, organisation }: QueueFilters): Record<string, unknown> => ({
  ...(area ? { innovationArea: { documentId: area } } : {}),
  ...(region ? { province: { region: { documentId: region } } } : {}),
  ...(organisation ? { organisation: { documentId: organisation } } : {}),
});

/** The curators' queue: cards of every organisation by stage, with a count per stage. */
export const editorialQueue = async (strapi: Core.Strapi, filters: QueueFilters) => {
  const documents = strapi.documents(PRACTICE_CARD);
  const base = filtersOf(filters);
  const counts = Object.fromEntries(
    await Promise.all(
      CARD_STAGES.map(async (stage) => [
        stage,
        await documents.count({ status: 'draft', filters: { ...base, stage } } as never),
      ]),
    ),
  ) as Record<CardStage, number>;
  const stage = CARD_STAGES.includes(filters.stage as CardStage) ? (filters.stage as CardStage) : 'Inviata';
  const cards = (await documents.findMany({
    status: 'draft',
    filters: { ...base, stage },
    sort: 'updatedAt:asc',
    limit: 100,
    fields: ['documentId', 'title', 'stage', 'updatedAt'],
    populate: {
      organisation: { fields: ['name'] },
      innovationArea: { fields: ['name'] },
      province: { fields: ['code'], populate: { region: { fields: ['name'] } } },
    },
  } as never)) as unknown as QueueCard[];
  // Since when each card is in this stage: its last move into it (the seeded ones have none).
  const moves = (await strapi.documents(WORKFLOW_EVENT).findMany({
    filters: { subjectDocumentId: { $in: cards.map((card) => card.documentId) }, toStage: stage },
    sort: 'createdAt:desc',
    fields: ['subjectDocumentId', 'createdAt'],
    limit: 1000,
  } as never)) as unknown as { subjectDocumentId: string; createdAt: string }[];
  const since = new Map<string, string>();
  for (const move of moves) if (!since.has(move.subjectDocumentId)) since.set(move.subjectDocumentId, move.createdAt);
  const waiting = cards
    .map((card) => ({ ...card, since: since.get(card.documentId) ?? card.updatedAt }))
    .sort((a, b) => a.since.localeCompare(b.since));
  return { stage, counts, cards: waiting };
};

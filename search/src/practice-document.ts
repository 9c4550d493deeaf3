import type { PracticeSearchDocument } from './practices-index.ts';
import { mapCells } from './map-cells.ts';
import { coordinates, type Named, type Place } from './places.ts';

/** A published practice card as the CMS gives it: plain data, relations populated. */
export type PublishedPracticeCard = {
  documentId: string;
  slug: string;
  title: string;
  description: string | null;
  innovationElements: string | null;
  evaluation: string | null;
  city: string | null;
  startYear: number | null;
  publishedAt: string;
  impactEvaluation: boolean | null;
  intentPartnershipAbsent: boolean | null;
  economicPartnershipAbsent: boolean | null;
  organisation: (Named & Place & { slug: string; organisationType: string }) | null;
  province: (Named & Place & { code: string; region: Named | null }) | null;
  innovationArea: Named | null;
  intentPartners: Named[];
  economicPartners: Named[];
  fundingSources: Named[];
};

/** What kinds of partnership a card has, as the catalogue's facet shows them. */
export const partnershipKinds = (card: PublishedPracticeCard): string[] => {
  const kinds = [
    ...(card.intentPartners.length > 0 ? ['Partnership di intenti'] : []),
    ...(card.economicPartners.length > 0 ? ['Partnership economica'] : []),
  ];
  return kinds.length > 0 ? kinds : ['Nessuna partnership'];
};

/** The index document of a published card; located at its organisation, or else at its province's capital. */
export const toPracticeDocument = (card: PublishedPracticeCard): PracticeSearchDocument => {
  const geo = coordinates(card.organisation) ?? coordinates(card.province);
  return {
    id: card.documentId,
    slug: card.slug,
    title: card.title,
    description: card.description ?? '',
    innovationElements: card.innovationElements ?? '',
    evaluation: card.evaluation ?? '',
    organisationName: card.organisation?.name ?? '',
    organisationSlug: card.organisation?.slug ?? '',
    organisationType: card.organisation?.organisationType ?? '',
    city: card.city,
    province: card.province?.name ?? null,
    provinceCode: card.province?.code ?? null,
    region: card.province?.region?.name ?? null,
    innovationArea: card.innovationArea?.name ?? '',
    intentPartners: card.intentPartners.map((partner) => partner.name),
    economicPartners: card.economicPartners.map((partner) => partner.name),
    partnershipKinds: partnershipKinds(card),
    fundingSources: card.fundingSources.map((source) => source.name),
    impactEvaluation: card.impactEvaluation === true,
    year: card.startYear,
    publishedAt: Date.parse(card.publishedAt),
    _geo: geo,
    ...mapCells(geo),
  };
};

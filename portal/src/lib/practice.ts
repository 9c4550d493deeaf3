/** How a practice card's fields read on its page. */
import type { PracticeCard } from './cms.ts';

/** "Non presente" when the card has no partner of that kind (the form's own wording). */
export const partnerLabels = (card: PracticeCard, kind: 'intent' | 'economic'): string[] => {
  const partners = kind === 'intent' ? card.intentPartners : card.economicPartners;
  return partners.length > 0 ? partners.map((partner) => partner.name) : ['Non presente'];
};

/** "Albino, Bergamo (BG), Lombardia". */
export const placeLabel = (card: PracticeCard): string =>
  [card.city, card.province ? `${card.province.name} (${card.province.code})` : null, card.province?.region?.name]
    .filter(Boolean)
    .join(', ');

/** Funding sources, with the free text of "Altre". */
export const fundingLabels = (card: PracticeCard): string[] =>
  card.fundingSources.map((source) =>
    source.name === 'Altre' && card.fundingOtherDetail ? `Altre: ${card.fundingOtherDetail}` : source.name,
  );

import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { InnovationArea, OrganisationType, PracticeCatalogue, PracticeSheet } from '@coop/report-templates';
import { PRACTICE_CARD } from '../access/content-types';
import { ACTIVE_STATUS } from '../domain/organisation-types';
import { imageAsset, type StoredImage } from './images';

type Named = { name: string };

/** A published card as loaded for its documents. */
export type StoredCard = {
  documentId: string;
  slug: string;
  title: string;
  description: string | null;
  innovationElements: string | null;
  evaluation: string | null;
  impactEvaluation: boolean | null;
  intentPartnershipAbsent: boolean | null;
  economicPartnershipAbsent: boolean | null;
  fundingOtherDetail: string | null;
  city: string | null;
  startYear: number | null;
  organisation: {
    name: string;
    organisationType: OrganisationType;
    city: string | null;
    logo: StoredImage;
    province: { region: Named | null } | null;
  } | null;
  province: Named | null;
  innovationArea: (InnovationArea & { position: number | null }) | null;
  intentPartners: Named[];
  economicPartners: Named[];
  fundingSources: Named[];
  contact: { fullName: string; email: string | null; phone: string | null; isPublic: boolean } | null;
  photos: { alt: string; caption: string | null; image: StoredImage }[];
};

const NAME = { fields: ['name'] };
const CARD_POPULATE = {
  organisation: {
    fields: ['name', 'organisationType', 'city'],
    populate: { logo: true, province: { fields: ['name'], populate: { region: NAME } } },
  },
  province: NAME,
  innovationArea: { fields: ['name', 'definition', 'position'] },
  intentPartners: NAME,
  economicPartners: NAME,
  fundingSources: NAME,
  contact: true,
  photos: { populate: { image: true } },
};

/** Published cards of active organisations: what the public may download. */
const publishedCards = (strapi: Core.Strapi, filters: Record<string, unknown>): Promise<StoredCard[]> =>
  strapi.documents(PRACTICE_CARD).findMany({
    filters: { ...filters, organisation: { platformStatus: ACTIVE_STATUS } },
    status: 'published',
    populate: CARD_POPULATE,
    sort: 'title:asc',
  } as never) as unknown as Promise<StoredCard[]>;

const names = (items: Named[]): string[] => items.map((item) => item.name);

/** The sheet's data: the card as the public may see it, with its logo and photos read. */
export const toSheet = async (strapi: Core.Strapi, card: StoredCard): Promise<PracticeSheet> => {
  const organisation = card.organisation;
  // The project's contact person appears only when the cooperative made the contact public.
  const contact = card.contact?.isPublic
    ? { fullName: card.contact.fullName, email: card.contact.email, phone: card.contact.phone }
    : { fullName: `Tramite ${organisation?.name ?? 'la cooperativa'}` };
  const photos = await Promise.all(
    card.photos.map(async (photo) => {
      const asset = await imageAsset(strapi, photo.image, photo.alt);
      return asset ? { ...asset, alt: photo.alt, caption: photo.caption } : null;
    }),
  );
  return {
    title: card.title,
    organisation: {
      name: organisation?.name ?? '',
      organisationType: organisation?.organisationType as OrganisationType,
      city: organisation?.city ?? null,
      region: organisation?.province?.region?.name ?? null,
      logo: organisation ? await imageAsset(strapi, organisation.logo, `Logo di ${organisation.name}`) : null,
    },
    innovationArea: { name: card.innovationArea?.name ?? '', definition: card.innovationArea?.definition ?? '' },
    intentPartnership: { absent: card.intentPartnershipAbsent === true, partners: names(card.intentPartners) },
    economicPartnership: { absent: card.economicPartnershipAbsent === true, partners: names(card.economicPartners) },
    fundingSources: names(card.fundingSources),
    fundingOtherDetail: card.fundingOtherDetail,
    description: card.description ?? '',
    innovationElements: card.innovationElements ?? '',
    evaluation: card.evaluation ?? '',
    impactEvaluation: card.impactEvaluation === true,
    contact,
    photos: photos.filter((photo) => photo !== null),
    city: card.city,
    province: card.province?.name ?? null,
    startYear: card.startYear,
  };
};

/** A published card found by documentId or slug; null when the public cannot see it. */
export const publishedCard = async (strapi: Core.Strapi, idOrSlug: string): Promise<StoredCard | null> => {
  const [card] = await publishedCards(strapi, { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] });
  return card ?? null;
};

/** Changes whenever anything the sheet shows changes: the card, its organisation, area, partners, images. */
export const sheetVersion = (card: StoredCard): string =>
  createHash('sha256').update(JSON.stringify(card)).digest('hex');

/** The booklet of every published practice, by innovation area in the areas' order. */
export const practiceCatalogue = async (strapi: Core.Strapi, now = new Date()): Promise<PracticeCatalogue> => {
  const cards = await publishedCards(strapi, {});
  const areas = new Map<string, InnovationArea & { position: number }>();
  for (const card of cards) {
    if (card.innovationArea) {
      const { name, definition, position } = card.innovationArea;
      areas.set(name, { name, definition, position: position ?? Number.MAX_SAFE_INTEGER });
    }
  }
  return {
    title: 'Catalogo delle pratiche innovative selezionate',
    edition: `Edizione ${now.getFullYear()}`,
    publishedOn: now.toISOString().slice(0, 10),
    areas: [...areas.values()]
      .sort((a, b) => a.position - b.position)
      .map(({ name, definition }) => ({ name, definition })),
    practices: await Promise.all(cards.map((card) => toSheet(strapi, card))),
  };
};

import type { Core, Modules } from '@strapi/strapi';
import {
  validatePracticeCard,
  type FundingSourceRef,
  type PracticeCardData,
  type TaxonomyRef,
  type ValidationMode,
} from '../domain/practice-card-rules';
import { checkImage, hasMedia } from './media';
import { refuseIfAny } from './validation-error';
import { fetchTargets, pendingDocument } from './write-context';

export const PRACTICE_CARD_UID = 'api::practice-card.practice-card';
const PARTNER = 'api::partner-category.partner-category';
const FUNDING = 'api::funding-source.funding-source';

const POPULATE = {
  organisation: { fields: ['documentId'] },
  innovationArea: { fields: ['documentId'] },
  intentPartners: { fields: ['documentId'] },
  economicPartners: { fields: ['documentId'] },
  fundingSources: { fields: ['documentId'] },
  province: { fields: ['documentId'] },
  contact: true,
  photos: { populate: { image: { fields: ['id'] } } },
};

type Photo = { alt?: string | null; image?: unknown };
type Contact = PracticeCardData['contact'];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Validates the card a write will leave, in the given mode; refuses the write with Italian messages. */
export const checkPracticeCard = async (
  strapi: Core.Strapi,
  params: { documentId?: string; data?: Record<string, unknown> },
  mode: ValidationMode,
): Promise<void> => {
  const pending = await pendingDocument(strapi, PRACTICE_CARD_UID, params, POPULATE);
  const [organisation, innovationArea, intent, economic, funding, province] = await Promise.all([
    pending.relation('organisation'),
    pending.relation('innovationArea'),
    pending.relation('intentPartners'),
    pending.relation('economicPartners'),
    pending.relation('fundingSources'),
    pending.relation('province'),
  ]);
  const [intentPartners, economicPartners, fundingSources] = await Promise.all([
    fetchTargets<TaxonomyRef>(strapi, PARTNER, intent, ['name']),
    fetchTargets<TaxonomyRef>(strapi, PARTNER, economic, ['name']),
    fetchTargets<FundingSourceRef>(strapi, FUNDING, funding, ['name', 'requiresDetail']),
  ]);
  const photos = ((pending.value('photos') as Photo[] | null) ?? []).map((photo) => ({
    alt: text(photo.alt),
    hasImage: hasMedia(photo.image),
    image: photo.image,
  }));
  const impact = pending.value('impactEvaluation');

  const card: PracticeCardData = {
    title: text(pending.value('title')),
    organisation: organisation[0] ?? null,
    innovationArea: innovationArea[0] ?? null,
    intentPartnershipAbsent: pending.value('intentPartnershipAbsent') === true,
    intentPartners,
    economicPartnershipAbsent: pending.value('economicPartnershipAbsent') === true,
    economicPartners,
    fundingSources,
    fundingOtherDetail: text(pending.value('fundingOtherDetail')),
    description: text(pending.value('description')),
    innovationElements: text(pending.value('innovationElements')),
    evaluation: text(pending.value('evaluation')),
    impactEvaluation: typeof impact === 'boolean' ? impact : null,
    contact: (pending.value('contact') as Contact | undefined) ?? null,
    province: province[0] ?? null,
    photos,
  };

  const imageErrors = (
    await Promise.all(
      photos.map((photo, index) => checkImage(strapi, photo.image, ['photos', index, 'image'], `Foto ${index + 1}`)),
    )
  ).flat();
  refuseIfAny([...validatePracticeCard(card, mode), ...imageErrors]);
};

/**
 * Practice cards: every write keeps the card a draft (publishing is a separate, deliberate step)
 * and is validated, whoever writes it: admin, REST or code.
 */
export const practiceCardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== PRACTICE_CARD_UID) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown>; status?: string };

    if (context.action === 'create' || context.action === 'update') {
      params.status = 'draft';
      await checkPracticeCard(strapi, params, 'draft');
    } else if (context.action === 'clone') {
      // The copy is the source's draft with the request's data laid over it.
      await checkPracticeCard(strapi, params, 'draft');
    } else if (context.action === 'publish') {
      await checkPracticeCard(strapi, { documentId: params.documentId }, 'complete');
    }
    return next();
  };

import { isValidEmail, isValidPhone } from './contact-formats';
import type { FieldError } from './field-error';
import { countCharacters, isBlank } from './text-length';

/** The limits of the survey form, in characters as a person counts them. */
export const PRACTICE_CARD_TEXT_LIMITS = {
  description: { label: 'Breve descrizione', max: 2000 },
  innovationElements: { label: 'Elementi di innovazione', max: 1500 },
  evaluation: { label: 'Valutazione', max: 1500 },
} as const;

export type TaxonomyRef = { documentId: string; name: string };
export type FundingSourceRef = TaxonomyRef & { requiresDetail: boolean };

/** A practice card as the rules see it: plain data, relations resolved to what they point at. */
export type PracticeCardData = {
  title: string | null;
  organisation: string | null;
  innovationArea: string | null;
  intentPartnershipAbsent: boolean;
  intentPartners: TaxonomyRef[];
  economicPartnershipAbsent: boolean;
  economicPartners: TaxonomyRef[];
  fundingSources: FundingSourceRef[];
  fundingOtherDetail: string | null;
  description: string | null;
  innovationElements: string | null;
  evaluation: string | null;
  impactEvaluation: boolean | null;
  contact: { fullName: string | null; email: string | null; phone: string | null } | null;
  province: string | null;
  photos: { alt: string | null; hasImage: boolean }[];
};

/**
 * `draft`: what must hold whenever a card is saved (limits, consistency, formats).
 * `complete`: also everything the form requires before a card is sent or published.
 */
export type ValidationMode = 'draft' | 'complete';

const PARTNERSHIPS = [
  { absent: 'intentPartnershipAbsent', partners: 'intentPartners', label: 'Partnership di intenti' },
  { absent: 'economicPartnershipAbsent', partners: 'economicPartners', label: 'Partnership economica' },
] as const;

export const validatePracticeCard = (card: PracticeCardData, mode: ValidationMode): FieldError[] => {
  const errors: FieldError[] = [];
  const complete = mode === 'complete';

  if (!card.organisation) {
    errors.push({ path: ['organisation'], message: "Organizzazione: ogni scheda appartiene a un'organizzazione" });
  }

  for (const [field, { label, max }] of Object.entries(PRACTICE_CARD_TEXT_LIMITS)) {
    const text = card[field as keyof typeof PRACTICE_CARD_TEXT_LIMITS];
    const length = countCharacters(text);
    if (length > max) {
      errors.push({ path: [field], message: `${label}: massimo ${max} caratteri (ora sono ${length})` });
    } else if (complete && length === 0) {
      errors.push({ path: [field], message: `${label}: campo obbligatorio` });
    }
  }

  for (const { absent, partners, label } of PARTNERSHIPS) {
    const isAbsent = card[absent];
    const count = card[partners].length;
    if (isAbsent && count > 0) {
      errors.push({
        path: [partners],
        message: `${label}: indicare "Non presente" oppure le categorie di partner, non entrambi`,
      });
    } else if (complete && !isAbsent && count === 0) {
      errors.push({
        path: [partners],
        message: `${label}: indicare almeno una categoria di partner oppure "Non presente"`,
      });
    }
  }

  const other = card.fundingSources.find((source) => source.requiresDetail);
  if (other && isBlank(card.fundingOtherDetail)) {
    errors.push({
      path: ['fundingOtherDetail'],
      message: `Forme di finanziamento: con "${other.name}" va specificato quale finanziamento`,
    });
  }

  const contact = card.contact;
  if (contact?.email && !isValidEmail(contact.email)) {
    errors.push({ path: ['contact', 'email'], message: 'Referente del progetto: e-mail non valida' });
  }
  if (contact?.phone && !isValidPhone(contact.phone)) {
    errors.push({
      path: ['contact', 'phone'],
      message: 'Referente del progetto: numero di telefono non valido (solo cifre, spazi e +, almeno 6 cifre)',
    });
  }

  card.photos.forEach((photo, index) => {
    if (isBlank(photo.alt)) {
      errors.push({
        path: ['photos', index, 'alt'],
        message: `Foto ${index + 1}: testo alternativo obbligatorio (descrive la foto a chi non la vede)`,
      });
    }
    if (!photo.hasImage) {
      errors.push({ path: ['photos', index, 'image'], message: `Foto ${index + 1}: immagine mancante` });
    }
  });

  if (complete) {
    if (isBlank(card.title)) errors.push({ path: ['title'], message: 'Nome progetto: campo obbligatorio' });
    if (!card.innovationArea) {
      errors.push({ path: ['innovationArea'], message: 'Ambito di innovazione: selezionarne uno' });
    }
    if (card.fundingSources.length === 0) {
      errors.push({ path: ['fundingSources'], message: 'Forme di finanziamento: selezionarne almeno una' });
    }
    if (card.impactEvaluation === null) {
      errors.push({ path: ['impactEvaluation'], message: 'Valutazione di impatto: indicare sì o no' });
    }
    if (!card.province) errors.push({ path: ['province'], message: 'Provincia: campo obbligatorio' });
    if (!contact || isBlank(contact.fullName) || isBlank(contact.email) || isBlank(contact.phone)) {
      errors.push({
        path: ['contact'],
        message: 'Referente del progetto: nome, e-mail e telefono sono obbligatori',
      });
    }
  }

  return errors;
};

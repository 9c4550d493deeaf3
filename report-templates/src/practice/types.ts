import type { ImageAsset } from '../images.ts';
import type { OrganisationType } from '../organisation.ts';

/** One of the six innovation areas of the Think Tank, with the definition the form gives. */
export type InnovationArea = { name: string; definition: string };

export type Partnership = {
  /** Ticked "Non presente" on the form. */
  absent: boolean;
  /** Partner categories, as the taxonomy names them ("PA e EE.LL.", "Cooperative", …). */
  partners: string[];
};

/** A practice card (scheda di rilevazione della Mappa delle pratiche innovative) as plain data. */
export type PracticeSheet = {
  title: string;
  organisation: {
    name: string;
    organisationType: OrganisationType;
    region?: string | null;
    city?: string | null;
    logo?: ImageAsset | null;
  };
  innovationArea: InnovationArea;
  intentPartnership: Partnership;
  economicPartnership: Partnership;
  /** Funding source names as the taxonomy has them ("Proprie", "Privati", …, "Altre"). */
  fundingSources: string[];
  fundingOtherDetail?: string | null;
  description: string;
  innovationElements: string;
  evaluation: string;
  impactEvaluation: boolean;
  contact: { fullName: string; phone?: string | null; email?: string | null };
  photos?: (ImageAsset & { caption?: string | null })[] | null;
  /** Where the practice takes place, when not where the organisation is. */
  city?: string | null;
  province?: string | null;
  startYear?: number | null;
};

/** The booklet of selected practices, grouped by innovation area in the order given. */
export type PracticeCatalogue = {
  title?: string | null;
  /** "Edizione 2026", "I edizione del Think Tank SEnt", … */
  edition?: string | null;
  introduction?: string | null;
  /** Who publishes it (the document's author); default the Think Tank. */
  publisher?: string | null;
  /** ISO date of publication, printed in Italian on the cover. */
  publishedOn?: string | null;
  areas: InnovationArea[];
  practices: PracticeSheet[];
};

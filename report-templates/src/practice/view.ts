import { formatDate, formatInteger } from '../format.ts';
import { monogram, prepareImage, type PreparedImage } from '../images.ts';
import type { ImageSet } from '../odt-pictures.ts';
import { isBlank, toParagraphs } from '../rich-text.ts';
import type { InnovationArea, Partnership, PracticeCatalogue, PracticeSheet } from './types.ts';

const LOGO_PIXELS = 400;
/** Longer side of a photo: 14 cm wide on a card, 10 cm in the catalogue, about 220 dpi either way. */
const SHEET_PHOTO_PIXELS = 1200;
const CATALOGUE_PHOTO_PIXELS = 880;
const CHECKED = '☒';
const UNCHECKED = '☐';

/** The choices printed on the survey form, in its order; anything else the data holds is added after them. */
export const FORM_ORGANISATION_TYPES = [
  ['Cooperativa sociale di tipo A', 'Cooperativa tipo A'],
  ['Cooperativa sociale di tipo B', 'Cooperativa tipo B'],
  ['Cooperativa sociale ad oggetto misto (A+B)', 'Cooperativa a oggetto misto (A+B)'],
] as const;
export const FORM_PARTNER_CATEGORIES = [
  'PA e EE.LL.',
  'Cooperative',
  'Soggetti no profit',
  'Soggetti profit',
  'Organizzazioni di rappresentanza',
  'Università, Centri di ricerca',
];
export const FORM_FUNDING_SOURCES = [
  'Proprie',
  'Privati',
  'Pubblica Amministrazione',
  'Fondazioni',
  'Banche',
  'Soggetti profit',
  'Altre',
];

type Choice = { text: string };

const choices = (
  options: readonly string[],
  chosen: readonly string[],
  labels: Record<string, string> = {},
): Choice[] =>
  [...options, ...chosen.filter((name) => !options.includes(name))].map((name) => ({
    text: `${chosen.includes(name) ? CHECKED : UNCHECKED} ${labels[name] ?? name}`,
  }));

const partnership = (value: Partnership): Choice[] => [
  { text: `${value.absent || value.partners.length === 0 ? CHECKED : UNCHECKED} Non presente` },
  ...choices(FORM_PARTNER_CATEGORIES, value.partners),
];

const paragraphs = (text: string | null | undefined): { text: string }[] =>
  toParagraphs(text).map((p) => ({ text: p.bullet ? `•  ${p.text}` : p.text }));

const joined = (parts: (string | null | undefined)[]): string => parts.filter((part) => !isBlank(part)).join(', ');

/** Logos repeat across a catalogue: each organisation's is prepared once. */
export type LogoCache = Map<string, Promise<PreparedImage>>;

const logoOf = (sheet: PracticeSheet, cache: LogoCache): Promise<PreparedImage> => {
  const key = sheet.organisation.name;
  let logo = cache.get(key);
  if (!logo) {
    logo = sheet.organisation.logo
      ? prepareImage(sheet.organisation.logo, LOGO_PIXELS, `logo di ${sheet.organisation.name}`)
      : monogram(sheet.organisation.name);
    cache.set(key, logo);
  }
  return logo;
};

/** One card's values as both templates show them. */
export const buildPracticeView = async (
  sheet: PracticeSheet,
  images: ImageSet,
  logos: LogoCache,
  photoPixels: number,
) => {
  const logo = await logoOf(sheet, logos);
  const photos = await Promise.all(
    (sheet.photos ?? []).map(async (photo, index) => {
      const prepared = await prepareImage(photo, photoPixels, `foto ${index + 1} di "${sheet.title}"`);
      return { ref: images.add(prepared), alt: prepared.alt, caption: photo.caption ?? photo.alt };
    }),
  );
  const organisation = sheet.organisation;
  const funding = choices(FORM_FUNDING_SOURCES, sheet.fundingSources).map((choice) =>
    choice.text.endsWith(' Altre') && !isBlank(sheet.fundingOtherDetail)
      ? { text: `${choice.text}: ${sheet.fundingOtherDetail}` }
      : choice,
  );
  const chosenPartners = (value: Partnership): string =>
    value.absent || value.partners.length === 0 ? 'Non presente' : value.partners.join(', ');
  const fundingSummary = sheet.fundingSources
    .map((name) =>
      name === 'Altre' && !isBlank(sheet.fundingOtherDetail) ? `Altre (${sheet.fundingOtherDetail})` : name,
    )
    .join(', ');
  return {
    title: sheet.title,
    organisation: organisation.name,
    logo: images.add(logo),
    logoAlt: logo.alt,
    region: organisation.region ?? '',
    city: organisation.city ?? '',
    type: organisation.organisationType,
    types: choices(
      FORM_ORGANISATION_TYPES.map(([value]) => value),
      [organisation.organisationType],
      Object.fromEntries(FORM_ORGANISATION_TYPES),
    ),
    area: sheet.innovationArea.name,
    areaDefinition: sheet.innovationArea.definition,
    place: joined([sheet.city ?? organisation.city, sheet.province ?? organisation.region]),
    startYear: sheet.startYear ? String(sheet.startYear) : '—',
    intentPartners: partnership(sheet.intentPartnership),
    economicPartners: partnership(sheet.economicPartnership),
    intentSummary: chosenPartners(sheet.intentPartnership),
    economicSummary: chosenPartners(sheet.economicPartnership),
    funding,
    fundingSummary: fundingSummary || '—',
    description: paragraphs(sheet.description),
    innovationElements: paragraphs(sheet.innovationElements),
    evaluation: paragraphs(sheet.evaluation),
    impactEvaluation: [
      { text: `${sheet.impactEvaluation ? CHECKED : UNCHECKED} sì` },
      { text: `${sheet.impactEvaluation ? UNCHECKED : CHECKED} no` },
    ],
    impactSummary: sheet.impactEvaluation ? 'Sì' : 'No',
    contact: sheet.contact.fullName,
    contactDetails: joined([sheet.contact.phone, sheet.contact.email]) || '—',
    photos,
    hasPhotos: photos.length > 0,
  };
};

export const buildPracticeSheetView = async (sheet: PracticeSheet, images: ImageSet, now: Date) => ({
  practice: await buildPracticeView(sheet, images, new Map(), SHEET_PHOTO_PIXELS),
  generatedOn: `Scheda generata il ${formatDate(now)}`,
});

/** Practices grouped by area, in the catalogue's order of areas; areas without practices are left out. */
export const buildCatalogueView = async (catalogue: PracticeCatalogue, images: ImageSet, now: Date) => {
  const logos: LogoCache = new Map();
  const groups = catalogue.areas
    .map((area: InnovationArea) => ({
      area,
      practices: catalogue.practices
        .filter((practice) => practice.innovationArea.name === area.name)
        .sort((a, b) => a.title.localeCompare(b.title, 'it')),
    }))
    .filter((group) => group.practices.length > 0);
  const areas = [];
  for (const [index, group] of groups.entries()) {
    // Photos are scaled in parallel (sharp works off the event loop); references keep the catalogue's order.
    const practices = await Promise.all(
      group.practices.map((practice) => buildPracticeView(practice, images, logos, CATALOGUE_PHOTO_PIXELS)),
    );
    areas.push({
      title: `${index + 1}. ${group.area.name}`,
      definition: group.area.definition,
      count: `${formatInteger(practices.length)} ${practices.length === 1 ? 'pratica' : 'pratiche'}`,
      practices,
    });
  }
  const organisations = new Set(catalogue.practices.map((practice) => practice.organisation.name));
  return {
    title: isBlank(catalogue.title) ? 'Catalogo delle pratiche selezionate' : (catalogue.title ?? ''),
    edition: catalogue.edition ?? '',
    publishedOn: `Pubblicato il ${formatDate(catalogue.publishedOn ?? now)}`,
    summary: `${formatInteger(catalogue.practices.length)} ${catalogue.practices.length === 1 ? 'pratica innovativa' : 'pratiche innovative'} di ${organisations.size === 1 ? 'una organizzazione' : `${formatInteger(organisations.size)} organizzazioni`}, in ${areas.length === 1 ? 'un ambito' : `${formatInteger(areas.length)} ambiti`} di innovazione.`,
    introduction: paragraphs(catalogue.introduction),
    areas,
  };
};

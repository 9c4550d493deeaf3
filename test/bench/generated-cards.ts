/**
 * Generated practice cards for the benchmarks: deterministic (the same catalogue on every run),
 * spread over Italy's provinces with jitter around each capital, with the taxonomies' real values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ORGANISATION_TYPES } from '@coop/report-templates/organisation';
import type { PublishedPracticeCard } from '@coop/search/practice-document';
import { repoRoot } from '../stack/settings.ts';

export type Province = { code: string; name: string; regionIstatCode: string; latitude: number; longitude: number };
const data = (file: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, 'cms', 'data', file), 'utf8'));
export const provinces = data('geography/provinces.json') as Province[];
export const regions = new Map(
  (data('geography/regions.json') as { istatCode: string; name: string }[]).map((r) => [r.istatCode, r.name]),
);
export const taxonomies = data('taxonomies.json') as Record<
  'innovationAreas' | 'partnerCategories' | 'fundingSources',
  { name: string }[]
>;

// A deterministic generator, so every run measures the same catalogue.
let seed = 42;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], max: number): T[] => items.filter(() => random() < max / items.length);

const SUBJECTS = [
  'Orti sociali',
  'Centro diurno',
  'Sportello digitale',
  'Laboratorio di falegnameria',
  'Emporio solidale',
  'Casa famiglia',
  'Co-progettazione',
  'Servizio domiciliare',
  'Mensa di comunità',
  'Trasporto sociale',
];
const PEOPLE = [
  'anziani',
  'persone con disabilità',
  'minori',
  'giovani NEET',
  'famiglie',
  'detenuti',
  'migranti',
  'persone svantaggiate',
];
const PLACES = [
  'di quartiere',
  'in rete con la pubblica amministrazione',
  'nelle aree interne',
  'con le scuole',
  'in montagna',
  'nella città',
];
const WORDS = [
  'cooperativa sociale',
  'welfare di comunità',
  'inserimento lavorativo',
  'volontariato',
  'economia circolare',
  'valutazione di impatto',
  'coprogettazione',
  'innovazione tecnologica',
  'partecipazione dei soci',
  'agricoltura sociale',
];

const sentence = (): string =>
  `${pick(SUBJECTS)} per ${pick(PEOPLE)} ${pick(PLACES)}: ${some(WORDS, 3).join(', ') || pick(WORDS)}.`;

export const generatedCard = (index: number): PublishedPracticeCard => {
  const province = pick(provinces);
  const jitter = (): number => (random() - 0.5) * 0.3;
  return {
    documentId: `bench-${index}`,
    slug: `bench-${index}`,
    title: `${pick(SUBJECTS)} ${pick(PLACES)} ${index}`,
    description: Array.from({ length: 6 }, sentence).join(' '),
    innovationElements: Array.from({ length: 3 }, sentence).join(' '),
    evaluation: Array.from({ length: 2 }, sentence).join(' '),
    city: province.name,
    startYear: 2015 + Math.floor(random() * 11),
    publishedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * 86_400_000).toISOString(),
    impactEvaluation: random() < 0.4,
    intentPartnershipAbsent: null,
    economicPartnershipAbsent: null,
    organisation: {
      name: `Cooperativa ${pick(['Il Girasole', 'La Ginestra', 'Arcobaleno', 'Terre Unite', 'Il Ponte', 'Insieme'])} ${index % 900}`,
      slug: `coop-${index % 900}`,
      organisationType: pick(ORGANISATION_TYPES),
      latitude: province.latitude + jitter(),
      longitude: province.longitude + jitter(),
    },
    province: { ...province, region: { name: regions.get(province.regionIstatCode) ?? '' } },
    innovationArea: pick(taxonomies.innovationAreas),
    intentPartners: some(taxonomies.partnerCategories, 2),
    economicPartners: some(taxonomies.partnerCategories, 1),
    fundingSources: some(taxonomies.fundingSources, 2).concat(random() < 0.5 ? [pick(taxonomies.fundingSources)] : []),
  };
};

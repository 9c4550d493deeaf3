/**
 * Generated published social reports for the observatory's benchmark (`npm run bench:observatory`):
 * `node dist/scripts/generate-reports.js <organisations> <first year> <last year>` adds that many
 * active cooperatives (tipo A, B and A+B, spread over the provinces) each with a published report
 * per year, made from a demo report with deterministic figures. Run on a stopped CMS's database:
 * the open-data middleware files each report's figures as it is published, as in production.
 */
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { ORGANISATION, PROVINCE, SOCIAL_REPORT } from '../src/access/content-types';
import { vatCheckDigit } from '../src/domain/tax-code';
import { readDataFile } from '../src/seed/data-files';
import { asWorkflow } from '../src/workflow/context';

const cmsDir = path.resolve(__dirname, '..', '..');
const TYPES = [
  'Cooperativa sociale di tipo A',
  'Cooperativa sociale di tipo B',
  'Cooperativa sociale ad oggetto misto (A+B)',
];

// A deterministic generator: every run makes the same reports.
let seed = 19;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const between = (low: number, high: number): number => Math.round(low + random() * (high - low));

type Report = Record<string, unknown> & { organisationSlug: string; publication?: unknown };

const generate = async (strapi: Core.Strapi, count: number, firstYear: number, lastYear: number): Promise<number> => {
  const [template] = readDataFile<Report[]>(strapi, 'demo', 'social-reports.json').filter(
    (report) => report.organisationSlug === 'terre-del-mincio',
  );
  if (!template) throw new Error('demo report of terre-del-mincio missing');
  const { organisationSlug: _slug, publication: _publication, year: _year, ...sections } = template;
  const provinces = (await strapi.db.query(PROVINCE).findMany({ select: ['documentId', 'code', 'capital'] })) as {
    documentId: string;
    code: string;
    capital: string;
  }[];
  let reports = 0;
  for (let index = 0; index < count; index += 1) {
    const type = TYPES[index % TYPES.length]!;
    const province = provinces[Math.floor(random() * provinces.length)]!;
    const firstTen = `${String(8_000_000 + index).padStart(7, '0')}${String(index % 100).padStart(3, '0')}`;
    const name = `Cooperativa Sociale Generata ${index + 1}`;
    const organisation = await strapi.documents(ORGANISATION).create({
      data: {
        name,
        slug: `generata-${index + 1}`,
        organisationType: type,
        legacoopMember: true,
        address: `Via della Cooperazione, ${index + 1}`,
        postalCode: '00100',
        city: province.capital,
        province: province.documentId,
        email: `info@generata-${index + 1}.example.it`,
        responsabile: {
          fullName: `Responsabile Generata ${index + 1}`,
          role: 'Presidente',
          email: `responsabile@generata-${index + 1}.example.it`,
          phone: '+39 02 555 0100',
        },
        taxCode: `${firstTen}${vatCheckDigit(firstTen)}`,
        platformStatus: 'Attiva',
      },
    } as never);
    for (let year = firstYear; year <= lastYear; year += 1) {
      const women = between(2, 60);
      const men = between(1, 40);
      const lowest = between(14_000, 20_000);
      const people = sections.people as Record<string, unknown>;
      const created = await strapi.documents(SOCIAL_REPORT).create({
        data: {
          ...sections,
          year,
          organisation: organisation.documentId,
          people: {
            ...people,
            staff: [{ kind: 'Dipendenti a tempo indeterminato', women, men }],
            volunteers: [{ kind: 'Volontari soci', count: between(0, 20) }],
            highestGrossPay: lowest * (1 + random() * 8),
            lowestGrossPay: lowest,
          },
          workIntegration:
            type === TYPES[0]
              ? null
              : {
                  ...(sections.workIntegration as Record<string, unknown>),
                  disadvantagedWorkers: [
                    {
                      category: 'Invalidi fisici, psichici e sensoriali',
                      count: Math.round((women + men) * (0.2 + random() * 0.3)),
                    },
                  ],
                },
          activities: {
            ...(sections.activities as Record<string, unknown>),
            beneficiaries: [{ category: 'Persone accompagnate', direct: between(10, 500), indirect: between(0, 800) }],
          },
          economics: {
            ...(sections.economics as Record<string, unknown>),
            revenues: [
              {
                kind: 'Ricavi da enti pubblici',
                description: 'Servizi in convenzione',
                amount: between(50_000, 2_000_000),
              },
              { kind: 'Ricavi da privati', description: 'Servizi a privati', amount: between(0, 800_000) },
              { kind: 'Contributi pubblici', description: 'Bandi pubblici', amount: between(0, 60_000) },
              { kind: 'Cinque per mille', description: '5 per mille', amount: between(0, 8_000) },
            ],
          },
        },
      } as never);
      await asWorkflow(() =>
        strapi
          .documents(SOCIAL_REPORT)
          .update({ documentId: created.documentId, data: { stage: 'Pubblicato' } } as never),
      );
      reports += 1;
    }
    if ((index + 1) % 25 === 0) process.stdout.write(`  ${index + 1}/${count} organizzazioni, ${reports} bilanci\n`);
  }
  return reports;
};

const run = async (): Promise<number> => {
  const [count = 250, firstYear = 2021, lastYear = 2024] = process.argv.slice(2).map(Number);
  process.env.COOP_BACKGROUND_WORKERS = 'false';
  const strapi = await createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') }).load();
  strapi.log.level = 'warn';
  try {
    const reports = await generate(strapi, count, firstYear, lastYear);
    process.stdout.write(`Generati ${reports} bilanci sociali pubblicati di ${count} organizzazioni\n`);
    return 0;
  } catch (error) {
    process.stdout.write(`Errore: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await strapi.destroy();
  }
};

void run().then((code) => process.exit(code));

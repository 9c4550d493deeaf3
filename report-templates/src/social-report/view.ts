import { drawBarChart, type BarChart } from '../charts.ts';
import {
  formatChange,
  formatDate,
  formatEuro,
  formatInteger,
  formatPercent,
  formatPercentPoints,
  formatRatio,
  formatYesNo,
} from '../format.ts';
import { monogram, prepareImage } from '../images.ts';
import type { ImageSet } from '../odt-pictures.ts';
import { hasWorkIntegration, isConsortium } from '../organisation.ts';
import { isBlank, toParagraphs } from '../rich-text.ts';
import { toAmount } from './content.ts';
import { computeIndicators, MIN_DISADVANTAGED_SHARE, type Indicators } from './indicators.ts';
import { SECTION_TITLES, unfilledItems, type UnfilledItem } from './mandatory-items.ts';
import { summaryFigures, type SummaryFigure } from './summary.ts';
import type { SocialReportDocument } from './types.ts';

type Fact = { label: string; value: string };
type TextBlock = { title: string; paragraphs: { text: string }[] };
type Section = { title: string; texts: TextBlock[]; omitted: { text: string }[]; facts: Fact[] };

const LOGO_PIXELS = 600;
const DASH = '—';

const texts = (fields: [string, string | null | undefined][]): TextBlock[] =>
  fields
    .filter(([, text]) => !isBlank(text))
    .map(([title, text]) => ({
      title,
      paragraphs: toParagraphs(text).map((p) => ({ text: p.bullet ? `•  ${p.text}` : p.text })),
    }));

const euro = (value: number | null): string => (value === null ? DASH : formatEuro(value));
const count = (value: number | null | undefined): string =>
  value === null || value === undefined ? DASH : formatInteger(value);

const section = (
  number: number,
  unfilled: UnfilledItem[],
  fields: [string, string | null | undefined][],
  facts: Fact[] = [],
): Section => ({
  title: `${number}. ${SECTION_TITLES[number - 1]}`,
  texts: texts(fields),
  omitted: unfilled
    .filter((item) => item.section === number)
    .map((item) => ({
      text:
        item.reason === null
          ? `${item.label}: voce obbligatoria non ancora compilata.`
          : `${item.label}: voce non compilata. Motivo: ${item.reason}`,
    })),
  facts,
});

const showFigure = (value: number | null, unit: SummaryFigure['unit']): string =>
  value === null ? DASH : unit === 'euro' ? formatEuro(value) : formatInteger(value);

/** "Dati in sintesi": a change only between two figures actually entered. */
const summaryRows = (figures: SummaryFigure[]) =>
  figures.map((figure) => ({
    label: figure.label,
    current: showFigure(figure.current, figure.unit),
    previous: showFigure(figure.previous, figure.unit),
    change: figure.current === null || figure.previous === null ? '' : formatChange(figure.current, figure.previous),
  }));

export const DRAFT_MARK = 'BOZZA — non valida per il deposito';

const attestationFacts = (data: SocialReportDocument): Fact[] => {
  const attestation = data.attestation;
  if (!attestation) {
    return [
      {
        label: 'Attestazione di conformità dell’organo di controllo',
        value: 'Non ancora allegata: va acquisita prima dell’approvazione dell’assemblea',
      },
    ];
  }
  if (attestation.kind === 'no-control-body') {
    return [
      { label: 'Organo di controllo', value: 'Non nominato' },
      { label: 'Motivo', value: attestation.reason },
    ];
  }
  return [
    { label: 'Organo di controllo', value: attestation.bodyName },
    {
      label: 'Attestazione di conformità alle linee guida',
      value: `Rilasciata il ${formatDate(attestation.date)}, allegata al bilancio sociale${attestation.fileName ? ` (${attestation.fileName})` : ''}`,
    },
  ];
};

/** The documents that go with the report, listed in section 8. */
const attachments = (data: SocialReportDocument): { text: string }[] =>
  data.attestation?.kind === 'attestation'
    ? [
        {
          text: `Attestazione di conformità dell’organo di controllo (${data.attestation.bodyName}, ${formatDate(data.attestation.date)})${data.attestation.fileName ? `: file ${data.attestation.fileName}` : ''}`,
        },
      ]
    : [];

/** What the PDF says about itself: title, author, subject and keywords with the year. */
export const socialReportMetadata = (data: SocialReportDocument) => ({
  fileName: `bilancio-sociale-${data.report.year}-${data.organisation.name}`,
  title: `Bilancio sociale ${data.report.year} · ${data.organisation.name}`,
  author: data.organisation.name,
  subject: `Bilancio sociale dell’esercizio ${data.report.year} (d.lgs. 112/2017, DM 4 luglio 2019)${data.approvalDate ? '' : ` · ${DRAFT_MARK}`}`,
  keywords: ['bilancio sociale', String(data.report.year), data.organisation.name],
});

export type ReportChart = { chart: BarChart; alt: string };

/**
 * The report's two charts as data (the PDF rasterises them, the portal draws them): workers by kind,
 * and revenues by source beside last year's when last year gives them.
 */
export const socialReportCharts = (data: SocialReportDocument): { workers: ReportChart; revenues: ReportChart } => {
  const { report, previousYear } = data;
  const type = report.organisationType ?? data.organisation.organisationType;
  const staff = report.people?.staff ?? [];
  const current = computeIndicators(report, type);
  const lastYearRevenues = previousYear ? summaryFigures(previousYear, null).find((f) => f.key === 'revenues') : null;
  const previous = previousYear && lastYearRevenues?.current !== null ? computeIndicators(previousYear, type) : null;
  const revenueKinds = [
    ...new Set([...current.revenues.byKind, ...(previous?.revenues.byKind ?? [])].map((line) => line.kind)),
  ];
  const amountIn = (indicators: Indicators, kind: string): number =>
    indicators.revenues.byKind.find((line) => line.kind === kind)?.amount ?? 0;
  return {
    workers: {
      chart: {
        title: `Lavoratori per tipologia al 31 dicembre ${report.year}`,
        categories: staff.map((group) => group.kind),
        series: [
          { label: 'Donne', colour: '#2f6f5e', values: staff.map((group) => group.women ?? 0) },
          { label: 'Uomini', colour: '#9cc5b8', values: staff.map((group) => group.men ?? 0) },
        ],
        layout: 'stacked',
        unit: 'people',
      },
      alt: `Grafico: lavoratori per tipologia nel ${report.year}, donne e uomini`,
    },
    revenues: {
      chart: {
        title: previous
          ? `Ricavi e proventi per fonte, ${report.year} e ${report.year - 1}`
          : `Ricavi e proventi per fonte, ${report.year}`,
        categories: revenueKinds,
        series: [
          {
            label: String(report.year),
            colour: '#1f6f8b',
            values: revenueKinds.map((kind) => amountIn(current, kind)),
          },
          ...(previous
            ? [
                {
                  label: String(report.year - 1),
                  colour: '#a9cbd8',
                  values: revenueKinds.map((kind) => amountIn(previous, kind)),
                },
              ]
            : []),
        ],
        layout: 'grouped',
        unit: 'euro',
      },
      alt: `Grafico: ricavi e proventi per fonte nel ${report.year}${previous ? ` confrontati con il ${report.year - 1}` : ''}`,
    },
  };
};

/**
 * What the document says, section by section, every figure already formatted in Italian: the
 * template's values without the pictures. The portal shows the same as the PDF from it.
 */
export const socialReportView = (data: SocialReportDocument, now: Date) => {
  const { organisation, report, previousYear } = data;
  const type = report.organisationType ?? organisation.organisationType;
  const consortium = isConsortium(type) ? (data.consortium ?? null) : null;
  const unfilled = unfilledItems(report, type, consortium?.members.length ?? 0);
  const current = computeIndicators(report, type);

  const isDraft = !data.approvalDate;
  const summary = summaryFigures(report, previousYear);
  const staff = report.people?.staff ?? [];

  const people = report.people;
  const payRatio = current.payRatio;
  const workIntegration = report.workIntegration;
  const disadvantaged = current.disadvantaged;
  const place = [organisation.address, [organisation.postalCode, organisation.city].filter(Boolean).join(' ')]
    .filter((part) => !isBlank(part))
    .join(', ');

  return {
    title: `Bilancio sociale ${report.year}`,
    // Every page of a document not yet approved says so, in its header.
    draftMark: isDraft ? DRAFT_MARK : '',
    cover: {
      name: organisation.name,
      type,
      year: String(report.year),
      identity: [
        `C.F. ${organisation.taxCode}`,
        `sede legale: ${report.generalInfo?.registeredOffice ?? (place || DASH)}`,
      ].join(' · '),
      draft: isDraft ? DRAFT_MARK : '',
      approval: data.approvalDate ? `Approvato dall’assemblea dei soci il ${formatDate(data.approvalDate)}` : '',
      deposit: data.depositDate
        ? `Depositato al Registro delle imprese il ${formatDate(data.depositDate)}${data.depositProtocol ? `, protocollo n. ${data.depositProtocol}` : ''}`
        : '',
      // An approved report carries its approval date; only a draft says when it was printed.
      generatedOn: isDraft ? `Bozza generata il ${formatDate(now)}` : '',
    },
    summary: {
      hasComparison: previousYear !== null && previousYear !== undefined,
      previousYear: previousYear ? String(previousYear.year) : '',
      rows: summaryRows(summary),
    },
    s1: section(1, unfilled, [
      ['Standard di rendicontazione adottati', report.methodology?.standards],
      ['Cambiamenti di perimetro e di metodo', report.methodology?.perimeterChanges],
    ]),
    s2: section(
      2,
      unfilled,
      [
        ['Sedi operative', report.generalInfo?.operatingSeats],
        ['Aree territoriali di operatività', report.generalInfo?.territorialAreas],
        ['Missione e valori', report.generalInfo?.missionValues],
        ['Attività statutarie', report.generalInfo?.statutoryActivities],
        ['Altre attività', report.generalInfo?.otherActivities],
        ['Reti e consorzi', report.generalInfo?.networks],
        ['Contesto di riferimento', report.generalInfo?.context],
      ],
      [
        { label: 'Denominazione', value: organisation.name },
        { label: 'Tipologia', value: type },
        { label: 'Codice fiscale', value: organisation.taxCode },
        { label: 'Partita IVA', value: organisation.vatNumber ?? DASH },
        { label: 'Forma giuridica', value: report.generalInfo?.legalForm ?? DASH },
        { label: 'Sede legale', value: report.generalInfo?.registeredOffice ?? (place || DASH) },
        { label: 'Anno di costituzione', value: organisation.foundedYear ? String(organisation.foundedYear) : DASH },
        { label: 'E-mail e PEC', value: [organisation.email, organisation.pec].filter(Boolean).join(' · ') || DASH },
        { label: 'Sito web', value: organisation.website ?? DASH },
      ],
    ),
    s3: {
      ...section(3, unfilled, [
        ['Democrazia interna e partecipazione', report.governance?.democracy],
        ['Coinvolgimento di lavoratori e utenti', report.governance?.workerUserInvolvement],
      ]),
      members: (report.governance?.memberGroups ?? []).map((group) => ({
        kind: group.kind,
        count: count(group.count),
      })),
      membersTotal: formatInteger(current.members),
      bodies: (report.governance?.bodies ?? []).map((body) => ({
        name: body.name || body.kind,
        kind: body.kind,
        meetings: count(body.meetingsCount),
      })),
      bodyMembers: (report.governance?.bodies ?? []).flatMap((body) =>
        (body.members ?? []).map((member) => ({
          body: body.name || body.kind,
          name: member.fullName,
          role: member.role ?? DASH,
          firstAppointment: member.firstAppointment ? formatDate(member.firstAppointment) : DASH,
          termEnd: member.termEnd ? formatDate(member.termEnd) : DASH,
        })),
      ),
      stakeholders: (report.governance?.stakeholders ?? []).map((stakeholder) => ({
        name: stakeholder.name,
        category: stakeholder.category,
        level: stakeholder.involvementLevel ?? DASH,
        involvement: stakeholder.involvement ?? '',
      })),
      isConsortium: consortium !== null,
      consortiumMembers: (consortium?.members ?? []).map((member) => ({
        name: member.name,
        hasReport: member.hasReport ? `Sì (${report.year})` : 'Non ancora presentato',
      })),
    },
    s4: {
      ...section(
        4,
        unfilled,
        [
          ['Formazione', people?.training],
          ['Compensi degli organi e dei dirigenti', people?.bodiesPay],
          ['Motivo del limite 1:12', people?.payRatioCap === '1:12' ? people.payRatioCapReason : null],
        ],
        [
          { label: 'Contratto collettivo applicato', value: people?.collectiveAgreement ?? DASH },
          { label: 'Ore di formazione erogate', value: count(people?.trainingHours) },
          { label: 'Retribuzione annua lorda massima', value: euro(toAmount(people?.highestGrossPay)) },
          { label: 'Retribuzione annua lorda minima', value: euro(toAmount(people?.lowestGrossPay)) },
          {
            label: 'Rapporto tra retribuzione massima e minima',
            value: payRatio
              ? `${formatRatio(payRatio.value)} (limite 1:${payRatio.cap}): ${payRatio.exceedsCap ? 'supera il limite di legge' : 'entro il limite di legge'}`
              : DASH,
          },
          {
            label: 'Rimborsi spese ai volontari',
            value:
              toAmount(people?.volunteerRefundsTotal) === null
                ? DASH
                : `${euro(toAmount(people?.volunteerRefundsTotal))} a ${count(people?.volunteerRefundsCount)} volontari`,
          },
        ],
      ),
      staff: staff.map((group) => ({
        kind: group.kind,
        women: count(group.women),
        men: count(group.men),
        total: formatInteger((group.women ?? 0) + (group.men ?? 0)),
      })),
      staffTotal: {
        women: formatInteger(current.workers.women),
        men: formatInteger(current.workers.men),
        total: formatInteger(current.workers.total),
      },
      volunteers: (people?.volunteers ?? []).map((group) => ({ kind: group.kind, count: count(group.count) })),
      volunteersTotal: formatInteger(current.volunteers),
      hasWorkIntegration: hasWorkIntegration(type),
      disadvantaged: (workIntegration?.disadvantagedWorkers ?? []).map((group) => ({
        category: group.category,
        count: count(group.count),
      })),
      disadvantagedTotal: formatInteger(disadvantaged?.count ?? 0),
      disadvantagedShare: disadvantaged
        ? `I lavoratori svantaggiati sono ${formatInteger(disadvantaged.count)} su ${formatInteger(current.workers.total)}, pari al ${formatPercent(disadvantaged.share)} dei lavoratori: ${
            disadvantaged.belowMinimum ? 'sotto' : 'sopra'
          } il minimo del ${formatPercent(MIN_DISADVANTAGED_SHARE)} richiesto dalla legge 381/1991 (art. 4).`
        : '',
      workIntegrationTexts: texts([
        ['Percorsi di inserimento lavorativo', workIntegration?.integrationPaths],
        ['Settori di inserimento', workIntegration?.sectors],
      ]),
    },
    s5: {
      ...section(5, unfilled, [
        ['Attività svolte', report.activities?.actions],
        ['Prodotti e servizi erogati (output)', report.activities?.outputs],
        ['Risultati e impatti (outcome)', report.activities?.outcomes],
        ['Certificazioni di qualità', report.activities?.certifications],
        ['Obiettivi raggiunti e non raggiunti', report.activities?.objectives],
        ['Rischi e loro gestione', report.activities?.risks],
      ]),
      beneficiaries: (report.activities?.beneficiaries ?? []).map((group) => ({
        category: group.category,
        direct: count(group.direct),
        indirect: count(group.indirect),
      })),
      beneficiariesTotal: {
        direct: formatInteger(current.beneficiaries.direct),
        indirect: formatInteger(current.beneficiaries.indirect),
      },
    },
    s6: {
      ...section(
        6,
        unfilled,
        [
          ['Raccolta fondi', report.economics?.fundraising],
          ['Criticità e azioni di mitigazione', report.economics?.criticalIssues],
          ['Dati aggregati delle associate', consortium ? report.consortium?.aggregationNotes : null],
          ['Servizi comuni del consorzio', consortium ? report.consortium?.commonServices : null],
        ],
        [
          { label: 'Ricavi e proventi totali', value: formatEuro(current.revenues.total) },
          { label: 'di cui contributi pubblici', value: formatEuro(current.revenues.publicContributions) },
          {
            label: 'di cui contributi privati (anche cinque per mille e donazioni)',
            value: formatEuro(current.revenues.privateContributions),
          },
          { label: 'Costi totali', value: euro(toAmount(report.economics?.totalCosts)) },
          { label: "Risultato d'esercizio", value: euro(toAmount(report.economics?.netResult)) },
        ],
      ),
      revenues: (report.economics?.revenues ?? []).map((line) => ({
        kind: line.kind,
        description: line.description ?? '',
        amount: euro(toAmount(line.amount)),
      })),
      revenuesTotal: formatEuro(current.revenues.total),
      isConsortium: consortium !== null,
      consortiumFacts: consortium
        ? [
            { label: 'Organizzazioni associate', value: formatInteger(consortium.members.length) },
            {
              label: 'Associate con bilancio sociale dell’anno',
              value: formatInteger(consortium.members.filter((m) => m.hasReport).length),
            },
            { label: 'Lavoratori delle associate', value: formatInteger(consortium.workers) },
            { label: 'Volontari delle associate', value: formatInteger(consortium.volunteers) },
            { label: 'Lavoratori svantaggiati delle associate', value: formatInteger(consortium.disadvantagedWorkers) },
            { label: 'Ricavi delle associate', value: formatEuro(consortium.revenues) },
            { label: 'di cui contributi pubblici', value: formatEuro(consortium.publicContributions) },
            { label: 'di cui contributi privati', value: formatEuro(consortium.privateContributions) },
          ]
        : [],
    },
    s7: section(7, unfilled, [
      ['Contenziosi e controversie', report.otherInfo?.disputes],
      ['Informazioni ambientali', report.otherInfo?.environmental],
      ['Parità di genere', report.otherInfo?.genderEquality],
      ['Rispetto dei diritti umani', report.otherInfo?.humanRights],
      ['Prevenzione della corruzione', report.otherInfo?.antiCorruption],
      ['Riunioni degli organi che hanno approvato il bilancio sociale', report.otherInfo?.approvalMeetings],
    ]),
    s8: {
      ...section(
        8,
        unfilled,
        [
          ['Monitoraggio svolto', report.controlMonitoring?.monitoring],
          ['Esiti e attestazione di conformità', report.controlMonitoring?.attestation],
        ],
        [
          ...attestationFacts(data),
          {
            label: 'Ricavi da attività di interesse generale sul totale (minimo 70%)',
            value:
              toAmount(report.controlMonitoring?.generalInterestRevenueShare) === null
                ? DASH
                : formatPercentPoints(toAmount(report.controlMonitoring?.generalInterestRevenueShare) ?? 0),
          },
          {
            label: 'Assenza di distribuzione di utili',
            value:
              report.controlMonitoring?.noProfitDistribution === null ||
              report.controlMonitoring?.noProfitDistribution === undefined
                ? DASH
                : formatYesNo(report.controlMonitoring.noProfitDistribution),
          },
        ],
      ),
      attachments: attachments(data),
      hasAttachments: attachments(data).length > 0,
    },
  };
};

export type SocialReportView = ReturnType<typeof socialReportView>;

/** The template's values: the document's view with the logo and the charts as pictures. */
export const buildSocialReportView = async (data: SocialReportDocument, images: ImageSet, now: Date) => {
  const view = socialReportView(data, now);
  const { organisation } = data;
  const charts = socialReportCharts(data);
  const [logo, workersChart, revenueChart] = await Promise.all([
    organisation.logo
      ? prepareImage(organisation.logo, LOGO_PIXELS, `logo di ${organisation.name}`)
      : monogram(organisation.name),
    drawBarChart(charts.workers.chart, charts.workers.alt),
    drawBarChart(charts.revenues.chart, charts.revenues.alt),
  ]);
  return {
    ...view,
    cover: { ...view.cover, logo: images.add(logo), logoAlt: logo.alt },
    s4: { ...view.s4, workersChart: images.add(workersChart), workersChartAlt: workersChart.alt },
    s6: { ...view.s6, revenueChart: images.add(revenueChart), revenueChartAlt: revenueChart.alt },
  };
};

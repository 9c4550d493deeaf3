import type { AdminView } from './content-labels';

const labels = (fields: Record<string, string>, mainField?: string): AdminView => ({
  ...(mainField ? { mainField } : {}),
  fields: Object.fromEntries(Object.entries(fields).map(([field, label]) => [field, { label }])),
});

export const COMPONENT_VIEWS: Record<string, AdminView> = {
  'contact.person': labels(
    { fullName: 'Nome e cognome', role: 'Ruolo', email: 'E-mail', phone: 'Telefono' },
    'fullName',
  ),
  'contact.project-contact': {
    mainField: 'fullName',
    fields: {
      fullName: { label: 'Nome e cognome' },
      email: { label: 'E-mail' },
      phone: { label: 'Telefono' },
      isPublic: {
        label: 'Contatti pubblici sul portale',
        description: 'Se disattivo, nome, e-mail e telefono restano riservati alla rete.',
      },
    },
  },
  'media.photo': {
    mainField: 'alt',
    fields: {
      image: { label: 'Immagine' },
      alt: {
        label: 'Testo alternativo',
        description: 'Obbligatorio: descrive la foto a chi non può vederla (massimo 250 caratteri).',
      },
      caption: { label: 'Didascalia' },
    },
  },
  'report.methodology': labels({
    standards: 'Standard di rendicontazione adottati',
    perimeterChanges: 'Cambiamenti di perimetro o di metodo rispetto all’anno precedente',
  }),
  'report.general-info': labels({
    legalForm: 'Forma giuridica',
    registeredOffice: 'Sede legale',
    operatingSeats: 'Sedi operative',
    territorialAreas: 'Aree territoriali di operatività',
    missionValues: 'Missione e valori',
    statutoryActivities: 'Attività statutarie (art. 2 d.lgs. 112/2017, art. 1 L. 381/1991)',
    otherActivities: 'Altre attività',
    networks: 'Reti e consorzi di appartenenza',
    context: 'Contesto di riferimento',
  }),
  'report.member-group': labels({ kind: 'Tipologia di soci', count: 'Numero' }, 'kind'),
  'report.body-member': labels(
    {
      fullName: 'Nome e cognome',
      role: 'Carica',
      firstAppointment: 'Data di prima nomina',
      termEnd: 'Scadenza del mandato',
    },
    'fullName',
  ),
  'report.governing-body': labels(
    { kind: 'Organo', name: 'Denominazione', meetingsCount: 'Riunioni nell’anno', members: 'Componenti' },
    'kind',
  ),
  'report.stakeholder': labels(
    {
      name: 'Stakeholder',
      category: 'Interno o esterno',
      involvementLevel: 'Livello di coinvolgimento',
      involvement: 'Come è coinvolto',
    },
    'name',
  ),
  'report.governance': labels({
    memberGroups: 'Base sociale per tipologia',
    bodies: 'Organi di governo e di controllo',
    democracy: 'Democraticità interna e partecipazione',
    stakeholders: 'Mappa degli stakeholder',
    workerUserInvolvement: 'Coinvolgimento di lavoratori e utenti (art. 11 d.lgs. 112/2017)',
  }),
  'report.staff-group': labels({ kind: 'Tipologia', women: 'Donne', men: 'Uomini' }, 'kind'),
  'report.volunteer-group': labels({ kind: 'Tipologia', count: 'Numero' }, 'kind'),
  'report.people': {
    fields: {
      staff: { label: 'Lavoratori per tipologia' },
      volunteers: { label: 'Volontari' },
      training: { label: 'Formazione' },
      trainingHours: { label: 'Ore di formazione' },
      collectiveAgreement: { label: 'Contratto collettivo applicato' },
      bodiesPay: { label: 'Compensi di organi e dirigenti' },
      highestGrossPay: { label: 'Retribuzione annua lorda massima (€)' },
      lowestGrossPay: { label: 'Retribuzione annua lorda minima (€)' },
      payRatioCap: {
        label: 'Limite del rapporto retributivo',
        description: '1:8, oppure 1:12 dove servono specifiche competenze (da motivare).',
      },
      payRatioCapReason: { label: 'Motivazione del limite 1:12' },
      volunteerRefundsTotal: { label: 'Rimborsi ai volontari: importo totale (€)' },
      volunteerRefundsCount: { label: 'Rimborsi ai volontari: numero di volontari' },
    },
  },
  'report.disadvantaged-group': labels({ category: 'Categoria (art. 4 L. 381/1991)', count: 'Numero' }, 'category'),
  'report.work-integration': labels({
    disadvantagedWorkers: 'Lavoratori svantaggiati',
    integrationPaths: 'Percorsi di inserimento',
    sectors: 'Settori di attività',
  }),
  'report.beneficiary-group': labels({ category: 'Beneficiari', direct: 'Diretti', indirect: 'Indiretti' }, 'category'),
  'report.activities': labels({
    actions: 'Attività svolte',
    beneficiaries: 'Beneficiari diretti e indiretti',
    outputs: 'Output',
    outcomes: 'Outcome',
    certifications: 'Certificazioni di qualità',
    objectives: 'Obiettivi raggiunti o mancati, e perché',
    risks: 'Rischi e come sono gestiti',
  }),
  'report.revenue-line': labels({ kind: 'Provenienza', description: 'Descrizione', amount: 'Importo (€)' }, 'kind'),
  'report.economics': labels({
    revenues: 'Proventi per provenienza',
    totalCosts: 'Costi totali (€)',
    netResult: 'Risultato d’esercizio (€)',
    fundraising: 'Raccolta fondi',
    criticalIssues: 'Criticità e azioni di mitigazione',
  }),
  'report.other-info': labels({
    disputes: 'Contenziosi e controversie',
    environmental: 'Informazioni ambientali',
    genderEquality: 'Parità di genere',
    humanRights: 'Rispetto dei diritti umani',
    antiCorruption: 'Prevenzione della corruzione',
    approvalMeetings: 'Riunioni degli organi che hanno approvato il bilancio',
  }),
  'report.control-monitoring': labels({
    monitoring: 'Monitoraggio svolto dall’organo di controllo',
    generalInterestRevenueShare: 'Ricavi da attività di interesse generale (% sul totale)',
    noProfitDistribution: 'Nessuna distribuzione di utili',
    attestation: 'Attestazione di conformità',
  }),
  'report.control-attestation': labels({
    noControlBody: 'Nessun organo di controllo',
    bodyName: 'Organo di controllo',
    date: 'Data dell’attestazione',
    file: 'Attestazione (PDF)',
    noControlBodyReason: 'Motivo dell’assenza dell’organo di controllo',
    recordedBy: 'Registrata da',
  }),
  'report.consortium-data': labels({
    aggregationNotes: 'Dati aggregati delle associate',
    commonServices: 'Servizi comuni offerti alle associate',
  }),
  'report.omission': labels({ item: 'Voce omessa', reason: 'Motivazione' }, 'item'),
};

import { MAX_IMAGE_BYTES } from '../domain/media-rules';
import { PRACTICE_CARD_TEXT_LIMITS } from '../domain/practice-card-rules';

/** `editable: false` for fields the platform fills in itself. */
export type FieldLabel = { label: string; description?: string; placeholder?: string; editable?: false };

/** How a content type or component shows in the admin: Italian labels, hints, list columns. */
export type AdminView = {
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  listFields?: string[];
  /** Edit form rows: field names with their width in twelfths. */
  editRows?: [string, number][][];
  fields: Record<string, FieldLabel>;
};

const imageHint = `Solo immagini (JPEG, PNG, WebP, GIF), al massimo ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
const limit = (field: keyof typeof PRACTICE_CARD_TEXT_LIMITS, hint: string): FieldLabel => ({
  label: PRACTICE_CARD_TEXT_LIMITS[field].label,
  description: `${hint} (massimo ${PRACTICE_CARD_TEXT_LIMITS[field].max} caratteri; accenti ed emoji contano uno)`,
});
const taxonomy = (nameHint: string): AdminView => ({
  mainField: 'name',
  defaultSortBy: 'position',
  listFields: ['name', 'position'],
  fields: {
    name: { label: 'Nome', description: nameHint },
    slug: { label: 'Identificativo nel sito', description: 'Si ricava dal nome; compare negli indirizzi del portale.' },
    position: { label: 'Ordine', description: 'Posizione negli elenchi (1 = primo).' },
  },
});

export const CONTENT_TYPE_VIEWS: Record<string, AdminView> = {
  'api::region.region': {
    mainField: 'name',
    defaultSortBy: 'istatCode',
    listFields: ['name', 'istatCode'],
    fields: {
      name: { label: 'Nome' },
      slug: { label: 'Identificativo nel sito' },
      istatCode: { label: 'Codice ISTAT', description: 'Due cifre, es. 03 per la Lombardia.' },
      provinces: { label: 'Province' },
    },
  },
  'api::province.province': {
    mainField: 'name',
    defaultSortBy: 'name',
    listFields: ['name', 'code', 'region', 'kind'],
    fields: {
      name: { label: 'Nome' },
      slug: { label: 'Identificativo nel sito' },
      code: { label: 'Sigla', description: 'Due lettere maiuscole, es. MI.' },
      istatCode: { label: 'Codice ISTAT', description: 'Tre cifre, es. 015 per Milano.' },
      kind: { label: 'Tipo di ente' },
      capital: { label: 'Capoluogo' },
      latitude: { label: 'Latitudine del capoluogo' },
      longitude: { label: 'Longitudine del capoluogo' },
      region: { label: 'Regione' },
    },
  },
  'api::innovation-area.innovation-area': {
    ...taxonomy('Il nome dell’ambito come compare nella scheda di rilevazione.'),
    fields: {
      ...taxonomy('').fields,
      name: { label: 'Nome dell’ambito' },
      definition: { label: 'Definizione', description: 'Il testo che il portale mostra per spiegare l’ambito.' },
      practiceCards: { label: 'Schede pratica' },
    },
  },
  'api::partner-category.partner-category': taxonomy('Categoria di partner, es. "PA e EE.LL.".'),
  'api::funding-source.funding-source': {
    ...taxonomy('Forma di finanziamento, es. "Fondazioni".'),
    fields: {
      ...taxonomy('').fields,
      name: { label: 'Nome' },
      requiresDetail: {
        label: 'Richiede di specificare',
        description: 'Se attivo (come per "Altre"), la scheda deve dire quale finanziamento.',
      },
    },
  },
  'api::service-area.service-area': taxonomy('Area di servizio dei consorzi, es. "Minori".'),
  'api::organisation.organisation': {
    mainField: 'name',
    defaultSortBy: 'name',
    listFields: ['name', 'organisationType', 'city', 'province', 'platformStatus'],
    fields: {
      name: { label: 'Denominazione' },
      slug: { label: 'Identificativo nel sito' },
      organisationType: {
        label: 'Tipologia',
        description: 'Decide quale modulo di bilancio sociale riceve l’organizzazione.',
      },
      taxCode: {
        label: 'Codice fiscale',
        description: '11 cifre per un ente (o 16 caratteri); si verifica la cifra di controllo.',
      },
      vatNumber: { label: 'Partita IVA', description: '11 cifre con la cifra di controllo.' },
      legacoopMember: { label: 'Aderente a Legacoop' },
      platformStatus: {
        label: 'Stato sulla piattaforma',
        description: 'In attesa di verifica, Attiva (visibile sul portale) o Sospesa.',
      },
      address: { label: 'Indirizzo', placeholder: 'Via Tolmezzo, 3' },
      postalCode: { label: 'CAP', placeholder: '20132' },
      city: { label: 'Comune' },
      province: { label: 'Provincia', description: 'La regione si ricava dalla provincia.' },
      latitude: { label: 'Latitudine', description: 'Facoltativa: se vuota, la mappa usa il capoluogo di provincia.' },
      longitude: { label: 'Longitudine' },
      email: { label: 'E-mail' },
      pec: { label: 'PEC' },
      website: { label: 'Sito web', placeholder: 'https://www.cooperativa.it' },
      phone: { label: 'Telefono' },
      foundedYear: { label: 'Anno di fondazione' },
      description: { label: 'Presentazione', description: 'Chi siete, cosa fate, per chi e dove.' },
      logo: { label: 'Logo', description: imageHint },
      responsabile: {
        label: 'Responsabile per la piattaforma',
        description: 'Riceve le credenziali, conferma l’anagrafica, convalida il bilancio sociale.',
      },
      members: { label: 'Organizzazioni associate', description: 'Solo per i consorzi.' },
      memberOf: { label: 'Consorzi di appartenenza' },
      practiceCards: { label: 'Schede pratica' },
      socialReports: { label: 'Bilanci sociali' },
      consortiumServices: { label: 'Servizi consortili' },
    },
  },
  'api::practice-card.practice-card': {
    mainField: 'title',
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    listFields: ['title', 'organisation', 'innovationArea', 'province', 'stage', 'updatedAt'],
    editRows: [
      [
        ['title', 8],
        ['startYear', 4],
      ],
      [
        ['organisation', 6],
        ['innovationArea', 6],
      ],
      [
        ['intentPartnershipAbsent', 6],
        ['intentPartners', 6],
      ],
      [
        ['economicPartnershipAbsent', 6],
        ['economicPartners', 6],
      ],
      [
        ['fundingSources', 6],
        ['fundingOtherDetail', 6],
      ],
      [['description', 12]],
      [['innovationElements', 12]],
      [['evaluation', 12]],
      [['impactEvaluation', 6]],
      [['contact', 12]],
      [
        ['province', 6],
        ['city', 6],
      ],
      [['photos', 12]],
      [
        ['slug', 6],
        ['stage', 6],
      ],
    ],
    fields: {
      title: {
        label: 'Nome progetto',
        description: 'La pratica innovativa selezionata; se non ha un nome, un titolo che la rappresenti.',
      },
      slug: { label: 'Identificativo nel sito' },
      organisation: { label: 'Cooperativa proponente' },
      innovationArea: { label: 'Ambito di innovazione', description: 'Selezionare un solo ambito.' },
      intentPartnershipAbsent: {
        label: 'Partnership di intenti: non presente',
        description:
          'Collaborazione formalizzata tra due o più soggetti. Attivare se non c’è, oppure indicare i partner.',
      },
      intentPartners: { label: 'Partnership di intenti: partner' },
      economicPartnershipAbsent: {
        label: 'Partnership economica: non presente',
        description:
          'Partecipazione economica dei soggetti del partenariato. Attivare se non c’è, oppure indicare i partner.',
      },
      economicPartners: { label: 'Partnership economica: partner' },
      fundingSources: { label: 'Forme di finanziamento attivate' },
      fundingOtherDetail: {
        label: 'Altre forme di finanziamento: specificare',
        description: 'Obbligatorio se si seleziona "Altre".',
      },
      description: limit(
        'description',
        'Obiettivi, target di riferimento, ambito settoriale e attività previste per realizzare il progetto',
      ),
      innovationElements: limit(
        'innovationElements',
        'Gli elementi di innovazione del progetto in relazione all’ambito selezionato',
      ),
      evaluation: limit(
        'evaluation',
        'Stato di avanzamento, risultati, punti di forza e criticità, indicatori chiave usati per monitorare gli effetti',
      ),
      impactEvaluation: { label: 'È prevista una valutazione di impatto?' },
      contact: { label: 'Referente del progetto', description: 'Nome, telefono ed e-mail.' },
      photos: { label: 'Foto (facoltative)', description: `Foto che rappresentino il progetto. ${imageHint}` },
      province: { label: 'Provincia della pratica' },
      city: { label: 'Comune della pratica' },
      startYear: { label: 'Anno di avvio' },
      stage: {
        label: 'Stato redazionale',
        description: 'Cambia con i pulsanti del riquadro «Flusso redazionale».',
        editable: false,
      },
    },
  },
  'api::social-report.social-report': {
    mainField: 'title',
    defaultSortBy: 'year',
    defaultSortOrder: 'DESC',
    listFields: ['title', 'organisation', 'organisationType', 'stage', 'updatedAt'],
    fields: {
      title: { label: 'Bilancio', description: 'Si compone da anno e organizzazione.', editable: false },
      organisation: { label: 'Organizzazione' },
      year: { label: 'Anno di riferimento', description: 'Un solo bilancio sociale per organizzazione e anno.' },
      organisationType: {
        label: 'Tipologia',
        description:
          'Presa dall’organizzazione: decide le parti del modulo (es. inserimento lavorativo per il tipo B).',
      },
      stage: {
        label: 'Stato',
        description: 'In compilazione, confermato dal Responsabile, approvato dall’assemblea, depositato, pubblicato.',
        editable: false,
      },
      approvalDate: { label: 'Data di approvazione dell’assemblea', editable: false },
      depositDate: { label: 'Data di deposito', editable: false },
      depositProtocol: {
        label: 'Protocollo del deposito',
        description: 'Il numero di protocollo della pratica al Registro delle imprese.',
        editable: false,
      },
      methodology: { label: '1. Metodologia adottata' },
      generalInfo: { label: '2. Informazioni generali sull’ente' },
      governance: { label: '3. Struttura, governo e amministrazione' },
      people: { label: '4. Persone che operano per l’ente' },
      workIntegration: {
        label: '4 bis. Inserimento lavorativo',
        description: 'Tipo B e A+B: i lavoratori svantaggiati devono essere almeno il 30% dei lavoratori.',
      },
      consortium: { label: '3 bis. Consorzio: associate e dati aggregati' },
      activities: { label: '5. Obiettivi e attività' },
      economics: {
        label: '6. Situazione economico-finanziaria',
        description: 'Contributi pubblici e privati sono indicati separatamente.',
      },
      otherInfo: { label: '7. Altre informazioni' },
      controlMonitoring: { label: '8. Monitoraggio svolto dall’organo di controllo' },
      omissions: {
        label: 'Voci omesse e motivazioni',
        description: 'Le linee guida chiedono di spiegare perché una voce obbligatoria manca.',
      },
    },
  },
  'api::registration-request.registration-request': {
    mainField: 'organisationName',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    listFields: ['organisationName', 'organisationType', 'city', 'requestStatus', 'createdAt'],
    fields: {
      organisationName: { label: 'Organizzazione' },
      organisationType: { label: 'Tipologia' },
      taxCode: { label: 'Codice fiscale' },
      vatNumber: { label: 'Partita IVA' },
      legacoopMember: { label: 'Aderente a Legacoop' },
      address: { label: 'Indirizzo' },
      postalCode: { label: 'CAP' },
      city: { label: 'Comune' },
      province: { label: 'Provincia' },
      email: { label: 'E-mail' },
      pec: { label: 'PEC' },
      responsabile: { label: 'Responsabile per la piattaforma' },
      requestStatus: {
        label: 'Stato della richiesta',
        description: 'Si approva o si respinge dal riquadro «Verifica» a destra.',
        editable: false,
      },
      rejectionReason: { label: 'Motivo del rifiuto', editable: false },
      reviewedAt: { label: 'Verificata il', editable: false },
      reviewedBy: { label: 'Verificata da', editable: false },
      organisation: { label: 'Organizzazione creata', editable: false },
      privacyAcceptedAt: { label: 'Consenso al trattamento dei dati', editable: false },
      createdAt: { label: 'Ricevuta il' },
    },
  },
  'api::email-message.email-message': {
    mainField: 'subject',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    listFields: ['to', 'subject', 'deliveryStatus', 'attempts', 'createdAt'],
    fields: {
      to: { label: 'Destinatario' },
      subject: { label: 'Oggetto' },
      text: { label: 'Testo' },
      html: { label: 'HTML' },
      deliveryStatus: { label: 'Stato', description: 'In coda finché il server SMTP non accetta il messaggio.' },
      attempts: { label: 'Tentativi' },
      nextAttemptAt: { label: 'Prossimo tentativo' },
      lastError: { label: 'Ultimo errore' },
      sentAt: { label: 'Inviato il' },
      messageId: {
        label: 'Message-ID',
        description: 'Lo stesso a ogni invio: chi riceve due volte lo stesso messaggio lo riconosce.',
      },
      claimToken: { label: 'In invio da' },
      leaseUntil: { label: 'In invio fino a' },
      deliveredBy: { label: 'Inviato da (istanza del CMS)' },
      createdAt: { label: 'Creato il' },
    },
  },
  'api::workflow-event.workflow-event': {
    mainField: 'subjectTitle',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    listFields: ['subjectTitle', 'fromStage', 'toStage', 'actorName', 'createdAt'],
    fields: {
      subjectType: { label: 'Tipo' },
      subjectDocumentId: { label: 'Identificativo del documento' },
      subjectTitle: { label: 'Documento' },
      organisation: { label: 'Organizzazione' },
      fromStage: { label: 'Da' },
      toStage: { label: 'A' },
      comment: { label: 'Commento' },
      actorName: { label: 'Chi' },
      actorEmail: { label: 'E-mail di chi' },
      createdAt: { label: 'Quando' },
    },
  },
  'api::organisation-user.organisation-user': {
    mainField: 'role',
    listFields: ['adminUser', 'organisation', 'role'],
    fields: {
      adminUser: { label: 'Account' },
      organisation: { label: 'Organizzazione' },
      role: { label: 'Ruolo nell’organizzazione' },
    },
  },
  'api::consortium-service.consortium-service': {
    mainField: 'name',
    defaultSortBy: 'name',
    listFields: ['name', 'consortium', 'province', 'serviceArea', 'memberOrganisation'],
    fields: {
      name: { label: 'Servizio' },
      consortium: { label: 'Consorzio' },
      memberOrganisation: { label: 'Associata che gestisce il servizio' },
      province: { label: 'Provincia' },
      serviceArea: { label: 'Area di servizio' },
    },
  },
};

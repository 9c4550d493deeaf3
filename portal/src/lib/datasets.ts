/**
 * The open datasets of the portal, each with its downloads and its data dictionary (field,
 * meaning, type, example): what `/dati`, the dictionaries and the DCAT-AP_IT catalogue describe.
 */
import { CSV_NAMES, CSV_ROW_NAMES } from './observatory.ts';

export type FieldType =
  | 'testo'
  | 'numero intero'
  | 'numero decimale'
  | 'vero/falso'
  | 'data e ora ISO 8601'
  | 'elenco di testi'
  | 'indirizzo web';
export type Field = { name: string; meaning: string; type: FieldType; example: string };
export type Distribution = { format: 'CSV' | 'JSON' | 'GEOJSON'; path: string; mediaType: string; title: string };
export type Dataset = {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  /** EU data theme (publications.europa.eu/resource/authority/data-theme). */
  themes: string[];
  distributions: Distribution[];
  fields: Field[];
  /** Where the dictionary says more (notes on formats, hidden figures, changes since a date). */
  notes: string[];
};

const csv = (path: string, title: string): Distribution => ({ format: 'CSV', path, mediaType: 'text/csv', title });
const json = (path: string, title: string): Distribution => ({
  format: 'JSON',
  path,
  mediaType: 'application/json',
  title,
});
const geojson = (path: string, title: string): Distribution => ({
  format: 'GEOJSON',
  path,
  mediaType: 'application/geo+json',
  title,
});

const place: Field[] = [
  { name: 'comune', meaning: 'Comune', type: 'testo', example: 'Milano' },
  { name: 'provincia', meaning: 'Provincia', type: 'testo', example: 'Milano' },
  { name: 'sigla_provincia', meaning: 'Sigla della provincia', type: 'testo', example: 'MI' },
  { name: 'regione', meaning: 'Regione', type: 'testo', example: 'Lombardia' },
];
const coordinates: Field[] = [
  {
    name: 'latitudine',
    meaning: 'Latitudine (WGS 84) della sede, o del capoluogo di provincia se la sede non è localizzata',
    type: 'numero decimale',
    example: '45.4642',
  },
  { name: 'longitudine', meaning: 'Longitudine (WGS 84), come sopra', type: 'numero decimale', example: '9.19' },
];

const PRACTICES: Dataset = {
  id: 'pratiche',
  title: 'Pratiche innovative delle cooperative sociali',
  description:
    'Le pratiche innovative delle cooperative sociali pubblicate dalla redazione del Think Tank sulla Mappa delle pratiche: ambito di innovazione, organizzazione proponente, luogo, partnership, finanziamenti, testi della scheda. Senza recapiti di persone.',
  keywords: ['cooperative sociali', 'innovazione sociale', 'pratiche innovative', 'terzo settore'],
  themes: ['SOCI', 'ECON'],
  distributions: [
    csv('/dati/pratiche.csv', 'Pratiche innovative in formato CSV'),
    json('/dati/pratiche.json', 'Pratiche innovative in formato JSON'),
    geojson('/dati/pratiche.geojson', 'Pratiche innovative in formato GeoJSON'),
  ],
  fields: [
    { name: 'slug', meaning: 'Identificativo della pratica nel portale', type: 'testo', example: 'assemblee-di-valle' },
    {
      name: 'url',
      meaning: 'Pagina della pratica',
      type: 'indirizzo web',
      example: 'https://…/pratiche/assemblee-di-valle',
    },
    { name: 'titolo', meaning: 'Nome della pratica', type: 'testo', example: 'Assemblee di valle' },
    {
      name: 'ambito',
      meaning: 'Ambito di innovazione (uno dei sei)',
      type: 'testo',
      example: 'Co-progettazione con la Pubblica Amministrazione',
    },
    {
      name: 'organizzazione',
      meaning: 'Organizzazione proponente',
      type: 'testo',
      example: 'Il Sentiero Cooperativa Sociale',
    },
    {
      name: 'tipo_organizzazione',
      meaning: 'Tipo dell’organizzazione',
      type: 'testo',
      example: 'Cooperativa sociale di tipo A',
    },
    ...place,
    { name: 'anno_avvio', meaning: 'Anno di avvio della pratica', type: 'numero intero', example: '2022' },
    {
      name: 'partner_intenti',
      meaning: 'Categorie dei partner di intenti (collaborazione formale)',
      type: 'elenco di testi',
      example: 'PA e EE.LL.; Università, Centri di ricerca',
    },
    {
      name: 'partner_economici',
      meaning: 'Categorie dei partner economici',
      type: 'elenco di testi',
      example: 'Soggetti profit',
    },
    {
      name: 'finanziamenti',
      meaning: 'Forme di finanziamento attivate',
      type: 'elenco di testi',
      example: 'Proprie; Fondazioni',
    },
    { name: 'valutazione_impatto', meaning: 'Valutazione d’impatto prevista', type: 'vero/falso', example: 'true' },
    {
      name: 'descrizione',
      meaning: 'Obiettivi, destinatari, settore, attività (massimo 2000 caratteri)',
      type: 'testo',
      example: 'Il progetto…',
    },
    {
      name: 'elementi_innovazione',
      meaning: 'Elementi di innovazione (massimo 1500 caratteri)',
      type: 'testo',
      example: 'Per la prima volta…',
    },
    {
      name: 'valutazione',
      meaning: 'Stato, risultati, punti di forza e di debolezza (massimo 1500 caratteri)',
      type: 'testo',
      example: 'In due anni…',
    },
    {
      name: 'pubblicata_il',
      meaning: 'Ultima pubblicazione della scheda',
      type: 'data e ora ISO 8601',
      example: '2026-03-01T10:00:00.000Z',
    },
    ...coordinates,
  ],
  notes: [
    'CSV: UTF-8 con BOM, separatore virgola, punto decimale; i valori multipli sono separati da «;».',
    'GeoJSON: un punto per pratica (longitudine, latitudine), con gli stessi campi come proprietà.',
    'Che cosa è cambiato da una data: /dati/pratiche.json?modificate_dal=2026-03-01 (anche con l’ora, per esempio 2026-03-01T10:00:00Z) dà le pratiche pubblicate o modificate da allora, ciascuna con modificata_il, e in «ritirate» quelle tolte dal portale (slug, url, ritirata_il). Il campo «fino_al» della risposta è il valore da usare la volta successiva.',
  ],
};

const ORGANISATIONS: Dataset = {
  id: 'organizzazioni',
  title: 'Organizzazioni della rete',
  description:
    'Le cooperative sociali, i consorzi e le imprese sociali attive sulla piattaforma: tipo, sede, consorzi di appartenenza e associate. Senza codice fiscale né recapiti di persone.',
  keywords: ['cooperative sociali', 'consorzi', 'imprese sociali', 'terzo settore'],
  themes: ['SOCI', 'ECON', 'REGI'],
  distributions: [
    csv('/dati/organizzazioni.csv', 'Organizzazioni (CSV)'),
    json('/dati/organizzazioni.json', 'Organizzazioni (JSON)'),
    geojson('/dati/organizzazioni.geojson', 'Organizzazioni (GeoJSON)'),
  ],
  fields: [
    {
      name: 'slug',
      meaning: 'Identificativo dell’organizzazione nel portale',
      type: 'testo',
      example: 'navigli-insieme',
    },
    {
      name: 'url',
      meaning: 'Pagina dell’organizzazione',
      type: 'indirizzo web',
      example: 'https://…/organizzazioni/navigli-insieme',
    },
    { name: 'nome', meaning: 'Denominazione', type: 'testo', example: 'Navigli Insieme Cooperativa Sociale' },
    {
      name: 'tipo',
      meaning: 'Uno dei sei tipi di organizzazione',
      type: 'testo',
      example: 'Cooperativa sociale di tipo A',
    },
    { name: 'aderente_legacoop', meaning: 'Aderisce a Legacoop', type: 'vero/falso', example: 'true' },
    { name: 'indirizzo', meaning: 'Indirizzo della sede', type: 'testo', example: 'Via Ripa di Porta Ticinese, 12' },
    { name: 'cap', meaning: 'Codice di avviamento postale', type: 'testo', example: '20143' },
    ...place,
    { name: 'sito_web', meaning: 'Sito web', type: 'indirizzo web', example: 'https://www.esempio.it' },
    { name: 'anno_fondazione', meaning: 'Anno di fondazione', type: 'numero intero', example: '1998' },
    { name: 'descrizione', meaning: 'Presentazione', type: 'testo', example: 'Servizi educativi…' },
    {
      name: 'consorzi',
      meaning: 'Consorzi di cui è associata',
      type: 'elenco di testi',
      example: 'Consorzio Sociale Light',
    },
    {
      name: 'associate',
      meaning: 'Per un consorzio: le organizzazioni associate',
      type: 'elenco di testi',
      example: 'Il Sentiero; Lariana Servizi',
    },
    ...coordinates,
  ],
  notes: ['CSV: UTF-8 con BOM, separatore virgola, punto decimale; i valori multipli sono separati da «;».'],
};

const SERVICES: Dataset = {
  id: 'servizi-consortili',
  title: 'Servizi dei consorzi per provincia e area',
  description:
    'Dove lavorano i consorzi della rete e le loro associate: un servizio per riga, con la provincia e l’area di servizio (Minori, Anziani, Disabili, Psichiatria, Riabilitazione, Varie).',
  keywords: ['consorzi', 'servizi sociali', 'welfare territoriale'],
  themes: ['SOCI', 'REGI'],
  distributions: [
    csv('/dati/servizi-consortili.csv', 'Servizi consortili (CSV)'),
    json('/dati/servizi-consortili.json', 'Servizi consortili (JSON)'),
    geojson('/dati/servizi-consortili.geojson', 'Servizi consortili (GeoJSON)'),
  ],
  fields: [
    { name: 'consorzio', meaning: 'Consorzio', type: 'testo', example: 'Consorzio Sociale Light' },
    {
      name: 'consorzio_slug',
      meaning: 'Identificativo del consorzio nel portale',
      type: 'testo',
      example: 'consorzio-sociale-light',
    },
    { name: 'servizio', meaning: 'Nome del servizio, se indicato', type: 'testo', example: 'Centro diurno' },
    {
      name: 'organizzazione',
      meaning: 'Associata che gestisce il servizio, se indicata',
      type: 'testo',
      example: 'Ticino Cura',
    },
    { name: 'area_di_servizio', meaning: 'Area di servizio', type: 'testo', example: 'Anziani' },
    { name: 'provincia', meaning: 'Provincia', type: 'testo', example: 'Pavia' },
    { name: 'sigla_provincia', meaning: 'Sigla della provincia', type: 'testo', example: 'PV' },
    { name: 'regione', meaning: 'Regione', type: 'testo', example: 'Lombardia' },
    {
      name: 'latitudine',
      meaning: 'Latitudine (WGS 84) del capoluogo di provincia',
      type: 'numero decimale',
      example: '45.1847',
    },
    {
      name: 'longitudine',
      meaning: 'Longitudine (WGS 84) del capoluogo di provincia',
      type: 'numero decimale',
      example: '9.1582',
    },
  ],
  notes: ['Una riga per servizio: più servizi della stessa area nella stessa provincia sono più righe.'],
};

const OBSERVATORY_TABLES: [string, string][] = [
  ['sintesi', 'Dati in sintesi'],
  ['per-regione', 'Per regione'],
  ['per-provincia', 'Per provincia'],
  ['per-tipo', 'Per tipo di organizzazione'],
  ['inserimento-lavorativo', 'Inserimento lavorativo (tipo B e A+B)'],
  ['retribuzioni', 'Rapporto tra retribuzioni'],
  ['proventi', 'Ricavi e proventi per fonte'],
  ['andamento', 'Andamento negli anni'],
];

const MEANINGS: Record<string, [string, FieldType, string]> = {
  organizzazioni: [
    'Organizzazioni che hanno pubblicato il bilancio sociale dell’anno (mai nascosto: i bilanci sono pubblici)',
    'numero intero',
    '12',
  ],
  lavoratori: [
    'Lavoratori (donne e uomini, tutte le tipologie) delle organizzazioni che li indicano',
    'numero intero',
    '845',
  ],
  quota_donne: ['Quota di donne tra quei lavoratori, da 0 a 1', 'numero decimale', '0.6312'],
  volontari: ['Volontari (soci, non soci, servizio civile)', 'numero intero', '120'],
  beneficiari_diretti: ['Beneficiari diretti delle attività', 'numero intero', '3400'],
  beneficiari_indiretti: ['Beneficiari indiretti', 'numero intero', '5100'],
  ricavi_e_proventi_euro: ['Ricavi e proventi totali, in euro', 'numero decimale', '12500000.00'],
  contributi_pubblici_euro: ['Contributi pubblici, in euro', 'numero decimale', '240000.00'],
  contributi_privati_euro: [
    'Contributi privati, 5 per mille, donazioni e raccolta fondi, in euro',
    'numero decimale',
    '96000.00',
  ],
  organizzazioni_con_svantaggiati: [
    'Cooperative di tipo B e A+B che indicano i lavoratori svantaggiati',
    'numero intero',
    '7',
  ],
  lavoratori_svantaggiati: ['Lavoratori svantaggiati (L. 381/1991, art. 4)', 'numero intero', '96'],
  quota_svantaggiati: [
    'Quota di svantaggiati sui lavoratori, da 0 a 1 (il minimo è 0.30)',
    'numero decimale',
    '0.3821',
  ],
  organizzazioni_almeno_30: ['Cooperative con almeno il 30% di svantaggiati', 'numero intero', '6'],
  organizzazioni_sotto_30: ['Cooperative sotto il 30%', 'numero intero', '1'],
  organizzazioni_con_retribuzioni: [
    'Organizzazioni che indicano la retribuzione lorda massima e minima',
    'numero intero',
    '10',
  ],
  rapporto_medio_retribuzioni: [
    'Media dei rapporti tra retribuzione lorda annua massima e minima (4.20 vuol dire 1:4,2)',
    'numero decimale',
    '4.20',
  ],
  entro_il_limite: [
    'Organizzazioni entro il limite che indicano (1:8, o 1:12 per competenze specifiche)',
    'numero intero',
    '9',
  ],
  oltre_il_limite: ['Organizzazioni oltre il limite', 'numero intero', '1'],
  con_limite_1_12: ['Organizzazioni che applicano il limite di 1:12', 'numero intero', '2'],
  importo_euro: ['Importo della fonte, in euro', 'numero decimale', '830000.00'],
  quota_sul_totale: ['Quota della fonte sul totale dei ricavi e proventi, da 0 a 1', 'numero decimale', '0.6541'],
  selezione: ['La selezione scelta (anno, territorio, tipo)', 'testo', 'Totale della selezione'],
  regione: ['Regione della sede delle organizzazioni', 'testo', 'Lombardia'],
  provincia: ['Provincia della sede, con la sigla', 'testo', 'Milano (MI)'],
  tipo_organizzazione: ['Tipo di organizzazione', 'testo', 'Cooperativa sociale di tipo B'],
  fonte: ['Fonte dei ricavi e proventi (voci della sezione 6 del bilancio)', 'testo', 'Contributi pubblici'],
  anno: ['Anno del bilancio sociale', 'numero intero', '2024'],
  note: [
    'Quali dati della riga non sono mostrati e perché (vuoto se sono tutti mostrati)',
    'testo',
    'Lavoratori: Dato non mostrato: meno di 3 organizzazioni nel gruppo',
  ],
};

const observatoryFields = (): Field[] => {
  const names = [...new Set([...Object.values(CSV_ROW_NAMES), ...Object.values(CSV_NAMES), 'note'])];
  return names.map((name) => {
    const [meaning, type, example] = MEANINGS[name] ?? [name, 'testo', ''];
    return { name, meaning, type, example };
  });
};

const OBSERVATORY: Dataset = {
  id: 'osservatorio',
  title: 'Osservatorio dei bilanci sociali della rete',
  description:
    'Dati aggregati dai bilanci sociali pubblicati dalle organizzazioni attive, per anno, regione, provincia e tipo: lavoratori e volontari (con la quota di donne), lavoratori svantaggiati delle cooperative di tipo B e A+B rispetto al minimo del 30%, rapporto tra retribuzioni rispetto ai limiti di 1:8 e 1:12, beneficiari, ricavi per fonte con i contributi pubblici e privati distinti, andamento negli anni. Nessun dato di un gruppo di meno di 3 organizzazioni.',
  keywords: ['bilancio sociale', 'cooperative sociali', 'inserimento lavorativo', 'statistiche'],
  themes: ['SOCI', 'ECON'],
  distributions: [
    ...OBSERVATORY_TABLES.map(([id, title]) => csv(`/osservatorio/${id}.csv`, `Osservatorio: ${title} (CSV)`)),
    json('/osservatorio/dati.json', 'Osservatorio: tutte le tabelle (JSON)'),
  ],
  fields: observatoryFields(),
  notes: [
    'Ogni file vale per la selezione indicata nell’indirizzo, come la pagina: ?anno=2024&regione=lombardia&provincia=MI&tipo=tipo-b (tipi: tipo-a, tipo-b, tipo-a-b, consorzio-cooperative-sociali, consorzio-imprese-sociali, impresa-sociale). Senza anno, l’ultimo con bilanci pubblicati.',
    'Un dato fatto da meno di 3 organizzazioni, o che per differenza con un gruppo più ampio o con il totale della tabella darebbe quello di meno di 3, è un campo vuoto, e la colonna «note» della riga dice perché.',
    'Le colonne di ogni tabella sono un sottoinsieme dei campi qui sotto; CSV in UTF-8 con BOM, separatore virgola, punto decimale; le quote sono tra 0 e 1.',
  ],
};

export const DATASETS: Dataset[] = [PRACTICES, ORGANISATIONS, SERVICES, OBSERVATORY];

export const datasetById = (id: string): Dataset | undefined => DATASETS.find((dataset) => dataset.id === id);

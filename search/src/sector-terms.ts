/**
 * The words of the social sector as visitors type them: acronyms (RSA, CSE, SAD, PA…) with what
 * they stand for, and other words people use for one another. The index gets them as synonyms;
 * the portal treats a typed acronym as a whole word (not the start of a longer one), so "PA"
 * finds the public administration, not "Palazzo" or "patti". Plain data, no Meilisearch inside.
 */

/** An acronym and what it stands for; each finds the others. */
const ACRONYMS: [string, ...string[]][] = [
  ['pa', 'pubblica amministrazione', 'pubbliche amministrazioni', 'ente pubblico', 'enti pubblici', 'enti locali'],
  ['eell', 'enti locali'],
  ['rsa', 'residenza sanitaria assistenziale', 'residenze sanitarie assistenziali', 'casa di riposo', 'case di riposo'],
  ['rsd', 'residenza sanitaria per disabili', 'residenze sanitarie per disabili'],
  ['cse', 'centro socio educativo', 'centri socio educativi', 'centro socioeducativo', 'centri socioeducativi'],
  ['cdd', 'centro diurno disabili', 'centro diurno per disabili', 'centri diurni per disabili'],
  ['cdi', 'centro diurno integrato', 'centri diurni integrati'],
  ['sad', 'servizio di assistenza domiciliare', 'servizi di assistenza domiciliare', 'assistenza domiciliare'],
  ['adi', 'assistenza domiciliare integrata', 'assegno di inclusione'],
  ['sfa', 'servizio di formazione all autonomia', 'servizio formazione autonomia'],
  ['cps', 'centro psico sociale', 'centro psicosociale'],
  ['csm', 'centro di salute mentale', 'centri di salute mentale'],
  ['cra', 'casa residenza per anziani', 'casa residenza anziani'],
  ['serd', 'servizio per le dipendenze', 'servizi per le dipendenze', 'sert'],
  ['sert', 'servizio per le tossicodipendenze', 'serd'],
  ['sai', 'sistema di accoglienza e integrazione', 'sprar'],
  ['sprar', 'sistema di protezione per richiedenti asilo e rifugiati', 'sai'],
  ['cas', 'centro di accoglienza straordinaria', 'centri di accoglienza straordinaria'],
  ['msna', 'minori stranieri non accompagnati'],
  ['neet', 'giovani che non studiano e non lavorano'],
  ['ets', 'ente del terzo settore', 'enti del terzo settore', 'terzo settore'],
  ['aps', 'associazione di promozione sociale', 'associazioni di promozione sociale'],
  ['odv', 'organizzazione di volontariato', 'organizzazioni di volontariato'],
  ['runts', 'registro unico nazionale del terzo settore'],
  ['pnrr', 'piano nazionale di ripresa e resilienza'],
  ['fse', 'fondo sociale europeo'],
  ['fesr', 'fondo europeo di sviluppo regionale'],
  ['ue', 'unione europea'],
  ['asl', 'azienda sanitaria locale', 'aziende sanitarie locali'],
  ['ats', 'agenzia di tutela della salute'],
  ['asst', 'azienda socio sanitaria territoriale', 'aziende socio sanitarie territoriali'],
  ['asp', 'azienda di servizi alla persona', 'azienda servizi alla persona'],
  ['dsa', 'disturbi specifici dell apprendimento', 'disturbi specifici di apprendimento'],
  ['bes', 'bisogni educativi speciali'],
  ['tis', 'tirocinio di inclusione sociale', 'tirocini di inclusione sociale'],
  ['cpi', 'centro per l impiego', 'centri per l impiego'],
  ['rdc', 'reddito di cittadinanza'],
  ['isee', 'indicatore della situazione economica equivalente'],
  ['oss', 'operatore socio sanitario', 'operatori socio sanitari'],
  ['asa', 'ausiliario socio assistenziale', 'ausiliari socio assistenziali'],
  ['ict', 'tecnologie dell informazione e della comunicazione'],
  ['ia', 'intelligenza artificiale'],
  ['pmi', 'piccole e medie imprese', 'piccola e media impresa'],
  ['rsi', 'responsabilità sociale d impresa', 'responsabilità sociale di impresa'],
  ['csr', 'responsabilità sociale d impresa', 'corporate social responsibility'],
  ['vis', 'valutazione d impatto sociale', 'valutazione di impatto sociale'],
  ['ccnl', 'contratto collettivo nazionale di lavoro', 'contratto collettivo nazionale'],
];

/** Other words people use for one another in this sector (each key finds its list). */
const RELATED: Record<string, string[]> = {
  disabili: ['disabilità', 'persone con disabilità'],
  disabilità: ['disabili', 'persone con disabilità'],
  anziani: ['terza età', 'over 65'],
  'terza età': ['anziani'],
  minori: ['bambini', 'ragazzi', 'adolescenti'],
  svantaggiati: ['persone svantaggiate', 'inserimento lavorativo'],
  coprogettazione: ['co-progettazione'],
  'co-progettazione': ['coprogettazione'],
  coprogrammazione: ['co-programmazione'],
  'co-programmazione': ['coprogrammazione'],
  digitale: ['tecnologie', 'innovazione tecnologica'],
};

const add = (synonyms: Record<string, string[]>, term: string, others: string[]): void => {
  const known = synonyms[term] ?? [];
  synonyms[term] = [...new Set([...known, ...others.filter((other) => other !== term)])];
};

/** Meilisearch's synonyms: every acronym and its expansions find one another. */
export const SECTOR_SYNONYMS: Record<string, string[]> = (() => {
  const synonyms: Record<string, string[]> = {};
  for (const [acronym, ...expansions] of ACRONYMS) {
    add(synonyms, acronym, expansions);
    for (const expansion of expansions) add(synonyms, expansion, [acronym]);
  }
  for (const [term, others] of Object.entries(RELATED)) add(synonyms, term, others);
  return synonyms;
})();

/** Acronyms a visitor means as whole words, lower case. */
export const SECTOR_ACRONYMS: ReadonlySet<string> = new Set(ACRONYMS.map(([acronym]) => acronym));

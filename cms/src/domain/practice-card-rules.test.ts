import { describe, expect, it } from 'vitest';
import { validatePracticeCard, type PracticeCardData } from './practice-card-rules';

const complete: PracticeCardData = {
  title: 'Orti condivisi',
  organisation: 'org',
  innovationArea: 'area',
  intentPartnershipAbsent: false,
  intentPartners: [{ documentId: 'pa', name: 'PA e EE.LL.' }],
  economicPartnershipAbsent: true,
  economicPartners: [],
  fundingSources: [{ documentId: 'own', name: 'Proprie', requiresDetail: false }],
  fundingOtherDetail: null,
  description: 'Descrizione',
  innovationElements: 'Elementi',
  evaluation: 'Valutazione',
  impactEvaluation: false,
  contact: { fullName: 'Anna Neri', email: 'anna@example.it', phone: '+39 02 555 0101' },
  province: 'mi',
  photos: [],
};

const messages = (card: Partial<PracticeCardData>, mode: 'draft' | 'complete' = 'complete'): string[] =>
  validatePracticeCard({ ...complete, ...card }, mode).map((error) => error.message);

describe('validatePracticeCard', () => {
  it('accepts a complete card', () => {
    expect(messages({})).toEqual([]);
  });

  it('accepts each text at its limit and refuses it one character past, naming field and limit', () => {
    for (const [field, max, label] of [
      ['description', 2000, 'Breve descrizione'],
      ['innovationElements', 1500, 'Elementi di innovazione'],
      ['evaluation', 1500, 'Valutazione'],
    ] as const) {
      expect(messages({ [field]: 'è'.repeat(max) })).toEqual([]);
      expect(messages({ [field]: '😀'.repeat(max + 1) })).toEqual([
        `${label}: massimo ${max} caratteri (ora sono ${max + 1})`,
      ]);
    }
  });

  it('refuses a partnership both absent and with partners, in drafts too', () => {
    expect(messages({ intentPartnershipAbsent: true }, 'draft')).toEqual([
      'Partnership di intenti: indicare "Non presente" oppure le categorie di partner, non entrambi',
    ]);
  });

  it('wants each partnership stated, absent or with partners, before the card is complete', () => {
    expect(messages({ economicPartnershipAbsent: false }, 'draft')).toEqual([]);
    expect(messages({ economicPartnershipAbsent: false })).toEqual([
      'Partnership economica: indicare almeno una categoria di partner oppure "Non presente"',
    ]);
  });

  it('requires the text of "Altre" funding', () => {
    const other = { documentId: 'other', name: 'Altre', requiresDetail: true };
    expect(messages({ fundingSources: [other], fundingOtherDetail: 'Crowdfunding' })).toEqual([]);
    expect(messages({ fundingSources: [other], fundingOtherDetail: '  ' }, 'draft')).toEqual([
      'Forme di finanziamento: con "Altre" va specificato quale finanziamento',
    ]);
  });

  it('checks the contact person e-mail and phone', () => {
    expect(messages({ contact: { fullName: 'A', email: 'anna@', phone: '12' } }, 'draft')).toEqual([
      'Referente del progetto: e-mail non valida',
      'Referente del progetto: numero di telefono non valido (solo cifre, spazi e +, almeno 6 cifre)',
    ]);
  });

  it('wants alternative text on every photo', () => {
    expect(
      messages({
        photos: [
          { alt: 'Soci in assemblea', hasImage: true },
          { alt: '', hasImage: true },
        ],
      }),
    ).toEqual(['Foto 2: testo alternativo obbligatorio (descrive la foto a chi non la vede)']);
  });

  it('lets a draft be incomplete but never without its organisation', () => {
    const empty: PracticeCardData = {
      ...complete,
      title: null,
      innovationArea: null,
      intentPartners: [],
      fundingSources: [],
      description: null,
      innovationElements: null,
      evaluation: null,
      impactEvaluation: null,
      contact: null,
      province: null,
    };
    expect(validatePracticeCard(empty, 'draft')).toEqual([]);
    expect(validatePracticeCard({ ...empty, organisation: null }, 'draft').map((error) => error.path)).toEqual([
      ['organisation'],
    ]);
    expect(validatePracticeCard(empty, 'complete').map((error) => error.path[0])).toEqual([
      'description',
      'innovationElements',
      'evaluation',
      'intentPartners',
      'title',
      'innovationArea',
      'fundingSources',
      'impactEvaluation',
      'province',
      'contact',
    ]);
  });
});

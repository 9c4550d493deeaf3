import { describe, expect, it } from 'vitest';
import { redactTokens, REDACTED_TOKEN } from './redaction';
import {
  accountInvitation,
  cardOutcome,
  cardSubmitted,
  invitationRenewed,
  registrationApproved,
  registrationReceived,
  registrationRejected,
  setEmailBrand,
} from './templates';

const EVIL = 'https://evil.example/accedi?x=1';
const PLATFORM = 'https://piattaforma.example.it/admin/auth/register?registrationToken=abc123';

const anchors = (html: string | undefined): string[] =>
  [...(html ?? '').matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));

describe('e-mail templates', () => {
  it('never turn what people typed into a link, whatever it contains', () => {
    for (const email of [
      registrationReceived('a@example.it', `Mario ${EVIL}`, `Coop <b>${EVIL}</b>`),
      registrationRejected('a@example.it', EVIL, EVIL, `Vedi ${EVIL}`),
      cardOutcome('a@example.it', EVIL, 'Da rivedere', `Commento ${EVIL}`, PLATFORM),
      cardSubmitted('a@example.it', EVIL, EVIL, PLATFORM),
      registrationApproved('a@example.it', EVIL, EVIL, PLATFORM, 7),
      accountInvitation('a@example.it', EVIL, EVIL, 'Operatore', EVIL, PLATFORM, 7),
    ]) {
      expect(anchors(email.html).filter((href) => href !== PLATFORM)).toEqual([]);
      expect(email.html).not.toContain('<b>');
      expect(email.text).toContain('evil.example');
    }
  });

  it('link only the platform’s own addresses, in HTML, and show them in the text', () => {
    const email = registrationApproved('elena@example.it', 'Elena', 'Il Gelso', PLATFORM, 7);
    expect(anchors(email.html)).toEqual([PLATFORM]);
    expect(email.text).toContain(`collegamento:\n${PLATFORM}`);
    expect(email.text).toContain('Il collegamento vale 7 giorni');
    expect(invitationRenewed('elena@example.it', 'Elena', PLATFORM, 1).text).toContain('vale 1 giorno;');
  });
});

describe('the network’s brand', () => {
  it('names the network, shows its logo and says whom to contact, in every message', () => {
    setEmailBrand({
      name: 'Rete <Sud>',
      contactEmail: 'aiuto@rete-sud.example.it',
      logoUrl: 'https://cms.rete-sud.example.it/brand/logo.png',
      primaryColor: '#1f4e79',
    });
    const email = registrationApproved('elena@example.it', 'Elena', 'Il Gelso', PLATFORM, 7);
    expect(email.text).toContain('Piattaforma Rete <Sud>');
    expect(email.text).toContain('Per qualsiasi domanda: aiuto@rete-sud.example.it');
    expect(email.html).toContain('<img src="https://cms.rete-sud.example.it/brand/logo.png"');
    expect(email.html).toContain('Rete &lt;Sud&gt;');
    expect(anchors(email.html)).toEqual([PLATFORM]);
  });
});

describe('the e-mail log', () => {
  it('keeps a message with its link’s token redacted, and nothing else changed', () => {
    const email = registrationApproved('elena@example.it', 'Elena', 'Il Gelso', PLATFORM, 7);
    const stored = redactTokens(email);
    for (const part of [stored.text, stored.html ?? '']) {
      expect(part).not.toContain('abc123');
      expect(part).toContain(`registrationToken=${REDACTED_TOKEN}`);
    }
    expect(stored.text.replace(REDACTED_TOKEN, 'abc123')).toBe(email.text);
    expect(redactTokens(stored)).toEqual(stored);
  });
});

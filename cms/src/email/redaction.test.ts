import { describe, expect, it } from 'vitest';
import { redactDelivered, redactTokens } from './redaction';

describe('e-mail log redaction', () => {
  it('forgets the alert links a delivered message carried, and nothing else', () => {
    const text =
      'Conferma: https://rete.example.it/avvisi/conferma?token=abcDEF123_-x\n' +
      'Cancella: https://rete.example.it/avvisi/cancella?token=zz.99\nPortale: https://rete.example.it/pratiche';
    const html = '<a href="https://rete.example.it/avvisi/cancella?token=zz.99">cancella</a>';
    expect(redactDelivered({ text, html })).toEqual({
      text:
        'Conferma: https://rete.example.it/avvisi/conferma?token=[riservato]\n' +
        'Cancella: https://rete.example.it/avvisi/cancella?token=[riservato]\nPortale: https://rete.example.it/pratiche',
      html: '<a href="https://rete.example.it/avvisi/cancella?token=[riservato]">cancella</a>',
    });
    expect(redactDelivered({ text: 'nessun collegamento', html: null })).toEqual({ text: 'nessun collegamento' });
  });

  it('keeps invitation tokens out of the log from the start', () => {
    const email = { to: 'a@b.it', subject: 'Invito', text: 'https://x/admin/auth/register?registrationToken=abc123' };
    expect(redactTokens(email).text).toBe('https://x/admin/auth/register?registrationToken=[riservato]');
  });
});

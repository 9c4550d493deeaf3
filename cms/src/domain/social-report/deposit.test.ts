import { describe, expect, it } from 'vitest';
import {
  approvalDateProblem,
  checkDeposit,
  deadlineOf,
  describeDeadline,
  mayLackControlBody,
  todayInRome,
} from './deposit';

describe('the deposit deadline', () => {
  it('is 30 June of the following year, counted in days in Rome', () => {
    expect(deadlineOf(2024, '2025-06-01')).toEqual({ deadline: '2025-06-30', daysLeft: 29, overdue: false });
    expect(deadlineOf(2024, '2025-06-30')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(deadlineOf(2024, '2025-07-03')).toMatchObject({ daysLeft: -3, overdue: true });
    // Across the change to summer time, days stay days.
    expect(deadlineOf(2024, '2025-03-29').daysLeft).toBe(93);
    expect(describeDeadline(deadlineOf(2024, '2025-06-29'))).toBe('manca 1 giorno');
    expect(describeDeadline(deadlineOf(2024, '2025-06-30'))).toBe('scade oggi');
    expect(describeDeadline(deadlineOf(2024, '2025-07-02'))).toBe('scaduta da 2 giorni');
    // Half past midnight in Rome is already the next day there.
    expect(todayInRome(new Date('2025-06-29T22:30:00Z'))).toBe('2025-06-30');
  });
});

describe('the approval and the deposit', () => {
  it('take dates after the year, after the attestation, never in the future', () => {
    expect(approvalDateProblem('2025-04-28', 2024, '2025-04-10', '2025-05-01')).toBeNull();
    expect(approvalDateProblem('28/04/2025', 2024, null, '2025-05-01')).toMatch(/^Data di approvazione: indicare/);
    expect(approvalDateProblem('2025-02-30', 2024, null, '2025-05-01')).toMatch(/^Data di approvazione: indicare/);
    expect(approvalDateProblem('2024-12-20', 2024, null, '2025-05-01')).toMatch(/dopo la chiusura dell’esercizio/);
    expect(approvalDateProblem('2025-06-01', 2024, null, '2025-05-01')).toBe(
      'Data di approvazione: non può essere nel futuro',
    );
    expect(approvalDateProblem('2025-04-01', 2024, '2025-04-10', '2025-05-01')).toBe(
      'Data di approvazione: l’assemblea approva dopo l’attestazione dell’organo di controllo (10 aprile 2025)',
    );
  });

  it("records the deposit's date and the Registro delle imprese's protocol number", () => {
    const today = '2025-06-10';
    expect(
      checkDeposit({ depositDate: '2025-05-20', depositProtocol: ' MI/2025/0012345 ' }, '2025-04-28', today),
    ).toEqual({
      ok: true,
      depositDate: '2025-05-20',
      depositProtocol: 'MI/2025/0012345',
    });
    const refused = (input: Record<string, unknown>): string => {
      const result = checkDeposit(input, '2025-04-28', today);
      return result.ok ? '' : result.message;
    };
    expect(refused({ depositProtocol: 'MI/2025/1' })).toBe('Data di deposito: indicare la data (AAAA-MM-GG)');
    expect(refused({ depositDate: '2025-04-01', depositProtocol: 'MI/2025/1' })).toBe(
      'Data di deposito: non può precedere l’approvazione (28 aprile 2025)',
    );
    expect(refused({ depositDate: '2025-07-01', depositProtocol: 'MI/2025/1' })).toBe(
      'Data di deposito: non può essere nel futuro',
    );
    expect(refused({ depositDate: '2025-05-20' })).toMatch(/^Numero di protocollo: indicare/);
    expect(refused({ depositDate: '2025-05-20', depositProtocol: 'in attesa' })).toMatch(
      /^Numero di protocollo: lettere, cifre/,
    );
    expect(refused({ depositDate: '2025-05-20', depositProtocol: `MI/${'1'.repeat(70)}` })).toBe(
      'Numero di protocollo: al massimo 60 caratteri',
    );
  });

  it('lets social cooperatives and their consortia have no control body, not other imprese sociali', () => {
    expect(mayLackControlBody('Cooperativa sociale di tipo A')).toBe(true);
    expect(mayLackControlBody('Cooperativa sociale ad oggetto misto (A+B)')).toBe(true);
    expect(mayLackControlBody('Consorzio di cooperative sociali')).toBe(true);
    expect(mayLackControlBody('Impresa sociale cooperativa')).toBe(false);
    expect(mayLackControlBody('Consorzio di imprese sociali cooperative')).toBe(false);
  });
});

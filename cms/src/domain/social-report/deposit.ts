import type { OrganisationType } from '@coop/vocabulary/organisation-types';
import { isBlank } from '../text-length';

/** Today's date in Rome, "2025-06-30": deadlines and dates of acts are Italian calendar days. */
export const todayInRome = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

/** The deposit at the Registro delle imprese is due by 30 June of the year after the report's. */
export const depositDeadline = (year: number): string => `${year + 1}-06-30`;

export type DepositDeadline = { deadline: string; daysLeft: number; overdue: boolean };

/** How long is left before the deposit deadline (negative once past it). */
export const deadlineOf = (year: number, today = todayInRome()): DepositDeadline => {
  const deadline = depositDeadline(year);
  const daysLeft = dayNumber(deadline) - dayNumber(today);
  return { deadline, daysLeft, overdue: daysLeft < 0 };
};

/** "mancano 12 giorni", "scade oggi", "scaduta da 3 giorni". */
export const describeDeadline = ({ daysLeft }: DepositDeadline): string =>
  daysLeft > 1
    ? `mancano ${daysLeft} giorni`
    : daysLeft === 1
      ? 'manca 1 giorno'
      : daysLeft === 0
        ? 'scade oggi'
        : daysLeft === -1
          ? 'scaduta da 1 giorno'
          : `scaduta da ${-daysLeft} giorni`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const itDate = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** What is wrong with the assembly's approval date of a report of `year`, or null. */
export const approvalDateProblem = (
  approvalDate: unknown,
  year: number,
  attestationDate: string | null,
  today = todayInRome(),
): string | null => {
  if (!isIsoDate(approvalDate)) return 'Data di approvazione: indicare la data dell’assemblea (AAAA-MM-GG)';
  if (approvalDate <= `${year}-12-31`) {
    return `Data di approvazione: il bilancio ${year} si approva dopo la chiusura dell’esercizio, dal 1° gennaio ${year + 1}`;
  }
  if (approvalDate > today) return 'Data di approvazione: non può essere nel futuro';
  if (attestationDate && approvalDate < attestationDate) {
    return `Data di approvazione: l’assemblea approva dopo l’attestazione dell’organo di controllo (${itDate(attestationDate)})`;
  }
  return null;
};

export const PROTOCOL_MAX_LENGTH = 60;
const PROTOCOL = /^[A-Za-z0-9][A-Za-z0-9/._\- ]*$/;

export type DepositInput = { depositDate?: unknown; depositProtocol?: unknown };

/** The deposit's date and the Registro delle imprese's protocol number, checked; or what is wrong. */
export const checkDeposit = (
  input: DepositInput,
  approvalDate: string | null,
  today = todayInRome(),
): { ok: true; depositDate: string; depositProtocol: string } | { ok: false; message: string } => {
  const { depositDate } = input;
  const protocol = typeof input.depositProtocol === 'string' ? input.depositProtocol.trim() : '';
  if (!isIsoDate(depositDate)) return { ok: false, message: 'Data di deposito: indicare la data (AAAA-MM-GG)' };
  if (depositDate > today) return { ok: false, message: 'Data di deposito: non può essere nel futuro' };
  if (approvalDate && depositDate < approvalDate) {
    return { ok: false, message: `Data di deposito: non può precedere l’approvazione (${itDate(approvalDate)})` };
  }
  if (isBlank(protocol)) {
    return {
      ok: false,
      message: 'Numero di protocollo: indicare il protocollo della pratica al Registro delle imprese',
    };
  }
  if ([...protocol].length > PROTOCOL_MAX_LENGTH) {
    return { ok: false, message: `Numero di protocollo: al massimo ${PROTOCOL_MAX_LENGTH} caratteri` };
  }
  if (!PROTOCOL.test(protocol) || !/\d/.test(protocol)) {
    return {
      ok: false,
      message: 'Numero di protocollo: lettere, cifre e i segni / - . _ (per esempio MI/2025/0123456)',
    };
  }
  return { ok: true, depositDate, depositProtocol: protocol };
};

/**
 * Who may have no organo di controllo. Social cooperatives (and their consortia, cooperatives
 * themselves) need one only above the thresholds of the civil code (art. 2543 c.c., art. 2477
 * c.c.): d.lgs. 112/2017 applies to them "in quanto compatibile". An impresa sociale that is no
 * social cooperative must appoint one (art. 10 d.lgs. 112/2017).
 */
export const mayLackControlBody = (type: OrganisationType | null | undefined): boolean =>
  type === 'Cooperativa sociale di tipo A' ||
  type === 'Cooperativa sociale di tipo B' ||
  type === 'Cooperativa sociale ad oggetto misto (A+B)' ||
  type === 'Consorzio di cooperative sociali';

export const BODY_NAME_MAX_LENGTH = 200;
export const REASON_MAX_LENGTH = 1000;

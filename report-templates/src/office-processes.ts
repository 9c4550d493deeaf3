import { readdirSync, readFileSync } from 'node:fs';

/**
 * LibreOffice processes started by this Node process, read from Linux's /proc. Python answers a
 * conversion whose LibreOffice died with an ordinary failure code, so a crash is told apart by
 * whether the process that was converting is still alive.
 */
export const officeProcessIds = (): number[] => {
  try {
    const children = readdirSync(`/proc/${process.pid}/task`).flatMap((thread) =>
      readFileSync(`/proc/${process.pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
    return children.filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'soffice.bin';
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
};

/** False once the process has exited, including as a zombie not yet reaped. */
export const isAlive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
};

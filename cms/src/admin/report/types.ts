/** What the report's side panel reads from `/coop/social-reports/:id/completeness`. */
export type Item = { label: string; section: number; sectionTitle: string; toUpdate?: true; path?: string };
export type TextToUpdate = { path: string; label: string; section: number; sectionTitle: string };
export type Attestation = {
  noControlBody: boolean | null;
  bodyName: string | null;
  date: string | null;
  noControlBodyReason: string | null;
  recordedBy: string | null;
  file: { name: string; url: string } | null;
} | null;
export type Completeness = {
  percentage: number;
  missing: Item[];
  omitted: (Item & { reason: string })[];
  toUpdate: TextToUpdate[];
  warnings: string[];
  consortium: { members: { name: string; hasReport: boolean }[]; workers: number; volunteers: number } | null;
  deposit: { deadline: string; daysLeft: number; overdue: boolean; description: string } | null;
  year: number;
  stage: string;
  attestation: Attestation;
};

export const formatDay = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

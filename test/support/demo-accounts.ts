/** The seeded demo accounts the suites sign in with, by what they are. */
export const DEMO_ACCOUNT = {
  responsabile: 'responsabile.navigli@demo.piattaforma.local',
  operatore: 'operatore.navigli@demo.piattaforma.local',
  lettore: 'lettore.navigli@demo.piattaforma.local',
  curatore: 'curatore@demo.piattaforma.local',
  staff: 'staff@demo.piattaforma.local',
  altraCooperativa: 'responsabile.mincio@demo.piattaforma.local',
} as const;

export type DemoAccount = keyof typeof DEMO_ACCOUNT;

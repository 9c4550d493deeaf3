import { describe, expect, it } from 'vitest';
import { aggregateMembers } from './consortium-aggregate';

describe('aggregateMembers', () => {
  it('adds up the members that have a report and lists those that do not', () => {
    const aggregate = aggregateMembers([
      {
        organisationName: 'Tipo A',
        report: {
          year: 2024,
          organisationType: 'Cooperativa sociale di tipo A',
          people: {
            staff: [{ kind: 'Dipendenti a tempo indeterminato', women: 8, men: 2 }],
            volunteers: [{ kind: 'Volontari soci', count: 3 }],
          },
          economics: { revenues: [{ kind: 'Contributi pubblici', amount: 1000 }] },
        },
      },
      {
        organisationName: 'Tipo B',
        report: {
          year: 2024,
          organisationType: 'Cooperativa sociale di tipo B',
          people: { staff: [{ kind: 'Collaboratori', women: 5, men: 5 }] },
          workIntegration: { disadvantagedWorkers: [{ category: 'Alcolisti', count: 4 }] },
          economics: { revenues: [{ kind: 'Contributi privati', amount: '250.5' }] },
        },
      },
      { organisationName: 'Senza bilancio', report: null },
    ]);
    expect(aggregate).toEqual({
      members: [
        { name: 'Tipo A', hasReport: true },
        { name: 'Tipo B', hasReport: true },
        { name: 'Senza bilancio', hasReport: false },
      ],
      workers: 20,
      volunteers: 3,
      revenues: 1250.5,
      publicContributions: 1000,
      privateContributions: 250.5,
      disadvantagedWorkers: 4,
    });
  });
});

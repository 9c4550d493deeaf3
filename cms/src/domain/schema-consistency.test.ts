import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ORGANISATION_TYPES } from '@coop/vocabulary/organisation-types';
import { MANDATORY_ITEMS } from '@coop/report-templates/social-report/mandatory-items';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_STATUSES } from './organisation-types';

const srcDir = path.resolve(import.meta.dirname, '..');
const attributes = (file: string): Record<string, { enum?: string[] }> =>
  (JSON.parse(readFileSync(path.join(srcDir, file), 'utf8')) as { attributes: Record<string, { enum?: string[] }> })
    .attributes;

describe('schemas and domain rules agree', () => {
  it('on the six organisation types and the statuses', () => {
    const organisation = attributes('api/organisation/content-types/organisation/schema.json');
    expect(organisation.organisationType?.enum).toEqual([...ORGANISATION_TYPES]);
    expect(organisation.platformStatus?.enum).toEqual([...ORGANISATION_STATUSES]);
    expect(attributes('api/social-report/content-types/social-report/schema.json').organisationType?.enum).toEqual([
      ...ORGANISATION_TYPES,
    ]);
  });

  it('on the mandatory items a report may omit with a reason', () => {
    expect(attributes('components/report/omission.json').item?.enum).toEqual(MANDATORY_ITEMS.map((item) => item.label));
  });
});

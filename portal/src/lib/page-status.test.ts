import { describe, expect, it } from 'vitest';
import { CmsUnavailableError } from './errors.ts';
import { markOutcome } from './page-status.ts';

const response = () => ({ status: 200, headers: new Headers() });

describe('markOutcome', () => {
  it('answers 503, not cached, when a service was down', () => {
    const page = response();
    markOutcome(page, { ok: false, error: new CmsUnavailableError('CMS not reachable') });
    expect(page.status).toBe(503);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('retry-after')).toBe('60');
  });

  it('answers 404 when what the page shows is missing, and leaves a found page alone', () => {
    const missing = response();
    markOutcome(missing, { ok: true, data: null }, true);
    expect(missing.status).toBe(404);
    const found = response();
    markOutcome(found, { ok: true, data: {} }, false);
    expect(found.status).toBe(200);
    expect(found.headers.has('cache-control')).toBe(false);
  });
});

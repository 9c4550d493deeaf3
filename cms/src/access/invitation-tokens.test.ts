import { describe, expect, it } from 'vitest';
import { isInvitationExpired, newRegistrationToken, tokenIssuedAt } from './invitation-tokens';

const DAY = 24 * 60 * 60 * 1000;

describe('invitation tokens', () => {
  it('say when the platform issued them; Strapi’s count from the account’s creation', () => {
    const issued = Date.UTC(2026, 5, 1, 12);
    const token = newRegistrationToken(issued);
    expect(token).toMatch(/^[0-9a-z]+-[0-9a-f]{40}$/);
    expect(tokenIssuedAt(token, '2020-01-01T00:00:00Z')).toBe(issued);
    expect(tokenIssuedAt('0123456789abcdef0123456789abcdef01234567', '2026-06-01T12:00:00Z')).toBe(issued);
    expect(newRegistrationToken(issued)).not.toBe(token);
  });

  it('expire once the validity has passed', () => {
    const issued = Date.UTC(2026, 5, 1);
    expect(isInvitationExpired(issued, 7, issued + 7 * DAY)).toBe(false);
    expect(isInvitationExpired(issued, 7, issued + 7 * DAY + 1)).toBe(true);
    expect(isInvitationExpired(issued, 0.5, issued + DAY)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isPasswordLinkLive, passwordLinkExpiresAt } from './password-links';

describe('set-password links', () => {
  it('open the account for seven days from their making, and not a moment after', () => {
    const made = new Date('2026-12-01T09:30:00Z');
    const expiresAt = passwordLinkExpiresAt(made);
    expect(expiresAt.toISOString()).toBe('2026-12-08T09:30:00.000Z');
    expect(isPasswordLinkLive(expiresAt, new Date('2026-12-08T09:29:59Z'))).toBe(true);
    expect(isPasswordLinkLive(expiresAt, expiresAt)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { adminRightsLostBy } from './roles';

describe('adminRightsLostBy', () => {
  const admin = { role: 'admin' as const, isActive: true };
  it('names the field that takes an active admin’s rights away', () => {
    expect(adminRightsLostBy(admin, { role: 'leader' })).toBe('role');
    expect(adminRightsLostBy(admin, { isActive: false })).toBe('isActive');
    expect(adminRightsLostBy(admin, { role: 'admin', isActive: true })).toBeNull();
    expect(adminRightsLostBy(admin, {})).toBeNull();
  });
  it('ignores users who are not active admins', () => {
    expect(adminRightsLostBy({ role: 'rep', isActive: true }, { role: 'leader' })).toBeNull();
    expect(adminRightsLostBy({ role: 'admin', isActive: false }, { role: 'rep' })).toBeNull();
  });
});

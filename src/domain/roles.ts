// Who a user is in their organisation (DOMAIN.md, "People and organisation"): what each role may
// read and change is decided in one place, src/services/authorization.ts.

export const ROLES = ['rep', 'manager', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The field of a change that takes an active admin's rights away (demoted or deactivated), or
 * null. An organisation keeps at least one active admin: the last one's such change is refused.
 */
export function adminRightsLostBy(
  user: { role: Role; isActive: boolean },
  change: { role?: Role | undefined; isActive?: boolean | undefined },
): 'role' | 'isActive' | null {
  if (user.role !== 'admin' || !user.isActive) return null;
  if (change.role !== undefined && change.role !== 'admin') return 'role';
  if (change.isActive === false) return 'isActive';
  return null;
}

/** Who may import CSV files into the organisation (it writes everyone's records). */
export const IMPORTING_ROLES: readonly Role[] = ['admin', 'leader'];

export function canImport(role: Role): boolean {
  return IMPORTING_ROLES.includes(role);
}

/**
 * Who carries a sales target of their own, and so a rep plan: reps, and managers who sell beside
 * their team. Leaders and admins set and read the targets; they have no "My plan".
 */
export const QUOTA_ROLES: readonly Role[] = ['rep', 'manager'];

export function carriesQuota(role: Role): boolean {
  return QUOTA_ROLES.includes(role);
}

// Who a user is in their organisation (DOMAIN.md, "People and organisation"): what each role may
// read and change is decided in one place, src/services/authorization.ts.

export const ROLES = ['rep', 'manager', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

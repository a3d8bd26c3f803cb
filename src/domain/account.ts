// An account is a prospect until it buys; segment norms are stated per account status.

export const ACCOUNT_STATUSES = ['prospect', 'customer'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

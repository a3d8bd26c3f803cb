// An activity is planned until it is done (DOMAIN.md, "People and organisation").

export const ACTIVITY_STATUSES = ['planned', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

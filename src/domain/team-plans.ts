// The team sales & marketing plan (DOMAIN.md, seed 002): business objectives → sales and
// marketing goals → tactical activities, stored as one tree of items.

export const TEAM_PLAN_ITEM_KINDS = ['business_objective', 'goal', 'activity'] as const;
export type TeamPlanItemKind = (typeof TEAM_PLAN_ITEM_KINDS)[number];

export const TEAM_GOAL_AREAS = ['sales', 'marketing'] as const;
export type TeamGoalArea = (typeof TEAM_GOAL_AREAS)[number];

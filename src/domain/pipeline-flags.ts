// The flags an open deal can carry on a dashboard (DOMAIN.md, "KPIs"; pipeline.ts isStale and
// countSlips define them; isOverdue), by which the opportunity list filters to the deals behind a
// count.
// "needs-plan" joins when the rule for a deal worth a plan is in the domain.

export const PIPELINE_FLAGS = ['stale', 'slipping', 'overdue'] as const;
export type PipelineFlag = (typeof PIPELINE_FLAGS)[number];

/**
 * The deal list's plan filter: deals with a deal plan, without one, or whose plan has an error
 * finding today (the deal-plan checks, domain/deal-plan-checks.ts, run on the deals with a plan).
 */
export const PLAN_FILTERS = ['with-plan', 'without-plan', 'plan-errors'] as const;
export type PlanFilter = (typeof PLAN_FILTERS)[number];

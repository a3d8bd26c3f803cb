// The flags an open deal can carry on a dashboard (DOMAIN.md, "KPIs"; pipeline.ts isStale and
// countSlips define them), by which the opportunity list filters to the deals behind a count.
// "needs-plan" joins when the rule for a deal worth a plan is in the domain.

export const PIPELINE_FLAGS = ['stale', 'slipping'] as const;
export type PipelineFlag = (typeof PIPELINE_FLAGS)[number];

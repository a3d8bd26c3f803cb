import type { ActivityCounts } from './activity-plan';
import { ValidationError } from './errors';

// One weekly plan (DOMAIN.md, "Activity plan"): per activity type the norms' plan for this week
// (segment norms × target accounts, spread over the year's working weeks) meets the funnel's
// need per week over the weeks left (first meetings, and calls when the rep gives calls per
// meeting). The plan follows the larger; a rep may choose another figure, but only with a reason,
// which the agreed version records. The plan never asks for fewer than the funnel needs unless
// the rep said why.

export const WEEKLY_PLAN_BASES = ['norms', 'funnel', 'override'] as const;
export type WeeklyPlanBasis = (typeof WEEKLY_PLAN_BASES)[number];

/** The funnel's activity types: it counts first meetings and turns them into calls. */
export const FUNNEL_ACTIVITY_TYPES = { firstMeeting: 'first_meeting', call: 'call' } as const;

/** A rep's own figure per week for one activity type, with the reason why. */
export type WeeklyPlanOverride = { perWeek: number; reason: string };

export type WeeklyPlanLine = {
  type: string;
  /** The norms' plan for this week (0 when no norm plans the type). */
  fromNorms: number;
  /** The funnel's need per week over the weeks left; null when it does not count the type. */
  fromFunnel: number | null;
  /** fromFunnel − fromNorms: more than 0 when the funnel needs more than the norms plan. */
  gap: number | null;
  planned: number;
  basis: WeeklyPlanBasis;
  /** The rep's reason, for an override only. */
  reason: string | null;
};

export type FunnelNeedPerWeek = {
  /** First meetings per week over the weeks left (the funnel's rounded-up pace). */
  firstMeetings: number | null;
  /** Calls per week (first meetings × calls per meeting), when the rep gave the ratio. */
  calls: number | null;
};

export type WeeklyPlanInput = {
  /** The norms' counts for this week, per activity type. */
  normsThisWeek: ActivityCounts;
  funnel: FunnelNeedPerWeek;
  overrides: Readonly<Record<string, WeeklyPlanOverride>>;
};

/** Refuses an override without a reason or with a figure that is not a whole count ≥ 0. */
export function checkWeeklyPlanOverrides(
  overrides: Readonly<Record<string, WeeklyPlanOverride>>,
  field = 'weeklyPlanOverrides',
): void {
  const issues = Object.entries(overrides).flatMap(([type, override]) => [
    ...(Number.isSafeInteger(override.perWeek) && override.perWeek >= 0
      ? []
      : [{ field: `${field}.${type}.perWeek`, reason: 'must be a whole number, at least 0' }]),
    ...(override.reason.trim() === ''
      ? [{ field: `${field}.${type}.reason`, reason: 'say why the plan differs from its sources' }]
      : []),
  ]);
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * The weekly plan per activity type, in alphabetical order: every type the norms plan, the
 * funnel's first meetings (always: the funnel counts them) and calls when it counts them, and
 * any type the rep overrode.
 */
export function planWeekly(input: WeeklyPlanInput): WeeklyPlanLine[] {
  checkWeeklyPlanOverrides(input.overrides);
  const fromFunnelOf: Record<string, number | null> = {
    [FUNNEL_ACTIVITY_TYPES.firstMeeting]: input.funnel.firstMeetings,
    ...(input.funnel.calls === null ? {} : { [FUNNEL_ACTIVITY_TYPES.call]: input.funnel.calls }),
  };
  const types = [
    ...new Set([
      ...Object.keys(input.normsThisWeek),
      ...Object.keys(fromFunnelOf),
      ...Object.keys(input.overrides),
    ]),
  ].sort();
  return types.map((type) => {
    const fromNorms = input.normsThisWeek[type] ?? 0;
    const fromFunnel = fromFunnelOf[type] ?? null;
    const gap = fromFunnel === null ? null : fromFunnel - fromNorms;
    const override = input.overrides[type];
    if (override) {
      return {
        type,
        fromNorms,
        fromFunnel,
        gap,
        planned: override.perWeek,
        basis: 'override',
        reason: override.reason,
      };
    }
    const followsFunnel = fromFunnel !== null && fromFunnel > fromNorms;
    return {
      type,
      fromNorms,
      fromFunnel,
      gap,
      planned: followsFunnel ? fromFunnel : fromNorms,
      basis: followsFunnel ? 'funnel' : 'norms',
      reason: null,
    };
  });
}

import { ceilCount, ceilDivide } from './rounding';

// The funnel's chain of counts, shared by the plan and by the small-sample ranges.

export type FunnelCounts = {
  dealsToWin: number | null;
  opportunitiesNeeded: number | null;
  firstMeetingsNeeded: number | null;
};

/** W = ceil(G/A), O = ceil(W/c), M = ceil(O/m), each from the rounded step before; exact beside. */
export function funnelCounts(
  remainingGoalMinor: number,
  averageDealMinor: number | null,
  closingRatio: number | null,
  meetingRatio: number | null,
): { rounded: FunnelCounts; exact: FunnelCounts } {
  if (remainingGoalMinor === 0) {
    const zero = { dealsToWin: 0, opportunitiesNeeded: 0, firstMeetingsNeeded: 0 };
    return { rounded: zero, exact: { ...zero } };
  }
  const divide = (value: number | null, by: number | null): number | null =>
    value === null || by === null || by === 0 ? null : value / by;
  const exactDeals = divide(remainingGoalMinor, averageDealMinor);
  const exactOpportunities = divide(exactDeals, closingRatio);
  const exact = {
    dealsToWin: exactDeals,
    opportunitiesNeeded: exactOpportunities,
    firstMeetingsNeeded: divide(exactOpportunities, meetingRatio),
  };
  const up = (value: number | null): number | null => (value === null ? null : ceilCount(value));
  // G and A are whole minor units: W is their exact ceiling, never a float's rounding.
  const dealsToWin =
    averageDealMinor === null || averageDealMinor === 0
      ? null
      : ceilDivide(remainingGoalMinor, averageDealMinor);
  const opportunitiesNeeded = up(divide(dealsToWin, closingRatio));
  const firstMeetingsNeeded = up(divide(opportunitiesNeeded, meetingRatio));
  return { rounded: { dealsToWin, opportunitiesNeeded, firstMeetingsNeeded }, exact };
}

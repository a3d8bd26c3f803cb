import type { AccountStatus } from './account';
import { fiscalYearMonths, isoWeekOf, monthRange, workingDaysInRange } from './calendar';
import type { IsoDate, IsoMonth, IsoWeek } from './calendar';
import { ValidationError } from './errors';
import { splitByLargestRemainder } from './money';
import { flatWeights } from './seasonality';

// Activity plan (DOMAIN.md, seed 001): Σ over the rep's target accounts of the norms of the
// account's segment and status, per year; monthly by seasonality weights (or flat); weekly by
// spreading each month over its working days. Largest remainder keeps every level exact.

/** A segment's norm: e.g. segment-A prospect, 8 calls a year. */
export type ActivityNorm = {
  segmentId: string;
  status: AccountStatus;
  activityType: string;
  countPerYear: number;
};

/**
 * A segment has one norm per account status and activity type; a repeat is refused on its row
 * (`norms[i].activityType`), so a strategy's norms never depend on which copy wins.
 */
export function checkActivityNorms(
  norms: readonly Pick<ActivityNorm, 'segmentId' | 'status' | 'activityType'>[],
): void {
  const seen = new Set<string>();
  const issues = norms.flatMap((norm, index) => {
    const key = `${norm.segmentId}:${norm.status}:${norm.activityType}`;
    const isRepeat = seen.has(key);
    seen.add(key);
    return isRepeat
      ? [
          {
            field: `norms[${index}].activityType`,
            reason: 'this segment already has a norm for this account status and activity type',
          },
        ]
      : [];
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

export type TargetAccount = { accountId: string; segmentId: string; status: AccountStatus };

/** Counts per activity type, keys in alphabetical order. */
export type ActivityCounts = Record<string, number>;

export type ActivityPlan = {
  yearly: ActivityCounts;
  monthly: { month: IsoMonth; counts: ActivityCounts }[];
  weekly: { week: IsoWeek; counts: ActivityCounts }[];
  /** Target accounts whose segment and status have no norm. */
  accountsWithoutNorms: string[];
};

export type ActivityPlanInput = {
  norms: readonly ActivityNorm[];
  accounts: readonly TargetAccount[];
  /** The fiscal year's first month, e.g. '2027-01'. */
  fiscalYearStart: IsoMonth;
  /** 12 seasonality weights in fiscal order; flat when absent. */
  weights?: readonly number[];
};

/** Yearly counts per activity type: the norms summed over the target accounts. */
export function yearlyActivityCounts(
  norms: readonly ActivityNorm[],
  accounts: readonly TargetAccount[],
): { yearly: ActivityCounts; accountsWithoutNorms: string[] } {
  norms.forEach((norm, index) => {
    if (!Number.isSafeInteger(norm.countPerYear) || norm.countPerYear < 0) {
      throw new ValidationError({
        field: `norms[${index}].countPerYear`,
        reason: 'must be a whole number, at least 0',
      });
    }
  });
  const totals = new Map<string, number>();
  for (const norm of norms) totals.set(norm.activityType, totals.get(norm.activityType) ?? 0);
  const accountsWithoutNorms: string[] = [];
  for (const account of accounts) {
    const matching = norms.filter(
      (n) => n.segmentId === account.segmentId && n.status === account.status,
    );
    if (matching.length === 0) accountsWithoutNorms.push(account.accountId);
    for (const norm of matching)
      totals.set(norm.activityType, (totals.get(norm.activityType) ?? 0) + norm.countPerYear);
  }
  const yearly = Object.fromEntries([...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { yearly, accountsWithoutNorms };
}

type FiscalMonth = ReturnType<typeof fiscalYearMonths>[number];

// Working days per ISO week of a month, by the month's first and last day: a team dashboard
// spreads every rep's plan over the same twelve months (a profile under load found the day-by-day
// walk the server's largest cost). Bounded: a few fiscal years are ever asked for.
const workingDaysByWeekCache = new Map<string, ReadonlyMap<IsoWeek, number>>();

function workingDaysByWeek(month: FiscalMonth): ReadonlyMap<IsoWeek, number> {
  const key = `${month.start}/${month.end}`;
  const known = workingDaysByWeekCache.get(key);
  if (known) return known;
  const weeks = new Map<IsoWeek, number>();
  for (const day of workingDaysInRange(month.start, month.end)) {
    const week = isoWeekOf(day);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  if (workingDaysByWeekCache.size >= 240) workingDaysByWeekCache.clear();
  workingDaysByWeekCache.set(key, weeks);
  return weeks;
}

/** Spreads one month's count over the ISO weeks of its working days, by working days per week. */
function spreadOverWeeks(count: number, month: FiscalMonth): Map<IsoWeek, number> {
  const weeks = workingDaysByWeek(month);
  const parts = splitByLargestRemainder(count, [...weeks.values()]);
  return new Map([...weeks.keys()].map((week, index) => [week, parts[index] ?? 0]));
}

/** The rep's activity plan: yearly, monthly and weekly counts per activity type. */
export function planActivities(input: ActivityPlanInput): ActivityPlan {
  const weights = input.weights ?? flatWeights();
  checkWeights(weights);
  const { yearly, accountsWithoutNorms } = yearlyActivityCounts(input.norms, input.accounts);
  return { ...spreadActivityPlan(yearly, input.fiscalYearStart, weights), accountsWithoutNorms };
}

function checkWeights(weights: readonly number[]): void {
  if (weights.length !== 12) {
    throw new ValidationError({
      field: 'weights',
      reason: `need 12 monthly weights, got ${weights.length}`,
    });
  }
}

/**
 * Yearly counts (already summed over the target accounts, e.g. by the database for a team)
 * spread over the fiscal months by the weights and over each month's working weeks.
 */
export function spreadActivityPlan(
  yearly: ActivityCounts,
  fiscalYearStart: IsoMonth,
  weights: readonly number[] = flatWeights(),
): Omit<ActivityPlan, 'accountsWithoutNorms'> {
  checkWeights(weights);
  const types = Object.keys(yearly);
  const months = fiscalYearMonths(fiscalYearStart);
  const byType = types.map((type) => splitByLargestRemainder(yearly[type] ?? 0, weights));
  const monthly = months.map((month, m) => ({
    month: month.month,
    counts: Object.fromEntries(types.map((type, t) => [type, byType[t]?.[m] ?? 0])),
  }));
  const weekly = new Map<IsoWeek, ActivityCounts>();
  months.forEach((month, m) => {
    types.forEach((type, t) => {
      for (const [week, count] of spreadOverWeeks(byType[t]?.[m] ?? 0, month)) {
        const counts = weekly.get(week) ?? Object.fromEntries(types.map((name) => [name, 0]));
        counts[type] = (counts[type] ?? 0) + count;
        weekly.set(week, counts);
      }
    });
  });
  return {
    yearly,
    monthly,
    weekly: [...weekly.entries()].map(([week, counts]) => ({ week, counts })),
  };
}

/**
 * A month's planned counts up to and including `day`: each count spread evenly over the month's
 * working days (largest remainder), so the month to date compares with what was done so far this
 * month rather than the whole month's plan with part of the month's work.
 */
export function monthPlanToDay(
  counts: ActivityCounts,
  month: IsoMonth,
  day: IsoDate,
): ActivityCounts {
  const range = monthRange(month);
  const days = workingDaysInRange(range.start, range.end);
  const elapsed = days.filter((d) => d <= day).length;
  return Object.fromEntries(
    Object.entries(counts).map(([type, count]) => {
      const parts = splitByLargestRemainder(
        count,
        days.map(() => 1),
      );
      return [type, parts.slice(0, elapsed).reduce((sum, part) => sum + part, 0)];
    }),
  );
}

import { workingWeeksInRange } from './calendar';
import type { IsoDate, IsoWeek } from './calendar';
import { ValidationError } from './errors';
import type { Finding } from './findings';
import type { ActivityPlan } from './activity-plan';

// Capacity (DOMAIN.md, activity plan): hours per activity type × counts against the rep's
// selling hours. Over capacity is a `realistic` finding; so is a week over its selling hours.

export type ActivityCapacityInput = {
  /** Hours one activity of each type takes (preparation and travel included). */
  hoursPerActivity: Record<string, number>;
  sellingHoursPerYear: number;
  /** When given, every planned week is checked too. */
  sellingHoursPerWeek?: number;
};

export type ActivityCapacity = {
  hoursPerYear: number;
  byType: { activityType: string; count: number; hours: number | null }[];
  weeksOverCapacity: IsoWeek[];
  findings: Finding[];
};

/**
 * A rep's selling hours in a period: their hours per week times the ISO weeks with at least one
 * working day in it (a fiscal year may have 53 such weeks).
 */
export function sellingHoursInPeriod(
  sellingHoursPerWeek: number,
  period: { from: IsoDate; to: IsoDate },
): number {
  return sellingHoursPerWeek * workingWeeksInRange(period.from, period.to).length;
}

function hoursOf(counts: Record<string, number>, hoursPerActivity: Record<string, number>): number {
  return Object.entries(counts).reduce(
    (sum, [type, count]) => sum + count * (hoursPerActivity[type] ?? 0),
    0,
  );
}

/** Checks the plan's hours against the rep's selling hours per year (and per week when given). */
export function checkActivityCapacity(
  plan: ActivityPlan,
  input: ActivityCapacityInput,
): ActivityCapacity {
  for (const [type, hours] of Object.entries(input.hoursPerActivity)) {
    if (!(Number.isFinite(hours) && hours >= 0)) {
      throw new ValidationError({
        field: `hoursPerActivity.${type}`,
        reason: 'must be a number of hours, at least 0',
      });
    }
  }
  if (!(Number.isFinite(input.sellingHoursPerYear) && input.sellingHoursPerYear >= 0)) {
    throw new ValidationError({
      field: 'sellingHoursPerYear',
      reason: 'must be a number of hours, at least 0',
    });
  }
  const byType = Object.entries(plan.yearly).map(([activityType, count]) => {
    const perActivity = input.hoursPerActivity[activityType];
    return { activityType, count, hours: perActivity === undefined ? null : count * perActivity };
  });
  const hoursPerYear = hoursOf(plan.yearly, input.hoursPerActivity);
  const findings: Finding[] = [];
  for (const { activityType, count, hours } of byType) {
    if (hours === null && count > 0) {
      findings.push({
        check: 'realistic',
        code: 'hours_unknown',
        severity: 'info',
        field: `hoursPerActivity.${activityType}`,
        message: `No hours are set for ${activityType}: its ${count} planned activities are not counted against capacity.`,
      });
    }
  }
  if (hoursPerYear > input.sellingHoursPerYear) {
    findings.push({
      check: 'realistic',
      code: 'over_capacity',
      severity: 'error',
      field: 'sellingHoursPerYear',
      message: `The plan needs ${round(hoursPerYear)} hours a year but the rep has ${input.sellingHoursPerYear} selling hours.`,
    });
  }
  const perWeek = input.sellingHoursPerWeek;
  const weeksOverCapacity =
    perWeek === undefined
      ? []
      : plan.weekly
          .filter(({ counts }) => hoursOf(counts, input.hoursPerActivity) > perWeek)
          .map(({ week }) => week);
  if (weeksOverCapacity.length > 0) {
    findings.push({
      check: 'realistic',
      code: 'weeks_over_capacity',
      severity: 'warning',
      field: 'sellingHoursPerWeek',
      message: `${weeksOverCapacity.length} week${weeksOverCapacity.length === 1 ? '' : 's'} need more than ${perWeek} selling hours, first ${weeksOverCapacity[0]}.`,
    });
  }
  return { hoursPerYear, byType, weeksOverCapacity, findings };
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}

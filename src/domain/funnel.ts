import {
  addDays,
  maxDate,
  monthOf,
  parseIsoDate,
  workingDaysInRange,
  workingWeeksInRange,
} from './calendar';
import type { IsoDate, IsoMonth } from './calendar';
import { ValidationError } from './errors';
import type { Finding } from './findings';
import { funnelCounts } from './funnel-counts';
import type { FunnelCounts } from './funnel-counts';
import { smallSampleRanges } from './funnel-ranges';
import type { RatioRange } from './funnel-ranges';
import type { FunnelInput } from './funnel-input';
import { splitByLargestRemainder } from './money';
import { ceilCount } from './rounding';
import { formatDay } from './day-format';

// Reverse-engineered funnel (DOMAIN.md, seed 003): goal → deals to win → opportunities needed →
// first meetings needed, spread over the working weeks left before the sales cycle runs out.

export type { FunnelInput } from './funnel-input';

export type PerWeek = { exact: number; rounded: number };

export type FunnelPlan = FunnelCounts & {
  remainingGoalMinor: number;
  /** The same chain unrounded: G/A, (G/A)/c, ((G/A)/c)/m. */
  exact: FunnelCounts;
  /** Days when first meetings can still happen: today (or the period start) to end − L. */
  meetingWindow: { from: IsoDate; to: IsoDate; workingDays: number };
  /** ISO weeks with at least one working day in the meeting window. */
  weeks: number;
  meetingsPerWeek: PerWeek | null;
  callsPerWeek: PerWeek | null;
  /** First meetings per month of the window, by working days, summing to firstMeetingsNeeded. */
  months: { month: IsoMonth; workingDays: number; firstMeetings: number }[];
  ranges: RatioRange[];
  findings: Finding[];
};

function validate(input: FunnelInput): void {
  const issues: { field: string; reason: string }[] = [];
  const amount = (value: number | null, field: string): void => {
    if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) {
      issues.push({ field, reason: 'must be a whole amount in minor units, at least 0' });
    }
  };
  const ratio = (value: number | null | undefined, field: string): void => {
    if (value != null && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
      issues.push({ field, reason: 'must be a ratio between 0 and 1' });
    }
  };
  amount(input.goalMinor, 'goalMinor');
  amount(input.wonMinor, 'wonMinor');
  amount(input.averageDealMinor, 'averageDealMinor');
  ratio(input.closingRatio, 'closingRatio');
  ratio(input.meetingToOpportunityRatio, 'meetingToOpportunityRatio');
  ratio(input.teamClosingRatio, 'teamClosingRatio');
  ratio(input.teamMeetingToOpportunityRatio, 'teamMeetingToOpportunityRatio');
  const cycle = input.salesCycleDays;
  if (cycle !== null && !(Number.isFinite(cycle) && cycle >= 0)) {
    issues.push({ field: 'salesCycleDays', reason: 'must be a number of days, at least 0' });
  }
  const calls = input.callsPerMeeting;
  if (calls != null && !(Number.isFinite(calls) && calls >= 0)) {
    issues.push({ field: 'callsPerMeeting', reason: 'must be a number, at least 0' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  parseIsoDate(input.periodStart, 'periodStart');
  parseIsoDate(input.periodEnd, 'periodEnd');
  parseIsoDate(input.today, 'today');
  if (input.periodEnd < input.periodStart) {
    throw new ValidationError({ field: 'periodEnd', reason: 'must not be before periodStart' });
  }
}

function inputFindings(input: FunnelInput): Finding[] {
  const findings: Finding[] = [];
  if (input.salesCycleDays === null) {
    findings.push({
      code: 'missing_sales_cycle',
      severity: 'warning',
      field: 'salesCycleDays',
      message:
        'No sales cycle: enter one or win a first deal. Until then meetings are spread to the period end, so the last ones cannot close in time.',
    });
  }
  if (input.averageDealMinor === null || input.averageDealMinor === 0) {
    findings.push({
      code: 'missing_deal_size',
      severity: 'error',
      field: 'averageDealMinor',
      message:
        'No average deal size: enter one or win a first deal, then the plan can count deals.',
    });
  }
  const ratios = [
    ['closingRatio', 'closing ratio', input.closingRatio],
    ['meetingToOpportunityRatio', 'meeting-to-opportunity ratio', input.meetingToOpportunityRatio],
  ] as const;
  for (const [field, label, value] of ratios) {
    if (value === null) {
      findings.push({
        code: 'missing_ratio',
        severity: 'error',
        field,
        message: `No ${label}: enter one or record enough history to compute it.`,
      });
    } else if (value === 0) {
      findings.push({
        code: 'zero_ratio',
        severity: 'error',
        field,
        message: `The ${label} is 0%: no number of meetings reaches the goal at that rate.`,
      });
    }
  }
  return findings;
}

/** Plans the first meetings a rep needs per week to reach the goal; findings instead of errors. */
export function reverseFunnel(input: FunnelInput): FunnelPlan {
  validate(input);
  const remainingGoalMinor = Math.max(0, input.goalMinor - input.wonMinor);
  const isGoalMet = remainingGoalMinor === 0;
  const averageDeal = input.averageDealMinor === 0 ? null : input.averageDealMinor;
  const counts = funnelCounts(
    remainingGoalMinor,
    averageDeal,
    input.closingRatio,
    input.meetingToOpportunityRatio,
  );
  const from = maxDate(input.today, input.periodStart);
  const cycleDays = Math.ceil(input.salesCycleDays ?? 0);
  const to = addDays(input.periodEnd, -cycleDays);
  const windowDays = workingDaysInRange(from, to);
  const weeks = workingWeeksInRange(from, to).length;
  const meetings = counts.rounded.firstMeetingsNeeded;
  const findings: Finding[] = isGoalMet ? [] : inputFindings(input);
  const ranges = isGoalMet ? [] : smallSampleRanges(input, remainingGoalMinor, findings);
  if (isGoalMet) {
    findings.push({
      code: 'goal_met',
      severity: 'info',
      message:
        'The goal is already met by the revenue won in the period: no first meetings are needed.',
    });
  } else if (weeks === 0) {
    // Not an error: the period is simply ending. Say so once, in words, with what to do.
    findings.push({
      code: 'no_week_left',
      severity: 'info',
      field: 'periodEnd',
      message: `No more first meetings are planned in this period: with a ${cycleDays}-day sales cycle, a deal started now closes after ${formatDay(input.periodEnd, 'en')}. New first meetings belong to the next period's plan.`,
    });
  }
  const perWeek = (total: number): PerWeek | null =>
    weeks === 0
      ? total === 0
        ? { exact: 0, rounded: 0 }
        : null
      : { exact: total / weeks, rounded: ceilCount(total / weeks) };
  const calls = input.callsPerMeeting;
  const months = [...new Set(windowDays.map(monthOf))].map((month) => ({
    month,
    workingDays: windowDays.filter((day) => monthOf(day) === month).length,
  }));
  // Months are only planned when meetings can be counted and a working day is left for them.
  const monthly =
    meetings === null || weeks === 0
      ? []
      : splitByLargestRemainder(
          meetings,
          months.map((month) => month.workingDays),
        );
  return {
    remainingGoalMinor,
    ...counts.rounded,
    exact: counts.exact,
    meetingWindow: { from, to, workingDays: windowDays.length },
    weeks,
    meetingsPerWeek: meetings === null ? null : perWeek(meetings),
    callsPerWeek: meetings === null || calls == null ? null : perWeek(meetings * calls),
    months:
      monthly.length === 0
        ? []
        : months.map((month, index) => ({ ...month, firstMeetings: monthly[index] ?? 0 })),
    ranges,
    findings,
  };
}

import { isoWeekOf, parseIsoDate } from './calendar';
import type { IsoDate, IsoWeek } from './calendar';
import { checkDealPlanCoverage } from './deal-plan-coverage';
import type { DealPlan, DealPlanFinding } from './deal-plan';
import { checkLogical, checkSignificant } from './deal-plan-logic';
import { checkRealistic, checkValid, type DealPlanCheckOptions } from './deal-plan-realism';
import { type FindingSummary, summariseFindings } from './findings';

// Deal-plan checks (DOMAIN.md, seed 000). Each finding names the field to fix; indexes are
// positions in the plan's arrays as given. Severities:
//
// | check       | code                         | severity | when                                              |
// |-------------|------------------------------|----------|---------------------------------------------------|
// | logical     | step_before_dependency       | error    | a step is due before the step it depends on       |
// | logical     | step_dependency_cycle        | error    | steps depend on each other in a circle            |
// | logical     | step_dependency_missing      | warning  | depends on a step that is not in the plan         |
// | logical     | step_after_expected_close    | warning  | an open step is due after the expected close      |
// | logical     | objective_before_its_steps   | warning  | an open objective is due before one of its steps  |
// | logical     | objectives_out_of_order      | info     | an open objective is due before an earlier one    |
// | significant | step_without_objective       | error    | an open step serves no objective of the plan      |
// | significant | step_target_missing          | error    | its influence or competitor is not in the plan    |
// | significant | step_objective_closed        | warning  | an open step serves an achieved/abandoned one     |
// | significant | step_without_target          | warning  | an open step targets no influence nor competition |
// | realistic   | step_overdue                 | warning  | an open step's due date has passed                |
// | realistic   | step_without_due_date        | warning  | an open step has no due date                      |
// | realistic   | week_over_capacity           | warning  | the rep's open steps that week exceed capacity    |
// | realistic   | objective_after_expected_close | warning | an open objective is due after the expected close |
// | realistic   | expected_close_passed        | warning  | the open deal's expected close has passed         |
// | realistic   | expected_close_missing       | info     | the open deal has no expected close               |
// | valid       | step_without_confidence      | warning  | an open step has no confidence                    |
// | valid       | step_low_confidence          | warning  | an open step's confidence is 1 or 2               |
// | coverage    | (see deal-plan-coverage.ts)  |          | roles, modes, win-win, competition, SMART, flags  |
//
// Realistic checks and red flags only run on an open deal: a won or lost deal's plan is history.

/** Open steps one rep can carry in a week across all their deals, before the check warns. */
export const OPEN_STEPS_PER_WEEK_CAPACITY = 12;

export type { DealPlanCheckOptions };

/** Runs every deal-plan check and returns the findings (never throws on a well-typed plan). */
export function checkDealPlan(
  plan: DealPlan,
  today: IsoDate,
  options: DealPlanCheckOptions = {},
): DealPlanFinding[] {
  parseIsoDate(today, 'today');
  return [
    ...checkLogical(plan),
    ...checkSignificant(plan),
    ...(plan.isOpen ? checkRealistic(plan, today, options) : []),
    ...checkValid(plan),
    ...checkDealPlanCoverage(plan, today),
  ];
}

/** The plan's findings and their counts by severity: what the server answers and the web shows. */
export function checkDealPlanHealth(
  plan: DealPlan,
  today: IsoDate,
  options: DealPlanCheckOptions = {},
): { findings: DealPlanFinding[]; health: FindingSummary } {
  const findings = checkDealPlan(plan, today, options);
  return { findings, health: summariseFindings(findings) };
}

/** How many of `dates` fall in each ISO week (the rep's open steps elsewhere, by week). */
export function countByIsoWeek(dates: readonly IsoDate[]): Record<IsoWeek, number> {
  const counts: Record<IsoWeek, number> = {};
  for (const date of dates) {
    const week = isoWeekOf(date);
    counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts;
}

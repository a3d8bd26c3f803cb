import { isoWeekOf } from './calendar';
import type { IsoDate, IsoWeek } from './calendar';
import { LOW_CONFIDENCE, type DealPlan, type DealPlanFinding } from './deal-plan';
import { finding, label } from './deal-plan-finding';
import { formatDay } from './day-format';

// Realistic and valid checks of a deal plan (table in deal-plan-checks.ts).

/** The options of checkDealPlan (deal-plan-checks.ts) that the capacity check reads. */
export type DealPlanCheckOptions = {
  /** Most open steps a rep can carry in one ISO week, across all their deals. */
  openStepsPerWeekCapacity?: number;
  /** The rep's open steps per ISO week on their other deals. */
  repOpenStepsByWeek?: Record<IsoWeek, number>;
  /** Whose steps count against capacity; every open step when absent. */
  repId?: string;
};

/** No open step overdue, weeks within capacity, nothing past the expected close. */
export function checkRealistic(
  plan: DealPlan,
  today: IsoDate,
  options: DealPlanCheckOptions,
): DealPlanFinding[] {
  const findings: DealPlanFinding[] = [];
  const weeks = new Map<IsoWeek, number[]>();
  plan.steps.forEach((step, i) => {
    if (step.status !== 'open') return;
    if (step.dueOn === null) {
      findings.push(
        finding(
          'realistic',
          'warning',
          'step_without_due_date',
          `steps[${i}].dueOn`,
          `${label(step)} has no due date.`,
        ),
      );
      return;
    }
    if (step.dueOn < today) {
      findings.push(
        finding(
          'realistic',
          'warning',
          'step_overdue',
          `steps[${i}].dueOn`,
          `${label(step)} was due ${formatDay(step.dueOn, 'en')} and is still open: do it, move it or cancel it.`,
        ),
      );
    }
    if (options.repId === undefined || step.ownerId === options.repId) {
      const week = isoWeekOf(step.dueOn);
      weeks.set(week, [...(weeks.get(week) ?? []), i]);
    }
  });
  const capacity = options.openStepsPerWeekCapacity;
  if (capacity !== undefined) {
    for (const [week, indexes] of [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const total = indexes.length + (options.repOpenStepsByWeek?.[week] ?? 0);
      if (total > capacity) {
        findings.push(
          finding(
            'realistic',
            'warning',
            'week_over_capacity',
            `steps[${indexes[0] ?? 0}].dueOn`,
            `Week ${week} holds ${total} open steps for the rep, more than the ${capacity} they can carry.`,
          ),
        );
      }
    }
  }
  plan.objectives.forEach((objective, i) => {
    if (
      objective.status === 'open' &&
      objective.dueOn !== null &&
      plan.expectedCloseOn !== null &&
      objective.dueOn > plan.expectedCloseOn
    ) {
      findings.push(
        finding(
          'realistic',
          'warning',
          'objective_after_expected_close',
          `objectives[${i}].dueOn`,
          `The objective is due ${formatDay(objective.dueOn, 'en')}, after the expected close (${formatDay(plan.expectedCloseOn, 'en')}).`,
        ),
      );
    }
  });
  if (plan.expectedCloseOn === null) {
    findings.push(
      finding(
        'realistic',
        'info',
        'expected_close_missing',
        'expectedCloseOn',
        'The deal has no expected close date.',
      ),
    );
  } else if (plan.expectedCloseOn < today) {
    findings.push(
      finding(
        'realistic',
        'warning',
        'expected_close_passed',
        'expectedCloseOn',
        `The expected close (${formatDay(plan.expectedCloseOn, 'en')}) has passed: update it.`,
      ),
    );
  }
  return findings;
}

/** Every open step has a confidence; 2 or less is flagged. */
export function checkValid(plan: DealPlan): DealPlanFinding[] {
  const findings: DealPlanFinding[] = [];
  plan.steps.forEach((step, i) => {
    if (step.status !== 'open') return;
    if (step.confidence === null) {
      findings.push(
        finding(
          'valid',
          'warning',
          'step_without_confidence',
          `steps[${i}].confidence`,
          `${label(step)} has no confidence: how sure are you that it moves the deal (1 to 5)?`,
        ),
      );
    } else if (step.confidence <= LOW_CONFIDENCE) {
      findings.push(
        finding(
          'valid',
          'warning',
          'step_low_confidence',
          `steps[${i}].confidence`,
          `${label(step)} has a confidence of ${step.confidence} out of 5: rethink it or replace it.`,
        ),
      );
    }
  });
  return findings;
}

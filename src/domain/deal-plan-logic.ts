import type { IsoDate } from './calendar';
import type { ActionStep, DealPlan, DealPlanFinding } from './deal-plan';
import { finding, label } from './deal-plan-finding';
import { formatDay } from './day-format';

// Logical and significant checks of a deal plan (table in deal-plan-checks.ts).

function isInCycle(start: ActionStep, byId: Map<string, ActionStep>): boolean {
  const seen = new Set<string>();
  for (
    let id = start.dependsOnStepId;
    id != null && !seen.has(id);
    id = byId.get(id)?.dependsOnStepId
  ) {
    if (id === start.id) return true;
    seen.add(id);
  }
  return false;
}

/** Steps in a sensible order, none after the close; objectives not due before their steps. */
export function checkLogical(plan: DealPlan): DealPlanFinding[] {
  const findings: DealPlanFinding[] = [];
  const byId = new Map(plan.steps.map((step) => [step.id, step]));
  plan.steps.forEach((step, i) => {
    const dependsOn = step.dependsOnStepId;
    if (dependsOn != null && step.status !== 'cancelled') {
      const before = byId.get(dependsOn);
      if (!before) {
        findings.push(
          finding(
            'logical',
            'warning',
            'step_dependency_missing',
            `steps[${i}].dependsOnStepId`,
            `${label(step)} depends on a step that is not in the plan.`,
          ),
        );
      } else if (isInCycle(step, byId)) {
        findings.push(
          finding(
            'logical',
            'error',
            'step_dependency_cycle',
            `steps[${i}].dependsOnStepId`,
            `${label(step)} depends, through other steps, on itself: break the circle.`,
          ),
        );
      } else if (step.dueOn !== null && before.dueOn !== null && step.dueOn < before.dueOn) {
        findings.push(
          finding(
            'logical',
            'error',
            'step_before_dependency',
            `steps[${i}].dueOn`,
            `${label(step)} is due ${formatDay(step.dueOn, 'en')}, before ${label(before)} it depends on (${formatDay(before.dueOn, 'en')}).`,
          ),
        );
      }
    }
    if (
      step.status === 'open' &&
      plan.expectedCloseOn !== null &&
      step.dueOn !== null &&
      step.dueOn > plan.expectedCloseOn
    ) {
      findings.push(
        finding(
          'logical',
          'warning',
          'step_after_expected_close',
          `steps[${i}].dueOn`,
          `${label(step)} is due ${formatDay(step.dueOn, 'en')}, after the expected close (${formatDay(plan.expectedCloseOn, 'en')}).`,
        ),
      );
    }
  });
  let latestEarlierDue: IsoDate | null = null;
  const byPosition = plan.objectives
    .map((objective, i) => ({ objective, i }))
    .sort((a, b) => a.objective.position - b.objective.position);
  for (const { objective, i } of byPosition) {
    if (objective.status !== 'open' || objective.dueOn === null) continue;
    const stepDues = plan.steps
      .filter((s) => s.objectiveId === objective.id && s.status !== 'cancelled' && s.dueOn !== null)
      .map((s) => s.dueOn ?? '');
    const lastStep = stepDues.sort().at(-1);
    if (lastStep !== undefined && objective.dueOn < lastStep) {
      findings.push(
        finding(
          'logical',
          'warning',
          'objective_before_its_steps',
          `objectives[${i}].dueOn`,
          `The objective is due ${formatDay(objective.dueOn, 'en')}, before its last step (${formatDay(lastStep, 'en')}).`,
        ),
      );
    }
    if (latestEarlierDue !== null && objective.dueOn < latestEarlierDue) {
      findings.push(
        finding(
          'logical',
          'info',
          'objectives_out_of_order',
          `objectives[${i}].dueOn`,
          `This objective comes later in the sequence but is due ${formatDay(objective.dueOn, 'en')}, before an earlier one (${formatDay(latestEarlierDue, 'en')}).`,
        ),
      );
    }
    if (latestEarlierDue === null || objective.dueOn > latestEarlierDue)
      latestEarlierDue = objective.dueOn;
  }
  return findings;
}

/** Every open step serves an open objective and targets an influence or the competition. */
export function checkSignificant(plan: DealPlan): DealPlanFinding[] {
  const findings: DealPlanFinding[] = [];
  const objectives = new Map(plan.objectives.map((objective) => [objective.id, objective]));
  const influenceIds = new Set(plan.influences.map((influence) => influence.id));
  const competitorIds = new Set(plan.competition.map((competitor) => competitor.id));
  plan.steps.forEach((step, i) => {
    if (step.status !== 'open') return;
    const objective = step.objectiveId === null ? undefined : objectives.get(step.objectiveId);
    if (!objective) {
      findings.push(
        finding(
          'significant',
          'error',
          'step_without_objective',
          `steps[${i}].objectiveId`,
          `${label(step)} serves no objective of this plan: link it to the objective it moves forward.`,
        ),
      );
    } else if (objective.status !== 'open') {
      findings.push(
        finding(
          'significant',
          'warning',
          'step_objective_closed',
          `steps[${i}].objectiveId`,
          `${label(step)} serves an objective already ${objective.status}: move it to an open objective or cancel it.`,
        ),
      );
    }
    const influence = step.influenceId ?? null;
    const competitor = step.competitorId ?? null;
    if (influence !== null && !influenceIds.has(influence)) {
      findings.push(
        finding(
          'significant',
          'error',
          'step_target_missing',
          `steps[${i}].influenceId`,
          `${label(step)} targets a buying influence that is not in the plan.`,
        ),
      );
    }
    if (competitor !== null && !competitorIds.has(competitor)) {
      findings.push(
        finding(
          'significant',
          'error',
          'step_target_missing',
          `steps[${i}].competitorId`,
          `${label(step)} works against a competitor that is not in the plan.`,
        ),
      );
    }
    if (influence === null && competitor === null) {
      findings.push(
        finding(
          'significant',
          'warning',
          'step_without_target',
          `steps[${i}].influenceId`,
          `${label(step)} targets no buying influence and no competitor: say whom it is for.`,
        ),
      );
    }
  });
  return findings;
}

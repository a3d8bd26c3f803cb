import type { DealPlan } from '../domain/deal-plan';
import type { Confidence } from '../domain/deal-plan';
import { checkDealPlan } from '../domain/deal-plan-checks';
import { summariseFindings } from '../domain/findings';
import type { DealPlanFinding, DealPlanView, PlanHealth } from './deal-plans';

// One mapping from the API's plan to the domain's, so the server and the browser (live, while the
// rep types) run exactly the same checks on exactly the same input.

export type DealPlanDraft = Pick<
  DealPlanView,
  'isOpen' | 'expectedCloseOn' | 'objectives' | 'influences' | 'winWin' | 'competition' | 'steps'
>;

export function dealPlanOf(plan: DealPlanDraft): DealPlan {
  return {
    isOpen: plan.isOpen,
    expectedClose: plan.expectedCloseOn,
    objectives: plan.objectives.map((o) => ({
      id: o.id,
      who: o.who,
      whereWhen: o.whereWhen,
      informationToCollect: o.informationToCollect,
      how: o.how,
      desiredOutcome: o.desiredOutcome,
      dueOn: o.dueOn,
      status: o.status,
      position: o.position,
    })),
    influences: plan.influences.map((i) => ({
      id: i.id,
      contactName: i.contactName,
      role: i.role,
      influence: i.influence,
      responseMode: i.responseMode,
      modeHistory: i.modeHistory.map((m) => ({ mode: m.mode, recordedOn: m.recordedOn })),
      notes: i.notes,
    })),
    winWin: plan.winWin,
    competitors: plan.competition.map((c) => ({ ...c })),
    steps: plan.steps.map((s) => ({
      id: s.id,
      what: s.what,
      ownerId: s.ownerId ?? '',
      dueOn: s.dueOn,
      status: s.status,
      objectiveId: s.objectiveId,
      influenceId: s.influenceId,
      competitorId: s.competitorId,
      dependsOnStepId: s.dependsOnStepId,
      confidence: s.confidence as Confidence | null,
      position: s.position,
    })),
  };
}

export type PlanCheckOptions = DealPlanView['checkOptions'];

/** The plan's findings and their counts by severity. */
export function checkDealPlanDraft(
  plan: DealPlanDraft,
  today: string,
  options: PlanCheckOptions,
): { findings: DealPlanFinding[]; health: PlanHealth } {
  const findings = checkDealPlan(dealPlanOf(plan), today, options).map((f) => ({
    check: f.check,
    severity: f.severity,
    code: f.code,
    message: f.message,
    field: f.field,
  }));
  return { findings, health: summariseFindings(findings) };
}

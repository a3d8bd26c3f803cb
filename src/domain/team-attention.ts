import type { IsoDate } from './calendar';
import type { RepPlanState } from './rep-plan-states';
import type { StandingBand } from './standing';

// The Team page as the manager's working tool (issue 17, item 7): where each rep's plan stands,
// in a phase a manager reads as "who acts next, since when", and what needs attention first.

/** Where a rep's plan of the year stands, by who acts next. */
export const PLAN_PHASES = [
  'no_plan',
  'draft',
  'awaiting_rep_signature',
  'awaiting_countersignature',
  'agreed',
  'revised',
] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export type PlanDates = {
  state: RepPlanState;
  createdOn: IsoDate;
  updatedOn: IsoDate;
  repSignedOn: IsoDate | null;
  managerSignedOn: IsoDate | null;
};

/** The plan's phase and the day it entered it (a draft: created; a proposal: signed or proposed). */
export function planPhaseOf(plan: PlanDates | null): { phase: PlanPhase; since: IsoDate | null } {
  if (!plan) return { phase: 'no_plan', since: null };
  switch (plan.state) {
    case 'draft':
      return { phase: 'draft', since: plan.createdOn };
    case 'proposed':
      // Signed by the rep only: the manager acts; otherwise the rep signs (since the proposal,
      // or the manager's signature).
      if (plan.repSignedOn !== null && plan.managerSignedOn === null)
        return { phase: 'awaiting_countersignature', since: plan.repSignedOn };
      return { phase: 'awaiting_rep_signature', since: plan.managerSignedOn ?? plan.updatedOn };
    case 'agreed':
      return { phase: 'agreed', since: plan.managerSignedOn ?? plan.updatedOn };
    case 'revised':
      return { phase: 'revised', since: plan.updatedOn };
  }
}

/**
 * What needs a manager's attention, most urgent first (the order rows are sorted by). Behind and
 * slightly behind are the bands of standing.ts, for the attainment and the activity to date.
 */
export const TEAM_ATTENTION_REASONS = [
  'awaiting_countersignature',
  'check_in_overdue',
  'no_plan',
  'plan_not_agreed',
  'behind_target',
  'behind_on_activity',
  'thin_pipeline',
  'slightly_behind_target',
  'slightly_behind_on_activity',
] as const;
export type TeamAttentionReason = (typeof TEAM_ATTENTION_REASONS)[number];

export type RepStanding = {
  phase: PlanPhase;
  checkInsOverdue: number;
  /** The band of won against the target to date (standingOf); null when nothing is due. */
  attainment: StandingBand | null;
  /** The band of the activities done against those planned to date; null when none are. */
  activity: StandingBand | null;
  coverage: number | null;
  neededCoverage: number | null;
};

/** The reasons a rep's row needs attention, in TEAM_ATTENTION_REASONS order. */
export function attentionOf(rep: RepStanding): TeamAttentionReason[] {
  const reasons: Record<TeamAttentionReason, boolean> = {
    awaiting_countersignature: rep.phase === 'awaiting_countersignature',
    check_in_overdue: rep.checkInsOverdue > 0,
    no_plan: rep.phase === 'no_plan',
    plan_not_agreed: rep.phase === 'draft' || rep.phase === 'awaiting_rep_signature',
    behind_target: rep.attainment === 'behind',
    behind_on_activity: rep.activity === 'behind',
    thin_pipeline:
      rep.coverage !== null && rep.neededCoverage !== null && rep.coverage < rep.neededCoverage,
    slightly_behind_target: rep.attainment === 'slightly_behind',
    slightly_behind_on_activity: rep.activity === 'slightly_behind',
  };
  return TEAM_ATTENTION_REASONS.filter((reason) => reasons[reason]);
}

/**
 * Orders rows by what needs attention: the most urgent reason first, then more reasons, then the
 * lower attainment (none last), then the name.
 */
export function byAttention<
  T extends { attention: readonly TeamAttentionReason[]; attainment: number | null; name: string },
>(a: T, b: T): number {
  const rank = (row: T) => {
    const first = row.attention[0];
    return first === undefined
      ? TEAM_ATTENTION_REASONS.length
      : TEAM_ATTENTION_REASONS.indexOf(first);
  };
  return (
    rank(a) - rank(b) ||
    b.attention.length - a.attention.length ||
    (a.attainment ?? Infinity) - (b.attainment ?? Infinity) ||
    a.name.localeCompare(b.name)
  );
}

import { addMonthsToMonth } from './calendar';
import type { IsoDate, IsoMonth } from './calendar';

// Rep plan co-construction (DOMAIN.md, "Rep plan", seeds 001–002): draft → proposed (rep) →
// agreed (rep and manager both sign) → revised (a new agreed version after a check-in). Each
// decision is a pure function of the plan's state, its signatures and who asks, so the API and
// the web app refuse the same moves with the same reason.

export const REP_PLAN_STATES = ['draft', 'proposed', 'agreed', 'revised'] as const;
export type RepPlanState = (typeof REP_PLAN_STATES)[number];

/** Check-ins follow the plan's cadence; each is due until it is held. */
export const CHECK_IN_CADENCES = ['monthly', 'quarterly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];
export const CHECK_IN_STATUSES = ['due', 'held'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** The two who sign a plan. */
export const SIGNING_PARTIES = ['rep', 'manager'] as const;
export type SigningParty = (typeof SIGNING_PARTIES)[number];

/** Who the asker is for this plan: its rep, its manager, or someone else (leader, admin). */
export type RepPlanParty = 'rep' | 'manager' | 'other';

export type RepPlanStatus = {
  state: RepPlanState;
  hasRepSigned: boolean;
  hasManagerSigned: boolean;
};

export type RepPlanDecision =
  | { isAllowed: true; clearsSignatures: boolean; freezesVersion: boolean }
  | { isAllowed: false; reason: string; refusedFor: 'party' | 'state' };

// 'party': this person may never do it (403); 'state': not now, in this state (409).
const refuse = (reason: string, refusedFor: 'party' | 'state' = 'state'): RepPlanDecision => ({
  isAllowed: false,
  reason,
  refusedFor,
});
const allow = (clearsSignatures: boolean, freezesVersion: boolean): RepPlanDecision => ({
  isAllowed: true,
  clearsSignatures,
  freezesVersion,
});

/** The moves that exist at all from each state, before asking who may make them. */
export const REP_PLAN_TRANSITIONS: Record<RepPlanState, readonly RepPlanState[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'agreed'],
  agreed: ['revised'],
  revised: ['revised'],
};

/**
 * Whether `party` may move the plan to `to`. A revision only comes from a check-in's agreed
 * adjustment (`hasAdjustment`), recorded by the manager.
 */
export function decideRepPlanTransition(
  plan: RepPlanStatus,
  to: RepPlanState,
  party: RepPlanParty,
  options: { hasAdjustment?: boolean } = {},
): RepPlanDecision {
  if (party === 'other')
    return refuse('Only the plan’s rep or their manager can change its state.', 'party');
  if (!REP_PLAN_TRANSITIONS[plan.state].includes(to)) {
    return refuse(`The plan is ${plan.state}: it cannot become ${to}.`);
  }
  if (to === 'proposed') {
    return party === 'rep'
      ? allow(true, false)
      : refuse('Only the rep proposes their plan; the manager countersigns it.', 'party');
  }
  if (to === 'draft') return allow(true, false);
  if (to === 'agreed') {
    if (!plan.hasRepSigned || !plan.hasManagerSigned) {
      const missing = [!plan.hasRepSigned && 'the rep', !plan.hasManagerSigned && 'the manager']
        .filter(Boolean)
        .join(' and ');
      const verb = !plan.hasRepSigned && !plan.hasManagerSigned ? 'have' : 'has';
      return refuse(`The plan is agreed once both sign: ${missing} ${verb} not signed yet.`);
    }
    return allow(false, true);
  }
  if (party !== 'manager')
    return refuse('Only the manager records a revision, at a check-in.', 'party');
  if (!options.hasAdjustment) {
    return refuse('A plan is revised by an agreed adjustment recorded at a check-in.');
  }
  return allow(false, true);
}

/** Whether `party` may sign the plan as `as`: each side signs for itself, on a proposed plan. */
export function decideRepPlanSignature(
  plan: RepPlanStatus,
  as: 'rep' | 'manager',
  party: RepPlanParty,
): RepPlanDecision {
  if (plan.state !== 'proposed') {
    return refuse(`Only a proposed plan is signed; this one is ${plan.state}.`);
  }
  if (party !== as) {
    return refuse(
      as === 'manager'
        ? 'Only the rep’s manager can countersign the plan.'
        : 'Only the rep can sign their own plan.',
      'party',
    );
  }
  if (as === 'rep' ? plan.hasRepSigned : plan.hasManagerSigned) {
    return refuse(`The ${as} has already signed this plan.`);
  }
  return allow(false, false);
}

/** The rep and the manager edit the plan's content while it is a draft; nobody edits it later. */
export function canEditRepPlan(state: RepPlanState, party: RepPlanParty): boolean {
  return state === 'draft' && party !== 'other';
}

/** The states `party` can move the plan to now (for buttons); revisions come from check-ins. */
export function allowedRepPlanTransitions(
  plan: RepPlanStatus,
  party: RepPlanParty,
): RepPlanState[] {
  return REP_PLAN_TRANSITIONS[plan.state].filter(
    (to) => decideRepPlanTransition(plan, to, party).isAllowed,
  );
}

// Planning calendar (DOMAIN.md, seed 002): a year's planning opens three months before it
// starts, and the plan is inspected at least quarterly.

/** The first day planning for the fiscal year starting in `fiscalYearStart` may begin. */
export function planningOpensOn(fiscalYearStart: IsoMonth): IsoDate {
  return `${addMonthsToMonth(fiscalYearStart, -3)}-01`;
}

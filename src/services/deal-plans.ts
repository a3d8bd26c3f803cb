import { allQueries, type Database, type Executor } from '../db/client';
import {
  ensurePlan,
  bumpPlanVersion,
  emptyPlanRows,
  getPlanRows,
  listOwnersOpenStepDates,
  listPlanRows,
  updateWinWin,
} from '../db/queries/deal-plans';
import { readWorthADealPlan } from '../db/queries/dashboards';
import { getOpportunities, type OpportunityView } from '../db/queries/opportunities';
import { ConflictError } from '../domain/errors';
import type { DealPlanView, PlanHealthList, WinWin } from '../schemas/deal-plans';
import { recordChanges } from './audit';
import { type Actor, assertCanChange } from './authorization';
import { todayIn } from './clock';
import {
  checkedPlan,
  loadVisibleOpportunity,
  planParts,
  planViewOf,
  type PlanParts,
} from './deal-plan-view';

// The deal plan of an opportunity: read whole, written piece by piece. Every write checks the
// version the caller read (If-Match), bumps it, records the change for the timeline and answers
// the whole plan with its new findings, in one transaction.

export type PlanWriteContext = {
  tx: Executor;
  actor: Actor;
  opportunity: OpportunityView;
  /** The plan as it was before this write. */
  before: PlanParts;
  today: string;
};

type PartKind = 'objectives' | 'influences' | 'competition' | 'steps';

/** What a write changed, for the audit log: one plan item, the win-win, or the steps' order. */
export type AppliedChange =
  | { part: PartKind; entityType: string; entityId: string; action: 'create' | 'update' | 'delete' }
  | { part: 'winWin' | 'stepOrder'; entityType: string; entityId: string; action: 'update' };

function snapshot(parts: PlanParts, change: AppliedChange): unknown {
  if (change.part === 'winWin') return parts.winWin;
  if (change.part === 'stepOrder') return { stepIds: parts.steps.map((s) => s.id) };
  const items: { id: string }[] = parts[change.part];
  return items.find((item) => item.id === change.entityId) ?? null;
}

export async function getDealPlan(
  db: Database,
  actor: Actor,
  opportunityId: string,
): Promise<DealPlanView> {
  const opportunity = await loadVisibleOpportunity(db, actor, opportunityId);
  const rows = await getPlanRows(db, actor.orgId, opportunityId);
  return planViewOf(db, actor, opportunity, rows, todayIn(actor.timeZone));
}

/** Runs one write against the plan at `version`; a stale version changes nothing and gets 409. */
export async function writeDealPlan(
  db: Database,
  actor: Actor,
  opportunityId: string,
  version: number,
  apply: (context: PlanWriteContext) => Promise<AppliedChange>,
): Promise<DealPlanView> {
  const today = todayIn(actor.timeZone);
  return db.transaction(async (tx) => {
    const opportunity = await loadVisibleOpportunity(tx, actor, opportunityId);
    assertCanChange(actor, 'Opportunity', opportunityId, opportunity.opportunity.ownerId);
    await ensurePlan(tx, actor.orgId, opportunityId);
    if (!(await bumpPlanVersion(tx, actor.orgId, opportunityId, version))) {
      const rows = await getPlanRows(tx, actor.orgId, opportunityId);
      const current = await planViewOf(tx, actor, opportunity, rows, today);
      throw new ConflictError(
        `The plan changed since you read it: you sent version ${version}, it is at version ${current.version}. Nothing was saved; here is the current plan.`,
        current,
      );
    }
    const before = planParts(await getPlanRows(tx, actor.orgId, opportunityId));
    const change = await apply({ tx, actor, opportunity, before, today });
    // Read once after the change: the audit's "after" and the answer both come from these rows.
    const afterRows = await getPlanRows(tx, actor.orgId, opportunityId);
    const after = planParts(afterRows);
    await recordChanges(tx, actor, [
      {
        entityType: change.entityType,
        entityId: change.entityId,
        action: change.action,
        before: change.action === 'create' ? undefined : snapshot(before, change),
        after: change.action === 'delete' ? undefined : snapshot(after, change),
        scopeType: 'deal_plan',
        scopeId: opportunityId,
      },
    ]);
    return planViewOf(tx, actor, opportunity, afterRows, today);
  });
}

export function setWinWin(
  db: Database,
  actor: Actor,
  opportunityId: string,
  version: number,
  input: WinWin,
): Promise<DealPlanView> {
  return writeDealPlan(db, actor, opportunityId, version, async ({ tx }) => {
    await updateWinWin(tx, actor.orgId, opportunityId, input);
    return { part: 'winWin', entityType: 'win_win', entityId: opportunityId, action: 'update' };
  });
}

/** Plan health (counts by severity) of the deals among `ids` the actor can see. */
export async function listPlanHealth(
  db: Database,
  actor: Actor,
  ids: readonly string[],
  today: string = todayIn(actor.timeZone),
): Promise<PlanHealthList> {
  // A constant number of queries whatever the number of ids: the deals, their plans' rows
  // (one query per table), their owners' open steps; then the domain checks each plan.
  const wanted = [...new Set(ids)];
  const found = await getOpportunities(db, actor.orgId, wanted, actor.visibleOwnerIds);
  const byId = new Map(found.map((o) => [o.opportunity.id, o]));
  // Deals the actor cannot see are left out, as the list leaves them out.
  const opportunities = wanted.flatMap((id) => byId.get(id) ?? []);
  const ownerIds = [...new Set(opportunities.map((o) => o.opportunity.ownerId))];
  const [rowsById, openStepDates, worthAPlan] = await allQueries(db, [
    () => listPlanRows(db, actor.orgId, [...byId.keys()]),
    () => listOwnersOpenStepDates(db, actor.orgId, ownerIds),
    () => readWorthADealPlan(db, actor.orgId, today, [...byId.keys()]),
  ]);
  const items = opportunities.map((opportunity) => {
    const rows = rowsById.get(opportunity.opportunity.id) ?? emptyPlanRows();
    const view = checkedPlan(actor, opportunity, rows, openStepDates, today);
    return {
      opportunityId: view.opportunityId,
      hasPlan: view.version > 0,
      needsPlan: worthAPlan.has(view.opportunityId),
      ...view.health,
    };
  });
  return { items };
}

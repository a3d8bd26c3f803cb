import type { Database, Executor } from '../db/client';
import { ensurePlan, bumpPlanVersion, getPlanRows, updateWinWin } from '../db/queries/deal-plans';
import type { OpportunityView } from '../db/queries/opportunities';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { DealPlanView, PlanHealthList, WinWin } from '../schemas/deal-plans';
import { recordChanges } from './audit';
import { type Actor, assertCanChange } from './authorization';
import { todayIso } from './clock';
import { buildPlanView, loadVisibleOpportunity, planParts, type PlanParts } from './deal-plan-view';

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
  return buildPlanView(db, actor, opportunity, todayIso());
}

/** Runs one write against the plan at `version`; a stale version changes nothing and gets 409. */
export async function writeDealPlan(
  db: Database,
  actor: Actor,
  opportunityId: string,
  version: number,
  apply: (context: PlanWriteContext) => Promise<AppliedChange>,
): Promise<DealPlanView> {
  const today = todayIso();
  return db.transaction(async (tx) => {
    const opportunity = await loadVisibleOpportunity(tx, actor, opportunityId);
    assertCanChange(actor, 'Opportunity', opportunityId, opportunity.opportunity.ownerId);
    await ensurePlan(tx, actor.orgId, opportunityId);
    if (!(await bumpPlanVersion(tx, actor.orgId, opportunityId, version))) {
      const current = await buildPlanView(tx, actor, opportunity, today);
      throw new ConflictError(
        `The plan changed since you read it: you sent version ${version}, it is at version ${current.version}. Nothing was saved; here is the current plan.`,
        current,
      );
    }
    const before = planParts(await getPlanRows(tx, actor.orgId, opportunityId));
    const change = await apply({ tx, actor, opportunity, before, today });
    const after = planParts(await getPlanRows(tx, actor.orgId, opportunityId));
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
    return buildPlanView(tx, actor, opportunity, today);
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
): Promise<PlanHealthList> {
  const today = todayIso();
  const items: PlanHealthList['items'] = [];
  for (const id of new Set(ids)) {
    // Deals the actor cannot see are left out, as the list leaves them out.
    const opportunity = await loadVisibleOpportunity(db, actor, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!opportunity) continue;
    const view = await buildPlanView(db, actor, opportunity, today, { withHistory: false });
    items.push({ opportunityId: id, hasPlan: view.version > 0, ...view.health });
  }
  return { items };
}

import type { Database, Executor } from '../db/client';
import { getAccount } from '../db/queries/accounts';
import { inOneRoundTrip } from '../db/round-trip';
import {
  findRepPlan,
  getRepPlan as getRepPlanRow,
  insertRepPlan,
  listRepPlans as listRepPlanRows,
  replaceTargetAccounts,
  type RepPlanRow,
  updateRepPlan as updateRepPlanRow,
} from '../db/queries/rep-plans';
import { listActivityTypeHours } from '../db/queries/strategies';
import { getUserWithOrganisation } from '../db/queries/users';
import { fiscalYearStartOf } from '../domain/calendar';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { carriesQuota } from '../domain/roles';
import {
  allowedRepPlanTransitions,
  canEditRepPlan,
  planningOpensOn,
  type RepPlanParty,
} from '../domain/rep-plan-states';
import {
  FunnelOverrides,
  Qualitative,
  type RepPlan,
  type RepPlanInput,
  type RepPlanListItem,
  type RepPlanPatch,
  WeeklyPlanOverrides,
} from '../schemas/rep-plans';
import { recordChanges } from './audit';
import { type Actor, canChange, canRead } from './authorization';
import { todayIn } from './clock';
import { repPlanAttainment } from './rep-plan-attainment';
import { computeRepPlanFigures, loadRepPlanReads } from './rep-plan-figures';
import { formatDay } from '../domain/day-format';

// The rep plan, one per rep and fiscal year (DOMAIN.md, "Rep plan"): reps and managers build it
// together; leaders read every plan. Who may do what is decided in src/domain/rep-plan-states.ts.

type PlanView = NonNullable<Awaited<ReturnType<typeof getRepPlanRow>>>;

export function partyOf(actor: Actor, plan: Pick<RepPlanRow, 'repId' | 'managerId'>): RepPlanParty {
  if (actor.userId === plan.repId) return 'rep';
  if (actor.userId === plan.managerId) return 'manager';
  return 'other';
}

export function statusOf(plan: RepPlanRow) {
  return {
    state: plan.state,
    hasRepSigned: plan.repSignedAt !== null,
    hasManagerSigned: plan.managerSignedAt !== null,
  };
}

/** The plan if the actor may see it; another team's or organisation's plan is not found. */
export async function loadVisibleRepPlan(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<PlanView> {
  const view = await getRepPlanRow(db, actor.orgId, id);
  if (!view || !canRead(actor, view.plan.repId)) throw new NotFoundError('Rep plan', id);
  return view;
}

export function checkVersion(plan: RepPlanRow, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && expectedVersion !== plan.version) {
    throw new ConflictError(
      `The plan changed since you read it (version ${plan.version}); reload and retry`,
      { version: plan.version },
    );
  }
}

function toListItem(view: PlanView): RepPlanListItem {
  const { plan } = view;
  return {
    id: plan.id,
    version: plan.version,
    state: plan.state,
    year: plan.fiscalYear,
    cadence: plan.cadence,
    rep: { id: plan.repId, name: view.repName },
    manager: plan.managerId ? { id: plan.managerId, name: view.managerName ?? '' } : null,
  };
}

export async function getRepPlan(db: Executor, actor: Actor, id: string): Promise<RepPlan> {
  const view = await loadVisibleRepPlan(db, actor, id);
  const { plan } = view;
  const today = todayIn(actor.timeZone);
  // Four statements after authentication: the plan, what its figures start from
  // (loadRepPlanReads), then the history and the dashboards' aggregates together in one round
  // trip, and the aggregates that need the plans (computeRepFigures).
  const reads = await loadRepPlanReads(db, plan, today);
  const [figures, attainment] = await inOneRoundTrip(db, (batched) =>
    Promise.all([
      computeRepPlanFigures(batched, plan, today, reads),
      repPlanAttainment(batched, plan, today, reads),
    ]),
  );
  const party = partyOf(actor, plan);
  const { checkIns } = reads;
  return {
    ...toListItem(view),
    targets: figures.targets,
    attainment,
    targetAccounts: reads.targetAccounts,
    activityPlan: figures.activityPlan,
    funnel: figures.funnel,
    weekly: figures.weekly,
    weeklyPlan: figures.weeklyPlan,
    funnelInputs: FunnelOverrides.safeParse(plan.funnelInputs).data ?? {},
    weeklyPlanOverrides: WeeklyPlanOverrides.safeParse(plan.weeklyPlanOverrides).data ?? {},
    qualitative: Qualitative.safeParse(plan.qualitative).data ?? { stages: [] },
    signatures: {
      repSignedAt: plan.repSignedAt?.toISOString() ?? null,
      managerSignedAt: plan.managerSignedAt?.toISOString() ?? null,
    },
    allowedTransitions: allowedRepPlanTransitions(statusOf(plan), party),
    canEdit: canEditRepPlan(plan.state, party),
    checkIns: checkIns.map((c) => ({
      id: c.id,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      dueOn: c.dueOn,
      status: c.status,
      isOverdue: c.status === 'due' && c.dueOn < today,
      heldOn: c.heldOn,
      resultingVersionNumber: c.resultingVersionNumber,
    })),
  };
}

export async function listRepPlans(db: Executor, actor: Actor, year: number) {
  const rows = await listRepPlanRows(db, actor.orgId, actor.visibleOwnerIds, year);
  return { items: rows.map(toListItem), total: rows.length };
}

export async function createRepPlan(db: Database, actor: Actor, input: RepPlanInput) {
  const repId = input.repId ?? actor.userId;
  const today = todayIn(actor.timeZone);
  const id = await db.transaction(async (tx) => {
    const rep = await getUserWithOrganisation(tx, actor.orgId, repId);
    if (!rep || !canRead(actor, repId))
      throw new ValidationError({ field: 'repId', reason: 'no such user in your team' });
    if (!canChange(actor, repId)) throw new ForbiddenError('You may read this rep’s plans only');
    if (!carriesQuota(rep.user.role)) {
      throw new ValidationError({
        field: 'repId',
        reason: `${rep.user.name} is a ${rep.user.role} and carries no quota: rep plans are for reps and managers`,
      });
    }
    const opensOn = planningOpensOn(
      fiscalYearStartOf(input.year, rep.organisation.fiscalYearStartMonth),
    );
    if (today < opensOn) {
      throw new ValidationError({
        field: 'year',
        reason: `planning for ${input.year} opens on ${formatDay(opensOn, 'en')}`,
      });
    }
    if (await findRepPlan(tx, actor.orgId, repId, input.year)) {
      throw new ConflictError(`${rep.user.name} already has a plan for ${input.year}`);
    }
    const row = await insertRepPlan(tx, {
      orgId: actor.orgId,
      repId,
      managerId: rep.user.managerId,
      fiscalYear: input.year,
      cadence: input.cadence,
    });
    await recordChanges(tx, actor, [
      { entityType: 'rep_plan', entityId: row.id, action: 'create', after: row },
    ]);
    return row.id;
  });
  return getRepPlan(db, actor, id);
}

async function checkTargetAccounts(db: Executor, plan: RepPlanRow, accountIds: string[]) {
  const issues: { field: string; reason: string }[] = [];
  for (const [i, accountId] of accountIds.entries()) {
    // The rep's accounts: theirs, the shared pool, and those where they own a deal.
    if (!(await getAccount(db, plan.orgId, accountId, [plan.repId]))) {
      issues.push({ field: `targetAccountIds[${i}]`, reason: 'not one of the rep’s accounts' });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** A weekly figure is the rep's own only for one of the organisation's activity types. */
async function checkWeeklyPlanOverrides(db: Executor, plan: RepPlanRow, types: string[]) {
  const known = new Set((await listActivityTypeHours(db, plan.orgId)).map((t) => t.key));
  const unknown = types.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((type) => ({
        field: `weeklyPlanOverrides.${type}`,
        reason: 'not one of the organisation’s activity types',
      })),
    );
  }
}

/** Writes plan content (draft edits and check-in adjustments) and bumps the version. */
export async function writeRepPlanContent(
  db: Executor,
  actor: Actor,
  plan: RepPlanRow,
  patch: RepPlanPatch & Partial<Pick<RepPlanRow, 'state' | 'repSignedAt' | 'managerSignedAt'>>,
) {
  if (patch.targetAccountIds) await checkTargetAccounts(db, plan, patch.targetAccountIds);
  if (patch.weeklyPlanOverrides)
    await checkWeeklyPlanOverrides(db, plan, Object.keys(patch.weeklyPlanOverrides));
  const { targetAccountIds, ...fields } = patch;
  const after = await updateRepPlanRow(db, actor.orgId, plan.id, plan.version, fields);
  if (!after) throw new ConflictError('The plan changed since you read it; reload and retry');
  if (targetAccountIds) await replaceTargetAccounts(db, actor.orgId, plan.id, targetAccountIds);
  await recordChanges(db, actor, [
    {
      entityType: 'rep_plan',
      entityId: plan.id,
      action: 'update',
      before: plan,
      after: { ...after, targetAccountIds },
    },
  ]);
  return after;
}

export async function updateRepPlan(
  db: Database,
  actor: Actor,
  id: string,
  patch: RepPlanPatch,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const plan = await loadEditableRepPlan(tx, actor, id, expectedVersion, {
      isVersionRequired: true,
    });
    await writeRepPlanContent(tx, actor, plan, patch);
  });
  return getRepPlan(db, actor, id);
}

/**
 * The plan if the actor may edit it now: its rep or their manager, in a state they edit, at the
 * version they read (checked when sent; required when `isVersionRequired`).
 */
export async function loadEditableRepPlan(
  tx: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  { isVersionRequired }: { isVersionRequired: boolean },
): Promise<RepPlanRow> {
  const { plan } = await loadVisibleRepPlan(tx, actor, id);
  const party = partyOf(actor, plan);
  if (party === 'other') throw new ForbiddenError('Only the rep and their manager edit a plan');
  if (isVersionRequired && expectedVersion === undefined)
    throw new ConflictError('Send If-Match with the version you read', { version: plan.version });
  checkVersion(plan, expectedVersion);
  if (!canEditRepPlan(plan.state, party)) {
    throw new ConflictError(`The plan is ${plan.state}: only a draft is edited`);
  }
  return plan;
}

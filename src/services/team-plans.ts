import type { Database, Executor } from '../db/client';
import {
  countMetric,
  deleteTeamPlanItems,
  getTeamPlan as getTeamPlanRow,
  insertTeamPlan,
  insertTeamPlanItem,
  listTeamPlanItems,
  listTeamPlans as listTeamPlanRows,
  type TeamPlanItemRow,
  updateTeamPlan,
} from '../db/queries/team-plans';
import { getUser, getUserWithOrganisation, teamMemberIds } from '../db/queries/users';
import { fiscalYearPeriod, fiscalYearStartOf } from '../domain/calendar';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { TeamPlan, TeamPlanContent } from '../schemas/team-plans';
import { recordChanges } from './audit';
import { type Actor, canChange, canRead } from './authorization';

// The manager's team sales & marketing plan for a year (DOMAIN.md, seed 002). Progress of an
// activity's metric is counted from the data when its source is one the app knows.

type PlanView = NonNullable<Awaited<ReturnType<typeof getTeamPlanRow>>>;

async function loadVisible(db: Executor, actor: Actor, id: string): Promise<PlanView> {
  const view = await getTeamPlanRow(db, actor.orgId, id);
  if (!view || !canRead(actor, view.plan.managerId)) throw new NotFoundError('Team plan', id);
  return view;
}

async function progressOf(db: Executor, view: PlanView, item: TeamPlanItemRow) {
  if (!item.metricSource) return null;
  const { plan } = view;
  const org = await getUserWithOrganisation(db, plan.orgId, plan.managerId);
  const year = fiscalYearPeriod(
    fiscalYearStartOf(plan.fiscalYear, org?.organisation.fiscalYearStartMonth ?? 1),
  );
  // Without an owner the whole team counts: the manager and everyone reporting to them.
  const owners = item.ownerId
    ? [item.ownerId]
    : [plan.managerId, ...(await teamMemberIds(db, plan.orgId, plan.managerId))];
  const { value: actual, unconverted } = await countMetric(
    db,
    plan.orgId,
    item.metricSource,
    owners,
    { from: item.startsOn ?? year.from, to: item.endsOn ?? year.to },
  );
  return { actual, ratio: item.targetValue ? actual / item.targetValue : null, unconverted };
}

export async function getTeamPlan(db: Executor, actor: Actor, id: string): Promise<TeamPlan> {
  const view = await loadVisible(db, actor, id);
  const items = await listTeamPlanItems(db, actor.orgId, id);
  const childrenOf = (parentId: string) => items.filter((i) => i.parentId === parentId);
  const { plan } = view;
  const objectives = [];
  for (const objective of items.filter((i) => i.kind === 'business_objective')) {
    const goals = [];
    for (const goal of childrenOf(objective.id)) {
      const activities = [];
      for (const a of childrenOf(goal.id)) {
        const {
          id: itemId,
          title,
          ownerId,
          startsOn,
          endsOn,
          metric,
          metricSource,
          targetValue,
        } = a;
        activities.push({
          id: itemId,
          title,
          ownerId,
          startsOn,
          endsOn,
          metric,
          metricSource,
          targetValue,
          progress: await progressOf(db, view, a),
        });
      }
      goals.push({ id: goal.id, area: goal.area ?? 'sales', title: goal.title, activities });
    }
    objectives.push({ id: objective.id, title: objective.title, goals });
  }
  return {
    id: plan.id,
    version: plan.version,
    year: plan.fiscalYear,
    manager: { id: plan.managerId, name: view.managerName },
    answers: {
      whoIsOurCustomer: plan.whoIsOurCustomer,
      whatDoesTheCustomerValue: plan.whatDoesTheCustomerValue,
      whatIsOurMission: plan.whatIsOurMission,
      whatIsOurPlan: plan.whatIsOurPlan,
      whatAreOurDesiredResults: plan.whatAreOurDesiredResults,
    },
    objectives,
  };
}

export async function listTeamPlans(db: Executor, actor: Actor, year: number) {
  const rows = await listTeamPlanRows(db, actor.orgId, actor.visibleOwnerIds, year);
  const items = rows.map(({ plan, managerName }) => ({
    id: plan.id,
    version: plan.version,
    year: plan.fiscalYear,
    manager: { id: plan.managerId, name: managerName },
  }));
  return { items, total: items.length };
}

export async function createTeamPlan(
  db: Database,
  actor: Actor,
  input: { year: number; managerId?: string | undefined },
) {
  const managerId = input.managerId ?? actor.userId;
  const id = await db.transaction(async (tx) => {
    const manager = await getUser(tx, actor.orgId, managerId);
    if (!manager || !canRead(actor, managerId) || manager.role === 'rep') {
      throw new ValidationError({ field: 'managerId', reason: 'no such manager' });
    }
    if (!canChange(actor, managerId)) throw new ForbiddenError('Only the manager plans their team');
    const row = await insertTeamPlan(tx, { orgId: actor.orgId, managerId, fiscalYear: input.year });
    if (!row) throw new ConflictError(`${manager.name} already has a team plan for ${input.year}`);
    await recordChanges(tx, actor, [
      { entityType: 'team_plan', entityId: row.id, action: 'create', after: row },
    ]);
    return row.id;
  });
  return getTeamPlan(db, actor, id);
}

/** Writes the five answers and the whole objective tree; a stale version is a conflict. */
export async function saveTeamPlan(
  db: Database | Executor,
  actor: Actor,
  id: string,
  content: TeamPlanContent,
  expectedVersion: number | undefined,
) {
  const write = async (tx: Executor) => {
    const { plan } = await loadVisible(tx, actor, id);
    if (
      !canChange(actor, plan.managerId) ||
      (actor.userId !== plan.managerId && actor.role !== 'admin')
    ) {
      throw new ForbiddenError('Only the team’s manager edits its plan');
    }
    if (expectedVersion !== plan.version) {
      throw new ConflictError(`The team plan changed since you read it (version ${plan.version})`, {
        version: plan.version,
      });
    }
    // A tactical activity's owner is the manager or someone on their team.
    const team = new Set([
      plan.managerId,
      ...(await teamMemberIds(tx, actor.orgId, plan.managerId)),
    ]);
    const issues: { field: string; reason: string }[] = [];
    for (const [o, objective] of content.objectives.entries())
      for (const [g, goal] of objective.goals.entries())
        for (const [a, activity] of goal.activities.entries())
          if (activity.ownerId && !team.has(activity.ownerId))
            issues.push({
              field: `objectives[${o}].goals[${g}].activities[${a}].ownerId`,
              reason: 'is not the manager or on the team',
            });
    if (issues.length > 0) throw new ValidationError(issues);
    const after = await updateTeamPlan(tx, actor.orgId, id, plan.version, content.answers);
    if (!after) throw new ConflictError('The team plan changed since you read it');
    await deleteTeamPlanItems(tx, actor.orgId, id);
    const base = { orgId: actor.orgId, teamPlanId: id };
    let position = 0;
    for (const objective of content.objectives) {
      const o = await insertTeamPlanItem(tx, {
        ...base,
        kind: 'business_objective',
        title: objective.title,
        position: position++,
      });
      for (const goal of objective.goals) {
        const g = await insertTeamPlanItem(tx, {
          ...base,
          parentId: o.id,
          kind: 'goal',
          area: goal.area,
          title: goal.title,
          position: position++,
        });
        for (const activity of goal.activities) {
          await insertTeamPlanItem(tx, {
            ...base,
            ...activity,
            parentId: g.id,
            kind: 'activity',
            position: position++,
          });
        }
      }
    }
    await recordChanges(tx, actor, [
      {
        entityType: 'team_plan',
        entityId: id,
        action: 'update',
        before: plan,
        after: { ...after, objectives: content.objectives },
      },
    ]);
  };
  await ('transaction' in db ? db.transaction(write) : write(db));
  return getTeamPlan(db, actor, id);
}

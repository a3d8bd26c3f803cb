import type { Database, Executor } from '../db/client';
import {
  countTeamPlanMetrics,
  deleteTeamPlanItems,
  getTeamPlan as getTeamPlanRow,
  insertTeamPlan,
  insertTeamPlanItem,
  listTeamPlanItems,
  listTeamPlans as listTeamPlanRows,
  metricColumnsOf,
  metricDefinitionOf,
  metricNamesOf,
  type TeamPlanItemRow,
  updateTeamPlan,
} from '../db/queries/team-plans';
import { getUser, getUserWithOrganisation, teamMemberIds } from '../db/queries/users';
import { fiscalYearPeriod, fiscalYearStartOf } from '../domain/calendar';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { describeMetric } from '../domain/team-plan-metric-description';
import { isCountedFromData, type MetricDefinition, metricRatio } from '../domain/team-plan-metrics';
import type { TeamPlan, TeamPlanContent } from '../schemas/team-plans';
import { recordChanges } from './audit';
import { type Actor, canChange, canRead } from './authorization';

// The manager's team sales & marketing plan for a year (DOMAIN.md, seed 002). An activity's
// metric is counted from the data by its definition (one statement for the plan's counts, one
// for its won revenue), or takes the actual the manager entered.

type TeamActivity = TeamPlan['objectives'][number]['goals'][number]['activities'][number];
type PlanView = NonNullable<Awaited<ReturnType<typeof getTeamPlanRow>>>;

async function loadVisible(db: Executor, actor: Actor, id: string): Promise<PlanView> {
  const view = await getTeamPlanRow(db, actor.orgId, id);
  if (!view || !canRead(actor, view.plan.managerId)) throw new NotFoundError('Team plan', id);
  return view;
}

type ActivityRow = TeamPlanItemRow;

/** Each activity's metric in words and its progress: counted from the data, or as entered. */
async function metricsOf(db: Executor, view: PlanView, activities: readonly ActivityRow[]) {
  const { plan } = view;
  const org = await getUserWithOrganisation(db, plan.orgId, plan.managerId);
  const year = fiscalYearPeriod(
    fiscalYearStartOf(plan.fiscalYear, org?.organisation.fiscalYearStartMonth ?? 1),
  );
  const defined = activities.flatMap((a) => {
    const definition = metricDefinitionOf(a);
    return definition
      ? [{ id: a.id, definition, from: a.startsOn ?? year.from, to: a.endsOn ?? year.to }]
      : [];
  });
  // Without a member the whole team counts: the manager and everyone reporting to them.
  const team = [plan.managerId, ...(await teamMemberIds(db, plan.orgId, plan.managerId))];
  const counted = await countTeamPlanMetrics(db, plan.orgId, team, defined);
  const names = await metricNamesOf(db, plan.orgId, idsNamedBy(defined.map((m) => m.definition)));
  const byActivity = new Map<string, { description: string; progress: Progress }>();
  for (const { id, definition, from, to } of defined) {
    const activity = activities.find((a) => a.id === id);
    const description = describeMetric(
      definition,
      {
        activityType: definition.activityType
          ? (names.activityTypes.get(definition.activityType) ?? definition.activityType)
          : null,
        member: definition.memberId ? (names.members.get(definition.memberId) ?? null) : null,
        segment: definition.segmentId ? (names.segments.get(definition.segmentId) ?? null) : null,
        product: definition.productId ? (names.products.get(definition.productId) ?? null) : null,
      },
      { from, to },
    );
    const targetValue = activity?.targetValue ?? null;
    const progress: Progress = isCountedFromData(definition.counts)
      ? {
          actual: counted.get(id)?.value ?? 0,
          ratio: metricRatio(counted.get(id)?.value ?? 0, targetValue),
          isEntered: false,
          unconverted: counted.get(id)?.unconverted ?? [],
        }
      : {
          actual: activity?.enteredActual ?? null,
          ratio: metricRatio(activity?.enteredActual ?? null, targetValue),
          isEntered: true,
          unconverted: [],
        };
    byActivity.set(id, { description, progress });
  }
  return byActivity;
}

type Progress = NonNullable<TeamActivity['progress']>;

function idsNamedBy(definitions: readonly (MetricDefinition | null)[]) {
  const present = (ids: (string | null | undefined)[]) => [
    ...new Set(ids.filter((id): id is string => Boolean(id))),
  ];
  return {
    segmentIds: present(definitions.map((d) => d?.segmentId)),
    productIds: present(definitions.map((d) => d?.productId)),
    memberIds: present(definitions.map((d) => d?.memberId)),
  };
}

export async function getTeamPlan(db: Executor, actor: Actor, id: string): Promise<TeamPlan> {
  const view = await loadVisible(db, actor, id);
  const items = await listTeamPlanItems(db, actor.orgId, id);
  const childrenOf = (parentId: string) => items.filter((i) => i.parentId === parentId);
  const metrics = await metricsOf(
    db,
    view,
    items.filter((i) => i.kind === 'activity'),
  );
  const { plan } = view;
  const objectives = items
    .filter((i) => i.kind === 'business_objective')
    .map((objective) => ({
      id: objective.id,
      title: objective.title,
      goals: childrenOf(objective.id).map((goal) => ({
        id: goal.id,
        area: goal.area ?? 'sales',
        title: goal.title,
        activities: childrenOf(goal.id).map((a) => ({
          id: a.id,
          title: a.title,
          ownerId: a.ownerId,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          metric: a.metric,
          metricDefinition: metricDefinitionOf(a),
          metricDescription: metrics.get(a.id)?.description ?? null,
          targetValue: a.targetValue,
          enteredActual: a.enteredActual,
          progress: metrics.get(a.id)?.progress ?? null,
        })),
      })),
    }));
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

/** The plan, for its manager or an admin to write: 404 for one unseen, 403 for one only read. */
export async function loadEditableTeamPlan(db: Executor, actor: Actor, id: string) {
  const { plan } = await loadVisible(db, actor, id);
  if (
    !canChange(actor, plan.managerId) ||
    (actor.userId !== plan.managerId && actor.role !== 'admin')
  ) {
    throw new ForbiddenError('Only the team’s manager edits its plan');
  }
  return plan;
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
    const plan = await loadEditableTeamPlan(tx, actor, id);
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
    const issues = await activityIssues(tx, actor.orgId, team, content);
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
          const { metricDefinition, ...fields } = activity;
          await insertTeamPlanItem(tx, {
            ...base,
            ...fields,
            ...metricColumnsOf(metricDefinition),
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

/**
 * A tactical activity's owner and its metric's member are the manager or on the team; the
 * metric names activity types, segments and products the organisation has.
 */
async function activityIssues(
  db: Executor,
  orgId: string,
  team: ReadonlySet<string>,
  content: TeamPlanContent,
) {
  const activities = content.objectives.flatMap((objective, o) =>
    objective.goals.flatMap((goal, g) =>
      goal.activities.map((activity, a) => ({
        activity,
        path: `objectives[${o}].goals[${g}].activities[${a}]`,
      })),
    ),
  );
  const names = await metricNamesOf(
    db,
    orgId,
    idsNamedBy(activities.map(({ activity }) => activity.metricDefinition)),
  );
  const issues: { field: string; reason: string }[] = [];
  for (const { activity, path } of activities) {
    const definition = activity.metricDefinition;
    if (activity.ownerId && !team.has(activity.ownerId))
      issues.push({ field: `${path}.ownerId`, reason: 'is not the manager or on the team' });
    if (!definition) continue;
    const at = (field: string) => `${path}.metricDefinition.${field}`;
    if (definition.memberId && !team.has(definition.memberId))
      issues.push({ field: at('memberId'), reason: 'is not the manager or on the team' });
    if (definition.activityType && !names.activityTypes.has(definition.activityType))
      issues.push({
        field: at('activityType'),
        reason: 'is not one of the organisation’s activity types',
      });
    if (definition.segmentId && !names.segments.has(definition.segmentId))
      issues.push({ field: at('segmentId'), reason: 'no such segment' });
    if (definition.productId && !names.products.has(definition.productId))
      issues.push({ field: at('productId'), reason: 'no such product' });
  }
  return issues;
}

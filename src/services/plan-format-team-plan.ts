import type { Database } from '../db/client';
import { ValidationError } from '../domain/errors';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { TeamPlanDocument } from '../schemas/plan-format-team-plan';
import { type TeamPlan, TeamPlanContent } from '../schemas/team-plans';
import type { Actor } from './authorization';
import {
  DocumentReferences,
  inDocumentTerms,
  parseDocument,
  productRefsOf,
  type Reference,
  segmentRefsOf,
  userRefsOf,
} from './plan-format-records';
import { getTeamPlan, loadEditableTeamPlan, saveTeamPlan } from './team-plans';

// A team sales & marketing plan in the open plan format (docs/plan-format/team-plan.schema.json):
// activities' owners and metric members by external id or email, segments by code, products by
// external id or name; each metric's actual and its definition in words for the reader.

type DocumentActivity =
  TeamPlanDocument['objectives'][number]['goals'][number]['activities'][number];

const activityPath = (objective: number, goal: number, activity: number) =>
  `$.objectives[${objective}].goals[${goal}].activities[${activity}]`;

/** The team plan as a document another tool can read. */
export async function exportTeamPlanDocument(
  db: Database,
  actor: Actor,
  id: string,
): Promise<TeamPlanDocument> {
  const plan = await getTeamPlan(db, actor, id);
  const activities = plan.objectives.flatMap((o) => o.goals.flatMap((g) => g.activities));
  const people = await userRefsOf(
    db,
    actor.orgId,
    [
      plan.manager.id,
      ...activities.flatMap((a) => [a.ownerId, a.metricDefinition?.memberId ?? null]),
    ].filter((userId): userId is string => userId !== null),
  );
  const segments = await segmentRefsOf(db, actor.orgId);
  const products = await productRefsOf(db, actor.orgId);
  const person = (userId: string | null) => {
    const ref = userId === null ? undefined : people.get(userId);
    return ref ? { externalId: ref.externalId, email: ref.email } : null;
  };
  const manager = people.get(plan.manager.id);
  return {
    format: 'salesplan-team-plan',
    formatVersion: PLAN_FORMAT_VERSION,
    manager: {
      externalId: manager?.externalId ?? null,
      email: manager?.email ?? null,
      name: plan.manager.name,
    },
    year: plan.year,
    answers: plan.answers,
    objectives: plan.objectives.map((objective) => ({
      title: objective.title,
      goals: objective.goals.map((goal) => ({
        area: goal.area,
        title: goal.title,
        activities: goal.activities.map((a): DocumentActivity => {
          const definition = a.metricDefinition;
          return {
            title: a.title,
            owner: person(a.ownerId),
            startsOn: a.startsOn,
            endsOn: a.endsOn,
            metric: a.metric,
            metricDefinition: definition && {
              counts: definition.counts,
              activityType: definition.activityType,
              member: person(definition.memberId),
              segment: definition.segmentId ? (segments.get(definition.segmentId) ?? null) : null,
              accountStatus: definition.accountStatus,
              product: definition.productId ? (products.get(definition.productId) ?? null) : null,
            },
            targetValue: a.targetValue,
            enteredActual: a.enteredActual,
            progress: a.progress && {
              description: a.metricDescription ?? '',
              actual: a.progress.actual,
              ratio: a.progress.ratio,
              isEntered: a.progress.isEntered,
            },
          };
        }),
      })),
    })),
  };
}

/**
 * Replaces the plan's answers and objective tree with a document's, as PUT /api/team-plans/{id}
 * does: the team's manager or an admin, over the current version. Each metric's progress is the
 * data's.
 */
export async function importTeamPlanDocument(
  db: Database,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<TeamPlan> {
  await db.transaction(async (tx) => {
    // Whose plan first: a caller who may not write it learns nothing from the document.
    const plan = await loadEditableTeamPlan(tx, actor, id);
    const document = parseDocument(TeamPlanDocument, body);
    const activities = document.objectives.flatMap((o, i) =>
      o.goals.flatMap((g, j) =>
        g.activities.map((activity, k) => ({
          activity,
          path: activityPath(i, j, k),
        })),
      ),
    );
    const refs = <R>(pick: (a: DocumentActivity) => { field: string; ref: R | null }[]) =>
      activities.flatMap(({ activity, path }) =>
        pick(activity).flatMap(({ field, ref }): Reference<R>[] =>
          ref === null ? [] : [{ field: `${path}.${field}`, ref }],
        ),
      );
    const references = new DocumentReferences(tx, actor.orgId);
    const people = await references.users(
      refs((a) => [
        { field: 'owner', ref: a.owner },
        { field: 'metricDefinition.member', ref: a.metricDefinition?.member ?? null },
      ]),
    );
    const segments = await references.segments(
      refs((a) => [
        { field: 'metricDefinition.segment', ref: a.metricDefinition?.segment ?? null },
      ]),
    );
    const products = await references.products(
      refs((a) => [
        { field: 'metricDefinition.product', ref: a.metricDefinition?.product ?? null },
      ]),
    );
    references.throwIfAny();
    const content = {
      answers: document.answers,
      objectives: document.objectives.map((objective, i) => ({
        title: objective.title,
        goals: objective.goals.map((goal, j) => ({
          area: goal.area,
          title: goal.title,
          activities: goal.activities.map(({ owner: _owner, progress: _progress, ...a }, k) => {
            const idAt = (found: Map<string, string>, field: string) =>
              found.get(`${activityPath(i, j, k)}.${field}`) ?? null;
            const definition = a.metricDefinition;
            return {
              ...a,
              ownerId: idAt(people, 'owner'),
              metricDefinition: definition && {
                counts: definition.counts,
                activityType: definition.activityType,
                memberId: idAt(people, 'metricDefinition.member'),
                segmentId: idAt(segments, 'metricDefinition.segment'),
                accountStatus: definition.accountStatus,
                productId: idAt(products, 'metricDefinition.product'),
              },
            };
          }),
        })),
      })),
    };
    await inDocumentTerms(() => saveTeamPlan(tx, actor, id, checkedContent(content), plan.version));
  });
  return getTeamPlan(db, actor, id);
}

/** The content by the plan's own rules (TeamPlanContent), its problems by field for inDocumentTerms. */
function checkedContent(content: unknown): TeamPlanContent {
  const parsed = TeamPlanContent.safeParse(content);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        reason: issue.message,
      })),
    );
  return parsed.data;
}

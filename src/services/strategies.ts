import type { Database, Executor } from '../db/client';
import { listActivityTypes, listSegments } from '../db/queries/reference';
import {
  insertStrategy,
  listSegmentNorms,
  replaceAssignments,
  replaceSegmentNorms,
  replaceSegmentShares,
  setFiscalYearStartMonth,
  updateStrategy,
} from '../db/queries/strategies';
import { getUser, getUserWithOrganisation } from '../db/queries/users';
import { checkActivityNorms } from '../domain/activity-plan';
import { fiscalYearMonths } from '../domain/calendar';
import { cascadeStrategy } from '../domain/strategy-assignments';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { enteredWeights, weightTargetBySeasonality } from '../domain/seasonality';
import type { Strategy, StrategyInput } from '../schemas/strategies';
import { recordChanges } from './audit';
import { type Actor, canRead } from './authorization';
import { todayIn } from './clock';
import { type ComputedStrategy, loadComputedStrategy } from './strategy-cascade';

// The organisation strategy for a fiscal year: leaders and admins set it; everyone reads it,
// and reps and managers see the cascade rows of the people they may see.

async function toStrategy(db: Executor, actor: Actor, computed: ComputedStrategy) {
  const { row, shares, assignments, seasonality, cascade } = computed;
  const segments = await listSegments(db, actor.orgId);
  const segmentOf = (id: string) => segments.find((s) => s.id === id);
  const names = new Map(assignments.map((a) => [a.repId, a.repName]));
  const { months, quarters } = weightTargetBySeasonality(row.targetMinor, seasonality.weights);
  const fiscalMonths = fiscalYearMonths(computed.fiscalYearStart);
  const strategy: Strategy = {
    year: row.fiscalYear,
    startMonth: row.startMonth,
    targetMinor: row.targetMinor,
    currency: row.currency,
    model: row.model,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    segmentMix: shares.map(({ segmentId, shareBasisPoints }) => ({ segmentId, shareBasisPoints })),
    assignments: assignments.map(({ repId, segmentId, weight, repName }) => ({
      repId,
      segmentId,
      weight,
      repName,
    })),
    norms: (await listSegmentNorms(db, actor.orgId)).map(
      ({ segmentId, accountStatus, activityType, countPerYear }) => ({
        segmentId,
        accountStatus,
        activityType,
        countPerYear,
      }),
    ),
    seasonality: {
      kind: row.seasonalityKind,
      enteredWeights: row.seasonalityWeights ?? null,
      ...seasonality,
      months: months.map((targetMinor, m) => ({
        month: fiscalMonths[m]?.month ?? '',
        targetMinor,
      })),
      quarters: quarters.map((targetMinor, q) => ({ quarter: q + 1, targetMinor })),
    },
    cascade: {
      ...cascade,
      segments: cascade.segments.map((s) => ({
        ...s,
        code: segmentOf(s.segmentId)?.code ?? s.segmentId,
        name: segmentOf(s.segmentId)?.name ?? 'Other',
      })),
      reps: cascade.reps
        .filter((rep) => canRead(actor, rep.repId))
        .map((rep) => ({ ...rep, repName: names.get(rep.repId) ?? '' })),
    },
  };
  return strategy;
}

export async function getStrategy(db: Executor, actor: Actor, year: number): Promise<Strategy> {
  const computed = await loadComputedStrategy(db, actor.orgId, year, todayIn(actor.timeZone));
  if (!computed) throw new NotFoundError('Strategy', String(year));
  return toStrategy(db, actor, computed);
}

async function checkInput(db: Executor, actor: Actor, input: StrategyInput) {
  const segmentIds = new Set((await listSegments(db, actor.orgId)).map((s) => s.id));
  const typeKeys = new Set((await listActivityTypes(db, actor.orgId)).map((t) => t.key));
  const issues: { field: string; reason: string }[] = [];
  const segment = (field: string, id: string | null) => {
    if (id !== null && !segmentIds.has(id)) issues.push({ field, reason: 'no such segment' });
  };
  input.segmentMix.forEach((s, i) => segment(`segmentMix[${i}].segmentId`, s.segmentId));
  input.assignments.forEach((a, i) => segment(`assignments[${i}].segmentId`, a.segmentId));
  (input.norms ?? []).forEach((n, i) => {
    segment(`norms[${i}].segmentId`, n.segmentId);
    if (!typeKeys.has(n.activityType))
      issues.push({ field: `norms[${i}].activityType`, reason: 'no such activity type' });
  });
  for (const [i, a] of input.assignments.entries()) {
    const user = await getUser(db, actor.orgId, a.repId);
    if (!user) issues.push({ field: `assignments[${i}].repId`, reason: 'no such user' });
  }
  if (input.seasonality.kind === 'entered') {
    if (!input.seasonality.weights)
      issues.push({ field: 'seasonality.weights', reason: 'entered seasonality needs 12 weights' });
    else enteredWeights(input.seasonality.weights);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  // A repeated norm, assignment or mix segment, and an impossible cascade, are refused on the
  // row the leader wrote, before anything is stored.
  checkActivityNorms((input.norms ?? []).map((n) => ({ ...n, status: n.accountStatus })));
  cascadeStrategy(input, input.segmentMix, input.assignments);
}

/** Leaders and admins set the organisation strategy; everyone else reads it. */
export function assertCanSetStrategy(actor: Actor) {
  if (actor.role !== 'leader' && actor.role !== 'admin') {
    throw new ForbiddenError('Only a leader or an admin sets the organisation strategy');
  }
}

/** Creates or replaces the year's strategy; a stale `expectedVersion` is a conflict. */
export async function saveStrategy(
  db: Database,
  actor: Actor,
  year: number,
  input: StrategyInput,
  expectedVersion: number | undefined,
): Promise<Strategy> {
  assertCanSetStrategy(actor);
  const today = todayIn(actor.timeZone);
  return db.transaction(async (tx) => {
    await checkInput(tx, actor, input);
    const before = await loadComputedStrategy(tx, actor.orgId, year, today);
    const fields = {
      startMonth: input.startMonth,
      targetMinor: input.targetMinor,
      currency:
        input.currency ??
        before?.row.currency ??
        (await getUserWithOrganisation(tx, actor.orgId, actor.userId))?.organisation.currency ??
        'EUR',
      model: input.model,
      seasonalityKind: input.seasonality.kind,
      seasonalityWeights:
        input.seasonality.kind === 'entered' ? (input.seasonality.weights ?? null) : null,
      updatedBy: actor.userId,
    };
    if (before) {
      if (expectedVersion !== before.row.version) {
        throw new ConflictError(
          `The strategy changed since you read it (version ${before.row.version}); reload and retry`,
          { version: before.row.version },
        );
      }
      const updated = await updateStrategy(tx, actor.orgId, year, expectedVersion, fields);
      if (!updated) throw new ConflictError('The strategy changed since you read it; reload');
    } else {
      await insertStrategy(tx, { ...fields, orgId: actor.orgId, fiscalYear: year });
    }
    await replaceSegmentShares(tx, actor.orgId, year, input.segmentMix);
    await replaceAssignments(tx, actor.orgId, year, input.assignments);
    if (input.norms) await replaceSegmentNorms(tx, actor.orgId, input.norms);
    // The strategy says when the organisation's fiscal years start; plans and reports follow it.
    await setFiscalYearStartMonth(tx, actor.orgId, input.startMonth);
    // Computing the cascade here rejects an impossible one before anything is committed.
    const after = await loadComputedStrategy(tx, actor.orgId, year, today);
    if (!after) throw new Error('the strategy just saved is missing');
    await recordChanges(tx, actor, [
      {
        entityType: 'strategy',
        entityId: String(year),
        action: before ? 'update' : 'create',
        before: before && { ...before.row, shares: before.shares, assignments: before.assignments },
        after: { ...after.row, shares: after.shares, assignments: after.assignments },
      },
    ]);
    return toStrategy(tx, actor, after);
  });
}

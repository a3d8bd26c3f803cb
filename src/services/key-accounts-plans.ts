import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '../db/client';
import { getAccount, getAccounts } from '../db/queries/accounts';
import { getKeyAccount, listKeyAccounts } from '../db/queries/key-accounts';
import {
  type KeyAccountPlanRow,
  type PlanPartRows,
  bumpPlanVersion,
  getBenchmarkFigures,
  getPlanParts,
  getPlanRow,
  insertPlan,
  insertReview,
  listAccountContacts,
  listAccountOpportunities,
  listForeignPartIds,
  listPlanHistory,
  listPlanRows,
  listReviews,
  listUserIds,
  replacePlanParts,
} from '../db/queries/key-accounts-plans';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { benchmarkStatus, checkKeyAccountPlan, nextReviewDue } from '../domain/key-accounts-plan';
import { type PlanSnapshot, describePlanChanges } from '../domain/key-accounts-plan-versions';
import type {
  AcknowledgementInput,
  KeyAccountList,
  KeyAccountPlanInput,
  KeyAccountPlanView,
  ReviewInput,
} from '../schemas/key-accounts-plans';
import { recordChanges } from './audit';
import { type Actor, canChange, canRead } from './authorization';
import { listPlanHealth } from './deal-plans';
import { fiscalYearToday } from './key-accounts';

// The key-account plan of a confirmed key account for the fiscal year (DOMAIN.md, "Key
// accounts"): the account's owner writes and signs it, their manager acknowledges and comments,
// leaders and admins read every plan, anyone else finds nothing. Every write sends the version
// read (If-Match) and is kept in the audit history; a review makes a new version.

type Year = { today: string; fiscalYear: number; fiscalYearFrom: string };

async function loadAccount(db: Executor, actor: Actor, accountId: string) {
  const found = await getAccount(db, actor.orgId, accountId, actor.visibleOwnerIds);
  if (!found || !canRead(actor, found.account.ownerId))
    throw new NotFoundError('Account', accountId);
  return found;
}

const isOwner = (actor: Actor, ownerId: string | null) =>
  ownerId !== null && actor.userId === ownerId;
/** The account's owner writes its key-account plan (and an admin). */
export const mayEditKeyAccountPlan = (actor: Actor, ownerId: string | null) =>
  isOwner(actor, ownerId) || actor.role === 'admin';
const mayAcknowledge = (actor: Actor, ownerId: string | null) =>
  !isOwner(actor, ownerId) &&
  (actor.role === 'admin' || (actor.role === 'manager' && canChange(actor, ownerId)));

function snapshotOf(plan: KeyAccountPlanRow | undefined, parts: PlanPartRows): PlanSnapshot {
  return {
    cadence: plan?.cadence ?? 'quarterly',
    commitment: plan?.commitment ?? '',
    objectives: parts.objectives.map(({ id, description, dueOn }) => ({ id, description, dueOn })),
    relationships: parts.relationships.map(
      ({ id, contactName, currentStrength, targetStrength }) => ({
        id,
        contactName,
        currentStrength,
        targetStrength,
      }),
    ),
    steps: parts.steps.map(({ id, what, status, dueOn }) => ({ id, what, status, dueOn })),
    benchmarks: parts.benchmarks.map(({ id, metric, target }) => ({ id, metric, target })),
  };
}

const emptyParts = (): PlanPartRows => ({
  relationships: [],
  objectives: [],
  steps: [],
  benchmarks: [],
});

async function planView(
  db: Executor,
  actor: Actor,
  accountId: string,
  year: Year,
): Promise<KeyAccountPlanView> {
  const { account, ownerName } = await loadAccount(db, actor, accountId);
  const { today, fiscalYear, fiscalYearFrom } = year;
  const keyAccount = await getKeyAccount(db, actor.orgId, fiscalYear, accountId);
  const plan = await getPlanRow(db, actor.orgId, accountId, fiscalYear);
  const parts = plan ? await getPlanParts(db, actor.orgId, plan.id) : emptyParts();
  const figures = await getBenchmarkFigures(db, actor.orgId, accountId, fiscalYearFrom, today);
  const opportunities = await listAccountOpportunities(db, actor.orgId, accountId);
  const health = await listPlanHealth(
    db,
    actor,
    opportunities.map((o) => o.id),
    today,
  );
  const healthOf = new Map(health.items.map((h) => [h.opportunityId, h]));
  const reviews = plan ? await listReviews(db, actor.orgId, plan.id) : [];
  const history = plan ? await listPlanHistory(db, actor.orgId, plan.id) : [];
  const benchmarks = parts.benchmarks.map((b) => {
    const actual = b.metricSource === null ? b.actual : figures[b.metricSource];
    return {
      id: b.id,
      metric: b.metric,
      source: b.metricSource,
      baseline: b.baseline,
      target: b.target,
      dueOn: b.dueOn,
      actual,
      isComputed: b.metricSource !== null,
      status: benchmarkStatus({ ...b, actual }, fiscalYearFrom, today),
    };
  });
  const findings = checkKeyAccountPlan(
    {
      objectives: parts.objectives,
      relationships: parts.relationships,
      steps: parts.steps,
      benchmarks,
      commitment: plan?.commitment ?? '',
    },
    { today, from: fiscalYearFrom },
  );
  const due = plan
    ? nextReviewDue(
        plan.cadence,
        reviews[0]?.heldOn ?? null,
        plan.createdAt.toISOString().slice(0, 10),
      )
    : null;
  return {
    accountId,
    accountName: account.name,
    fiscalYear,
    version: plan?.version ?? 0,
    ownerId: account.ownerId,
    ownerName,
    isKeyAccount: keyAccount !== undefined,
    cadence: plan?.cadence ?? 'quarterly',
    commitment: plan?.commitment ?? '',
    repSignedAt: plan?.repSignedAt?.toISOString() ?? null,
    managerAcknowledgedAt: plan?.managerAcknowledgedAt?.toISOString() ?? null,
    managerComment: plan?.managerComment ?? '',
    relationships: parts.relationships.map((r) => ({
      id: r.id,
      contactId: r.contactId,
      contactName: r.contactName,
      contactTitle: r.contactTitle,
      role: r.role,
      currentStrength: r.currentStrength,
      targetStrength: r.targetStrength,
      nextStep: r.nextStep,
      notes: r.notes,
    })),
    objectives: parts.objectives.map(({ id, term, description, dueOn }) => ({
      id,
      term,
      description,
      dueOn,
    })),
    steps: parts.steps.map((s) => ({
      id: s.id,
      position: s.position,
      what: s.what,
      ownerId: s.ownerId,
      ownerName: s.ownerName,
      dueOn: s.dueOn,
      status: s.status,
      objectiveId: s.objectiveId,
      relationshipId: s.relationshipId,
    })),
    benchmarks,
    opportunities: opportunities.map((o) => ({
      id: o.id,
      name: o.name,
      stageName: o.stage_name,
      stageKind: o.stage_kind,
      amountMinor: Number(o.amount_minor),
      currency: o.currency,
      expectedCloseOn: o.expected_close_on,
      hasPlan: healthOf.get(o.id)?.hasPlan ?? false,
      health: healthOf.get(o.id)?.health ?? 'healthy',
    })),
    contacts: await listAccountContacts(db, actor.orgId, accountId),
    findings,
    reviews: reviews.map((review, index) => {
      const previous = reviews[index + 1];
      return {
        id: review.id,
        heldOn: review.heldOn,
        planVersion: review.planVersion,
        reviewedByName: review.reviewedByName,
        whatChanged: review.whatChanged,
        adjustments: review.adjustments,
        benchmarkActuals:
          review.benchmarkActuals as KeyAccountPlanView['reviews'][number]['benchmarkActuals'],
        changesSincePrevious: previous
          ? describePlanChanges(previous.snapshot as PlanSnapshot, review.snapshot as PlanSnapshot)
          : [],
      };
    }),
    nextReviewDue: due,
    isReviewDue: due !== null && due <= today,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      userName: entry.userName,
      summary: summaryOf(entry.after),
    })),
    canEdit: mayEditKeyAccountPlan(actor, account.ownerId) && keyAccount !== undefined,
    canAcknowledge: mayAcknowledge(actor, account.ownerId) && plan?.repSignedAt != null,
    today,
  };
}

function summaryOf(after: unknown): string {
  const event =
    typeof after === 'object' && after !== null && 'event' in after ? String(after.event) : '';
  switch (event) {
    case 'created':
      return 'Plan started';
    case 'signed':
      return 'Commitment signed by the rep';
    case 'acknowledged':
      return 'Acknowledged by the manager';
    case 'reviewed':
      return 'Review held';
    default:
      return 'Plan changed';
  }
}

export async function getKeyAccountPlan(
  db: Executor,
  actor: Actor,
  accountId: string,
): Promise<KeyAccountPlanView> {
  return planView(db, actor, accountId, await fiscalYearToday(db, actor));
}

type Write = {
  tx: Executor;
  plan: KeyAccountPlanRow | undefined;
  ownerId: string | null;
  year: Year;
};

/**
 * Runs one write on the plan at `version` in a transaction: a stale version changes nothing and
 * is 409 with the current plan; the change is recorded in the audit history.
 */
async function writePlan(
  db: Executor,
  actor: Actor,
  accountId: string,
  version: number,
  apply: (write: Write) => Promise<{ event: string; planId: string }>,
): Promise<KeyAccountPlanView> {
  return db.transaction(async (tx) => {
    const year = await fiscalYearToday(tx, actor);
    const { account } = await loadAccount(tx, actor, accountId);
    const plan = await getPlanRow(tx, actor.orgId, accountId, year.fiscalYear);
    if ((plan?.version ?? 0) !== version) {
      throw new ConflictError(
        `The plan changed since you read it: you sent version ${version}, it is at version ${plan?.version ?? 0}. Nothing was saved; here is the current plan.`,
        await planView(tx, actor, accountId, year),
      );
    }
    const before = plan
      ? snapshotOf(plan, await getPlanParts(tx, actor.orgId, plan.id))
      : undefined;
    const { event, planId } = await apply({ tx, plan, ownerId: account.ownerId, year });
    const afterPlan = await getPlanRow(tx, actor.orgId, accountId, year.fiscalYear);
    const after = snapshotOf(afterPlan, await getPlanParts(tx, actor.orgId, planId));
    await recordChanges(tx, actor, [
      {
        entityType: 'key_account_plan',
        entityId: planId,
        action: plan ? 'update' : 'create',
        before,
        after: { event, ...after },
        scopeType: 'key_account_plan',
        scopeId: planId,
      },
    ]);
    return planView(tx, actor, accountId, year);
  });
}

async function bumpOrConflict(
  tx: Executor,
  actor: Actor,
  plan: KeyAccountPlanRow,
  changes: Parameters<typeof bumpPlanVersion>[4],
) {
  if (!(await bumpPlanVersion(tx, actor.orgId, plan.id, plan.version, changes)))
    throw new ConflictError('The plan changed while saving; read it again');
}

/** Checks that every reference in the plan points where it may, before anything is written. */
async function checkReferences(
  tx: Executor,
  actor: Actor,
  accountId: string,
  planId: string | undefined,
  input: KeyAccountPlanInput,
) {
  const ids = [
    ...input.relationships.map((r) => r.id),
    ...input.objectives.map((o) => o.id),
    ...input.steps.map((s) => s.id),
    ...input.benchmarks.map((b) => b.id),
  ];
  if (new Set(ids).size !== ids.length)
    throw new ValidationError({ field: 'id', reason: 'every item needs an id of its own' });
  const foreign = await listForeignPartIds(tx, actor.orgId, planId ?? randomUUID(), ids);
  if (foreign.length > 0)
    throw new ValidationError({ field: 'id', reason: `${foreign[0]} belongs to another plan` });
  const contactIds = new Set(
    (await listAccountContacts(tx, actor.orgId, accountId)).map((c) => c.id),
  );
  const people = new Set<string>();
  input.relationships.forEach((r, i) => {
    if (!contactIds.has(r.contactId))
      throw new ValidationError({
        field: `relationships.${i}.contactId`,
        reason: 'is not a contact of this account',
      });
    if (people.has(r.contactId))
      throw new ValidationError({
        field: `relationships.${i}.contactId`,
        reason: 'is already in the plan',
      });
    people.add(r.contactId);
  });
  const objectiveIds = new Set(input.objectives.map((o) => o.id));
  const relationshipIds = new Set(input.relationships.map((r) => r.id));
  const owners = new Set(
    await listUserIds(
      tx,
      actor.orgId,
      input.steps.flatMap((s) => (s.ownerId === null ? [] : [s.ownerId])),
    ),
  );
  input.steps.forEach((s, i) => {
    if (s.objectiveId !== null && !objectiveIds.has(s.objectiveId))
      throw new ValidationError({
        field: `steps.${i}.objectiveId`,
        reason: 'is not an objective of this plan',
      });
    if (s.relationshipId !== null && !relationshipIds.has(s.relationshipId))
      throw new ValidationError({
        field: `steps.${i}.relationshipId`,
        reason: 'is not a relationship of this plan',
      });
    if (s.ownerId !== null && !owners.has(s.ownerId))
      throw new ValidationError({ field: `steps.${i}.ownerId`, reason: 'is not a user here' });
  });
}

/** The owner saves the whole plan; any change after signing asks for new signatures. */
export function saveKeyAccountPlan(
  db: Executor,
  actor: Actor,
  accountId: string,
  version: number,
  input: KeyAccountPlanInput,
): Promise<KeyAccountPlanView> {
  return writePlan(db, actor, accountId, version, async ({ tx, plan, ownerId, year }) => {
    if (!mayEditKeyAccountPlan(actor, ownerId))
      throw new ForbiddenError('Only the account’s owner writes its key-account plan');
    if (!(await getKeyAccount(tx, actor.orgId, year.fiscalYear, accountId)))
      throw new ValidationError({
        field: 'accountId',
        reason: 'is not a confirmed key account this year',
      });
    await checkReferences(tx, actor, accountId, plan?.id, input);
    const fields = { cadence: input.cadence, commitment: input.commitment };
    let planId: string;
    if (plan) {
      planId = plan.id;
      await bumpOrConflict(tx, actor, plan, {
        ...fields,
        repSignedAt: null,
        managerAcknowledgedAt: null,
      });
    } else {
      const created = await insertPlan(tx, {
        orgId: actor.orgId,
        accountId,
        fiscalYear: year.fiscalYear,
        ownerId: ownerId ?? actor.userId,
        ...fields,
      });
      planId = created.id;
    }
    const orgId = actor.orgId;
    await replacePlanParts(tx, orgId, planId, {
      relationships: input.relationships.map((r) => ({ ...r, orgId, keyAccountPlanId: planId })),
      objectives: input.objectives.map((o, position) => ({
        ...o,
        orgId,
        keyAccountPlanId: planId,
        position,
      })),
      steps: input.steps.map((s, i) => ({
        ...s,
        orgId,
        keyAccountPlanId: planId,
        position: i + 1,
      })),
      benchmarks: input.benchmarks.map(({ source, ...b }, position) => ({
        ...b,
        orgId,
        keyAccountPlanId: planId,
        metricSource: source,
        // A computed benchmark's actual comes from the data at every read.
        actual: source === null ? b.actual : null,
        position,
      })),
    });
    return { event: plan ? 'saved' : 'created', planId };
  });
}

/** The owner signs the written commitment. */
export function signKeyAccountPlan(
  db: Database,
  actor: Actor,
  accountId: string,
  version: number,
): Promise<KeyAccountPlanView> {
  return writePlan(db, actor, accountId, version, async ({ tx, plan, ownerId }) => {
    if (!mayEditKeyAccountPlan(actor, ownerId))
      throw new ForbiddenError('Only the account’s owner signs the plan');
    if (!plan || plan.commitment.trim() === '')
      throw new ValidationError({
        field: 'commitment',
        reason: 'write the commitment before signing',
      });
    await bumpOrConflict(tx, actor, plan, { repSignedAt: new Date() });
    return { event: 'signed', planId: plan.id };
  });
}

/** The owner's manager acknowledges the signed plan, with a comment. */
export function acknowledgeKeyAccountPlan(
  db: Database,
  actor: Actor,
  accountId: string,
  version: number,
  input: AcknowledgementInput,
): Promise<KeyAccountPlanView> {
  return writePlan(db, actor, accountId, version, async ({ tx, plan, ownerId }) => {
    if (!mayAcknowledge(actor, ownerId))
      throw new ForbiddenError('Only the owner’s manager acknowledges the plan');
    if (!plan?.repSignedAt)
      throw new ValidationError({
        field: 'repSignedAt',
        reason: 'the rep has not signed the plan yet',
      });
    await bumpOrConflict(tx, actor, plan, {
      managerAcknowledgedAt: new Date(),
      managerComment: input.comment,
    });
    return { event: 'acknowledged', planId: plan.id };
  });
}

/**
 * A review (the owner or their manager): the benchmark actuals as they stand, what changed and
 * the adjustments, with the plan as it is; the plan moves to a new version.
 */
export function reviewKeyAccountPlan(
  db: Database,
  actor: Actor,
  accountId: string,
  version: number,
  input: ReviewInput,
): Promise<KeyAccountPlanView> {
  return writePlan(db, actor, accountId, version, async ({ tx, plan, ownerId, year }) => {
    if (!mayEditKeyAccountPlan(actor, ownerId) && !mayAcknowledge(actor, ownerId))
      throw new ForbiddenError('Only the owner or their manager reviews the plan');
    if (!plan)
      throw new ValidationError({ field: 'version', reason: 'write the plan before reviewing it' });
    if (input.heldOn > year.today)
      throw new ValidationError({ field: 'heldOn', reason: 'a review is recorded once held' });
    const view = await planView(tx, actor, accountId, year);
    await bumpOrConflict(tx, actor, plan, {});
    await insertReview(tx, {
      orgId: actor.orgId,
      keyAccountPlanId: plan.id,
      heldOn: input.heldOn,
      planVersion: plan.version + 1,
      whatChanged: input.whatChanged,
      adjustments: input.adjustments,
      benchmarkActuals: view.benchmarks.map((b) => ({
        benchmarkId: b.id,
        metric: b.metric,
        source: b.source,
        target: b.target,
        actual: b.actual,
        status: b.status,
      })),
      snapshot: snapshotOf(plan, await getPlanParts(tx, actor.orgId, plan.id)),
      reviewedBy: actor.userId,
    });
    return { event: 'reviewed', planId: plan.id };
  });
}

/** This year's key accounts the actor may read, with their plan's state and next review. */
export async function listKeyAccountPlans(db: Executor, actor: Actor): Promise<KeyAccountList> {
  const { fiscalYear, today } = await fiscalYearToday(db, actor);
  const keyRows = await listKeyAccounts(db, actor.orgId, fiscalYear);
  const plans = new Map(
    (await listPlanRows(db, actor.orgId, fiscalYear)).map((p) => [p.accountId, p]),
  );
  // The key accounts' accounts in one query, not one per key account.
  const accountsById = new Map(
    (
      await getAccounts(
        db,
        actor.orgId,
        keyRows.map((row) => row.accountId),
        actor.visibleOwnerIds,
      )
    ).map((found) => [found.account.id, found]),
  );
  const items = [];
  for (const row of keyRows) {
    const found = accountsById.get(row.accountId);
    if (!found || !canRead(actor, found.account.ownerId)) continue;
    const plan = plans.get(row.accountId);
    const due = plan
      ? nextReviewDue(plan.cadence, plan.lastReviewOn, plan.createdAt.toISOString().slice(0, 10))
      : null;
    items.push({
      accountId: row.accountId,
      accountName: found.account.name,
      ownerId: found.account.ownerId,
      ownerName: found.ownerName,
      score: row.score,
      isProposed: row.isProposed,
      planVersion: plan?.version ?? 0,
      repSignedAt: plan?.repSignedAt?.toISOString() ?? null,
      managerAcknowledgedAt: plan?.managerAcknowledgedAt?.toISOString() ?? null,
      nextReviewDue: due,
      isReviewDue: due !== null && due <= today,
    });
  }
  items.sort((a, b) => b.score - a.score || a.accountName.localeCompare(b.accountName));
  return { items, total: items.length, fiscalYear };
}

import type { Database, Executor } from '../db/client';
import {
  type RepPlanRow,
  insertRepPlanComment,
  listRepPlanComments,
  listRepPlanVersions,
} from '../db/queries/rep-plans';
import type { SigningParty } from '../domain/rep-plan-states';
import { ConflictError, ForbiddenError } from '../domain/errors';
import {
  decideRepPlanSignature,
  decideRepPlanTransition,
  type RepPlanDecision,
  type RepPlanState,
} from '../domain/rep-plan-states';
import { recordChanges } from './audit';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import { scheduleCheckIns } from './check-in-schedule';
import { computeRepPlanFigures } from './rep-plan-figures';
import { compareVersions, freezeVersion, toVersion } from './rep-plan-versions';
import {
  checkVersion,
  getRepPlan,
  loadVisibleRepPlan,
  partyOf,
  statusOf,
  writeRepPlanContent,
} from './rep-plans';

// Co-construction of a rep plan: proposing, signing, agreeing (which freezes a version and
// schedules the check-ins), comments from both sides, and comparing agreed versions.

/** A refusal becomes 403 when this person may never do it, 409 when the plan's state is wrong. */
export function assertAllowed(decision: RepPlanDecision): void {
  if (decision.isAllowed) return;
  if (decision.refusedFor === 'party') throw new ForbiddenError(decision.reason);
  throw new ConflictError(decision.reason);
}

export async function transitionRepPlan(
  db: Database,
  actor: Actor,
  id: string,
  to: RepPlanState,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const { plan } = await loadVisibleRepPlan(tx, actor, id);
    checkVersion(plan, expectedVersion);
    const decision = decideRepPlanTransition(statusOf(plan), to, partyOf(actor, plan));
    assertAllowed(decision);
    if (!decision.isAllowed) return;
    const after = await writeRepPlanContent(tx, actor, plan, {
      state: to,
      ...(decision.clearsSignatures ? { repSignedAt: null, managerSignedAt: null } : {}),
    });
    if (decision.freezesVersion) await recordAgreement(tx, actor, after);
  });
  return getRepPlan(db, actor, id);
}

/** An agreed plan: its version frozen with both signatures, its check-ins scheduled. */
async function recordAgreement(tx: Executor, actor: Actor, after: RepPlanRow) {
  if (!after.repSignedAt || !after.managerSignedAt) return;
  const today = todayIn(actor.timeZone);
  const figures = await computeRepPlanFigures(tx, after, today);
  await freezeVersion(
    tx,
    after,
    figures,
    { repSignedAt: after.repSignedAt, managerSignedAt: after.managerSignedAt },
    'Agreed by the rep and the manager',
  );
  await scheduleCheckIns(tx, after, figures.fiscalYearStart, today);
}

export async function signRepPlan(
  db: Database,
  actor: Actor,
  id: string,
  as: SigningParty,
  expectedVersion: number | undefined,
) {
  await db.transaction(async (tx) => {
    const { plan } = await loadVisibleRepPlan(tx, actor, id);
    checkVersion(plan, expectedVersion);
    const party = partyOf(actor, plan);
    assertAllowed(decideRepPlanSignature(statusOf(plan), as, party));
    const now = new Date();
    const signature = as === 'rep' ? { repSignedAt: now } : { managerSignedAt: now };
    // The second signature agrees the plan in the same step: nobody has to say it again.
    const signed = {
      ...statusOf(plan),
      ...(as === 'rep' ? { hasRepSigned: true } : { hasManagerSigned: true }),
    };
    const agrees = decideRepPlanTransition(signed, 'agreed', party).isAllowed;
    const after = await writeRepPlanContent(tx, actor, plan, {
      ...signature,
      ...(agrees ? { state: 'agreed' as const } : {}),
    });
    if (agrees) await recordAgreement(tx, actor, after);
  });
  return getRepPlan(db, actor, id);
}

function toComment(row: Awaited<ReturnType<typeof listRepPlanComments>>[number]) {
  return {
    id: row.comment.id,
    author: { id: row.comment.authorId, name: row.authorName },
    body: row.comment.body,
    createdAt: row.comment.createdAt.toISOString(),
  };
}

export async function listComments(db: Executor, actor: Actor, id: string) {
  await loadVisibleRepPlan(db, actor, id);
  return (await listRepPlanComments(db, actor.orgId, id)).map(toComment);
}

export async function addComment(db: Database, actor: Actor, id: string, body: string) {
  return db.transaction(async (tx) => {
    const { plan } = await loadVisibleRepPlan(tx, actor, id);
    if (partyOf(actor, plan) === 'other')
      throw new ForbiddenError('Only the rep and their manager comment on a plan');
    const row = await insertRepPlanComment(tx, {
      orgId: actor.orgId,
      repPlanId: id,
      authorId: actor.userId,
      body,
    });
    await recordChanges(tx, actor, [
      {
        entityType: 'rep_plan_comment',
        entityId: row.id,
        action: 'create',
        after: row,
        scopeType: 'rep_plan',
        scopeId: id,
      },
    ]);
    return toComment({ comment: row, authorName: actor.name });
  });
}

export async function listVersions(db: Executor, actor: Actor, id: string) {
  await loadVisibleRepPlan(db, actor, id);
  return (await listRepPlanVersions(db, actor.orgId, id)).map(toVersion);
}

export async function compareRepPlanVersions(
  db: Executor,
  actor: Actor,
  id: string,
  from: number,
  to: number,
) {
  const { plan } = await loadVisibleRepPlan(db, actor, id);
  return compareVersions(db, plan, from, to);
}

import type { Database } from '../db/client';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { RepPlanDocument } from '../schemas/plan-format-rep-plan';
import type { RepPlan } from '../schemas/rep-plans';
import type { Actor } from './authorization';
import {
  accountRefsOf,
  DocumentReferences,
  inDocumentTerms,
  parseDocument,
  userRefsOf,
} from './plan-format-records';
import { getRepPlan, loadEditableRepPlan, writeRepPlanContent } from './rep-plans';

// A rep plan in the open plan format (docs/plan-format/rep-plan.schema.json): what the rep and
// manager write, target accounts by external id or name, and for the reader the targets and the
// activity plan the strategy and the norms give.

/** The rep plan as a document another tool can read. */
export async function exportRepPlanDocument(
  db: Database,
  actor: Actor,
  id: string,
): Promise<RepPlanDocument> {
  const plan = await getRepPlan(db, actor, id);
  const rep = (await userRefsOf(db, actor.orgId, [plan.rep.id])).get(plan.rep.id);
  const accounts = await accountRefsOf(
    db,
    actor.orgId,
    plan.targetAccounts.map((a) => a.accountId),
  );
  return {
    format: 'salesplan-rep-plan',
    formatVersion: PLAN_FORMAT_VERSION,
    rep: {
      externalId: rep?.externalId ?? null,
      email: rep?.email ?? null,
      name: plan.rep.name,
    },
    year: plan.year,
    cadence: plan.cadence,
    targets: plan.targets && {
      currency: plan.targets.currency,
      totalMinor: plan.targets.totalMinor,
      segments: plan.targets.segments.map((s) => ({
        segment: { code: s.code, name: s.name },
        targetMinor: s.targetMinor,
      })),
      months: plan.targets.months,
    },
    activityPlan: { yearly: plan.activityPlan.yearly },
    targetAccounts: plan.targetAccounts.map(
      (a) => accounts.get(a.accountId) ?? { externalId: null, name: a.name },
    ),
    funnelInputs: plan.funnelInputs,
    weeklyPlanOverrides: plan.weeklyPlanOverrides,
    qualitative: plan.qualitative,
  };
}

/**
 * Writes a document's content into the plan as PATCH /api/rep-plans/{id} does: the rep or their
 * manager, a draft, over its current version. The targets and the activity plan stay the
 * strategy's and the norms'.
 */
export async function importRepPlanDocument(
  db: Database,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<RepPlan> {
  await db.transaction(async (tx) => {
    // Whose plan and its state first: a caller who may not edit it learns nothing from the document.
    const plan = await loadEditableRepPlan(tx, actor, id, undefined, {
      isVersionRequired: false,
    });
    const document = parseDocument(RepPlanDocument, body);
    const references = new DocumentReferences(tx, actor.orgId);
    const accounts = await references.accounts(
      document.targetAccounts.map((ref, i) => ({ field: `$.targetAccounts[${i}]`, ref })),
    );
    references.throwIfAny();
    await inDocumentTerms(() =>
      writeRepPlanContent(tx, actor, plan, {
        cadence: document.cadence,
        targetAccountIds: document.targetAccounts.map(
          (_, i) => accounts.get(`$.targetAccounts[${i}]`) ?? '',
        ),
        funnelInputs: document.funnelInputs,
        weeklyPlanOverrides: document.weeklyPlanOverrides,
        qualitative: document.qualitative,
      }),
    );
  });
  return getRepPlan(db, actor, id);
}

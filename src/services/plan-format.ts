import type { Database, Executor } from '../db/client';
import {
  bumpPlanVersion,
  ensurePlan,
  getPlanRows,
  insertModeChange,
  updateWinWin,
} from '../db/queries/deal-plans';
import { insertPlanItem, updatePlanItem } from '../db/queries/deal-plan-items';
import {
  getPlanRecordRefs,
  listAccountContacts,
  listContactsByIds,
  listUserEmails,
  listUsersByEmails,
} from '../db/queries/plan-format';
import { ConflictError, type FieldIssue, ValidationError } from '../domain/errors';
import { type PlanDocumentKind, PLAN_FORMAT_VERSION } from '../domain/plan-format';
import type { DealPlanView } from '../schemas/deal-plans';
import { DealPlanDocument, planDocumentJsonSchema } from '../schemas/plan-format';
import { recordChanges } from './audit';
import { accountContactId, documentKeys, parseDocument } from './plan-format-records';
import { type Actor, assertCanChange } from './authorization';
import { todayIn } from './clock';
import { getDealPlan } from './deal-plans';
import { loadVisibleOpportunity, planParts, planViewOf } from './deal-plan-view';

// A deal plan in the open plan format (docs/plan-format/deal-plan.schema.json): written with
// keys for its items and external ids or emails for records, read back into a deal without a
// plan, with every problem named by its JSON path.

/** The deal's plan as a document another tool can read. */
export async function exportDealPlanDocument(
  db: Database,
  actor: Actor,
  opportunityId: string,
): Promise<DealPlanDocument> {
  const view = await getDealPlan(db, actor, opportunityId);
  const ownerIds = view.steps.flatMap((s) => (s.ownerId ? [s.ownerId] : []));
  const [refs, contacts, owners] = [
    await getPlanRecordRefs(db, actor.orgId, opportunityId),
    await listContactsByIds(
      db,
      actor.orgId,
      view.influences.map((i) => i.contactId),
    ),
    await listUserEmails(db, actor.orgId, [...new Set(ownerIds)]),
  ];
  const contactOf = new Map(contacts.map((c) => [c.id, c]));
  const emailOf = new Map(owners.map((u) => [u.id, u.email]));
  const keys = new Map<string, string>();
  const keyed = <T extends { id: string }>(prefix: string, items: readonly T[]) =>
    items.forEach((item, index) => keys.set(item.id, `${prefix}-${index + 1}`));
  keyed('objective', view.objectives);
  keyed('influence', view.influences);
  keyed('competitor', view.competition);
  keyed('step', view.steps);
  const keyOf = (id: string | null) => (id === null ? null : (keys.get(id) ?? null));
  return {
    format: 'salesplan-deal-plan',
    formatVersion: PLAN_FORMAT_VERSION,
    opportunity: {
      externalId: refs?.opportunity.externalId ?? null,
      name: view.opportunityName,
    },
    account: view.accountName
      ? { externalId: refs?.accountExternalId ?? null, name: view.accountName }
      : null,
    objectives: view.objectives.map((o) => ({
      key: keyOf(o.id) ?? '',
      title: o.title,
      who: o.who.flatMap((id) => keyOf(id) ?? []),
      whereWhen: o.whereWhen,
      informationToCollect: o.informationToCollect,
      how: o.how,
      desiredOutcome: o.desiredOutcome,
      dueOn: o.dueOn,
      status: o.status,
    })),
    influences: view.influences.map((i) => {
      const contact = contactOf.get(i.contactId);
      return {
        key: keyOf(i.id) ?? '',
        contact: {
          externalId: contact?.externalId ?? null,
          email: contact?.email ?? null,
          firstName: contact?.firstName ?? '',
          lastName: contact?.lastName ?? i.contactName,
          title: contact?.title ?? null,
        },
        role: i.role,
        influence: i.influence,
        responseMode: i.responseMode,
        notes: i.notes,
      };
    }),
    winWin: view.winWin,
    competition: view.competition.map((c) => ({
      key: keyOf(c.id) ?? '',
      kind: c.kind,
      name: c.name,
      differentiators: c.differentiators,
    })),
    steps: view.steps.map((s) => ({
      key: keyOf(s.id) ?? '',
      what: s.what,
      owner: s.ownerId ? { email: emailOf.get(s.ownerId) ?? '' } : null,
      dueOn: s.dueOn,
      status: s.status,
      objective: keyOf(s.objectiveId),
      influence: keyOf(s.influenceId),
      competitor: keyOf(s.competitorId),
      dependsOn: keyOf(s.dependsOnStepId),
      confidence: s.confidence,
    })),
  };
}

/** The document, or every problem of it by JSON path: its shape, then its keys. */
export function parseDealPlanDocument(body: unknown): DealPlanDocument {
  const document = parseDocument(DealPlanDocument, body);
  const issues: FieldIssue[] = [];
  const objectives = documentKeys('objectives', document.objectives, issues);
  const influences = documentKeys('influences', document.influences, issues);
  const competitors = documentKeys('competition', document.competition, issues);
  const steps = documentKeys('steps', document.steps, issues);
  const refer = (field: string, key: string | null, keys: Set<string>, what: string) => {
    if (key !== null && !keys.has(key)) issues.push({ field, reason: `is not the key of ${what}` });
  };
  document.objectives.forEach((o, i) =>
    o.who.forEach((key, w) =>
      refer(`$.objectives[${i}].who[${w}]`, key, influences, 'a buying influence here'),
    ),
  );
  document.steps.forEach((s, i) => {
    refer(`$.steps[${i}].objective`, s.objective, objectives, 'an objective here');
    refer(`$.steps[${i}].influence`, s.influence, influences, 'a buying influence here');
    refer(`$.steps[${i}].competitor`, s.competitor, competitors, 'a competitor here');
    refer(`$.steps[${i}].dependsOn`, s.dependsOn, steps, 'a step here');
    if (s.dependsOn === s.key)
      issues.push({ field: `$.steps[${i}].dependsOn`, reason: 'a step cannot depend on itself' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return document;
}

/** The step owners the document names by email, or every one it cannot find by JSON path. */
async function resolveOwners(
  tx: Executor,
  orgId: string,
  accountId: string | null,
  document: DealPlanDocument,
): Promise<Map<string, string>> {
  const issues: FieldIssue[] = [];
  const emails = document.steps.flatMap((s) => (s.owner ? [s.owner.email.toLowerCase()] : []));
  const users = await listUsersByEmails(tx, orgId, [...new Set(emails)]);
  const owners = new Map(users.map((u) => [u.email, u.id]));
  document.steps.forEach((s, i) => {
    if (s.owner && !owners.has(s.owner.email.toLowerCase()))
      issues.push({
        field: `$.steps[${i}].owner.email`,
        reason: 'is not a user of this organisation',
      });
  });
  if (document.influences.length > 0 && !accountId)
    issues.push({ field: '$.influences', reason: 'link the deal to an account first' });
  if (issues.length > 0) throw new ValidationError(issues);
  return owners;
}

/**
 * Writes the document's plan into a deal that has none yet (a deal with a plan is a conflict:
 * nothing is merged), in one transaction; answers the plan as GET shows it.
 */
export async function importDealPlanDocument(
  db: Database,
  actor: Actor,
  opportunityId: string,
  body: unknown,
): Promise<DealPlanView> {
  const today = todayIn(actor.timeZone);
  const { orgId } = actor;
  return db.transaction(async (tx) => {
    // Whose deal first: a caller who may not see or change it learns nothing from the document.
    const opportunity = await loadVisibleOpportunity(tx, actor, opportunityId);
    assertCanChange(actor, 'Opportunity', opportunityId, opportunity.opportunity.ownerId);
    const document = parseDealPlanDocument(body);
    await ensurePlan(tx, orgId, opportunityId);
    const rows = await getPlanRows(tx, orgId, opportunityId);
    const parts = planParts(rows);
    const hasContent =
      parts.objectives.length + parts.influences.length + parts.competition.length > 0 ||
      parts.steps.length > 0 ||
      Object.values(parts.winWin).some((text) => text !== '');
    if (hasContent)
      throw new ConflictError(
        'This deal already has a plan: a plan document is imported only into a deal without one. Nothing was saved.',
      );
    await bumpPlanVersion(tx, orgId, opportunityId, rows.plan?.version ?? 0);
    const accountId = opportunity.opportunity.accountId;
    const owners = await resolveOwners(tx, orgId, accountId, document);
    const onAccount = accountId ? await listAccountContacts(tx, orgId, accountId) : [];
    const plan = { orgId, opportunityId };
    const ids = new Map<string, string>();
    const idOf = (prefix: string, key: string | null) =>
      key === null ? null : (ids.get(`${prefix}:${key}`) ?? null);
    for (const influence of document.influences) {
      // resolveOwners refused influences on a deal without an account.
      if (!accountId) break;
      const contactId = await accountContactId(tx, orgId, accountId, onAccount, influence.contact);
      const row = await insertPlanItem(tx, 'influence', {
        ...plan,
        contactId,
        role: influence.role,
        influence: influence.influence,
        responseMode: influence.responseMode,
        notes: influence.notes,
      });
      ids.set(`influence:${influence.key}`, row.id);
      if (influence.responseMode)
        await insertModeChange(tx, {
          orgId,
          influenceId: row.id,
          responseMode: influence.responseMode,
          recordedOn: today,
          recordedBy: actor.userId,
        });
    }
    for (const competitor of document.competition) {
      const { key, ...fields } = competitor;
      const row = await insertPlanItem(tx, 'competitor', { ...plan, ...fields });
      ids.set(`competitor:${key}`, row.id);
    }
    for (const [position, objective] of document.objectives.entries()) {
      const { key, who, ...fields } = objective;
      const row = await insertPlanItem(tx, 'objective', {
        ...plan,
        ...fields,
        who: who.flatMap((k) => idOf('influence', k) ?? []),
        position: position + 1,
      });
      ids.set(`objective:${key}`, row.id);
    }
    for (const [position, step] of document.steps.entries()) {
      const row = await insertPlanItem(tx, 'step', {
        ...plan,
        what: step.what,
        ownerId: step.owner
          ? (owners.get(step.owner.email.toLowerCase()) ?? null)
          : opportunity.opportunity.ownerId,
        dueOn: step.dueOn,
        status: step.status,
        completedOn: step.status === 'done' ? today : null,
        objectiveId: idOf('objective', step.objective),
        influenceId: idOf('influence', step.influence),
        competitorId: idOf('competitor', step.competitor),
        confidence: step.confidence,
        position: position + 1,
      });
      ids.set(`step:${step.key}`, row.id);
    }
    // A step may depend on a later one: linked once every step has its id.
    for (const step of document.steps.filter((s) => s.dependsOn !== null)) {
      const id = idOf('step', step.key);
      if (id)
        await updatePlanItem(
          tx,
          'step',
          { ...plan, id },
          {
            dependsOnStepId: idOf('step', step.dependsOn),
          },
        );
    }
    await updateWinWin(tx, orgId, opportunityId, document.winWin);
    const afterRows = await getPlanRows(tx, orgId, opportunityId);
    await recordChanges(tx, actor, [
      {
        entityType: 'deal_plan',
        entityId: opportunityId,
        action: 'create',
        after: planParts(afterRows),
        scopeType: 'deal_plan',
        scopeId: opportunityId,
      },
    ]);
    return planViewOf(tx, actor, opportunity, afterRows, today);
  });
}

/** The published JSON Schema of a kind of plan document. */
export function getPlanDocumentSchema(name: PlanDocumentKind) {
  return planDocumentJsonSchema(name);
}

import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import { listAccountContacts, listContactsByIds } from '../db/queries/plan-format';
import { ForbiddenError, type FieldIssue } from '../domain/errors';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import type { KeyAccountPlanInput, KeyAccountPlanView } from '../schemas/key-accounts-plans';
import { KeyAccountPlanDocument } from '../schemas/plan-format-key-account-plan';
import type { Actor } from './authorization';
import { getKeyAccountPlan, mayEditKeyAccountPlan, saveKeyAccountPlan } from './key-accounts-plans';
import {
  accountContactId,
  accountRefsOf,
  DocumentReferences,
  documentKeys,
  inDocumentTerms,
  parseDocument,
  userRefsOf,
} from './plan-format-records';

// A key-account plan in the open plan format (docs/plan-format/key-account-plan.schema.json):
// relationships by contact, steps' owners by external id or email, the plan's items by `key`.

/** The key account's plan of this fiscal year as a document another tool can read. */
export async function exportKeyAccountPlanDocument(
  db: Database,
  actor: Actor,
  accountId: string,
): Promise<KeyAccountPlanDocument> {
  const view = await getKeyAccountPlan(db, actor, accountId);
  const account = (await accountRefsOf(db, actor.orgId, [accountId])).get(accountId);
  const contacts = new Map(
    (
      await listContactsByIds(
        db,
        actor.orgId,
        view.relationships.map((r) => r.contactId),
      )
    ).map((c) => [c.id, c]),
  );
  const owners = await userRefsOf(
    db,
    actor.orgId,
    view.steps.flatMap((s) => (s.ownerId ? [s.ownerId] : [])),
  );
  const keys = new Map<string, string>();
  view.relationships.forEach((r, i) => keys.set(r.id, `relationship-${i + 1}`));
  view.objectives.forEach((o, i) => keys.set(o.id, `objective-${i + 1}`));
  const keyOf = (id: string | null) => (id === null ? null : (keys.get(id) ?? null));
  return {
    format: 'salesplan-key-account-plan',
    formatVersion: PLAN_FORMAT_VERSION,
    account: { externalId: account?.externalId ?? null, name: view.accountName },
    fiscalYear: view.fiscalYear,
    cadence: view.cadence,
    commitment: view.commitment,
    relationships: view.relationships.map((r) => {
      const contact = contacts.get(r.contactId);
      return {
        key: keyOf(r.id) ?? '',
        contact: {
          externalId: contact?.externalId ?? null,
          email: contact?.email ?? null,
          firstName: contact?.firstName ?? '',
          lastName: contact?.lastName ?? r.contactName,
          title: contact?.title ?? null,
        },
        role: r.role,
        currentStrength: r.currentStrength,
        targetStrength: r.targetStrength,
        nextStep: r.nextStep,
        notes: r.notes,
      };
    }),
    objectives: view.objectives.map((o) => ({
      key: keyOf(o.id) ?? '',
      term: o.term,
      description: o.description,
      dueOn: o.dueOn,
    })),
    steps: view.steps.map((s) => {
      const owner = s.ownerId ? owners.get(s.ownerId) : undefined;
      return {
        what: s.what,
        owner: owner ? { externalId: owner.externalId, email: owner.email } : null,
        dueOn: s.dueOn,
        status: s.status,
        objective: keyOf(s.objectiveId),
        relationship: keyOf(s.relationshipId),
      };
    }),
    benchmarks: view.benchmarks.map((b) => ({
      metric: b.metric,
      source: b.source,
      baseline: b.baseline,
      target: b.target,
      dueOn: b.dueOn,
      // A computed benchmark's actual is the data's; an import leaves it to the data.
      actual: b.actual,
    })),
  };
}

/**
 * Saves a document as the account's plan of this fiscal year, as PUT
 * /api/key-accounts/{accountId}/plan does (the account's owner, over the current version);
 * contacts are found on the account by external id or email, or created there.
 */
export async function importKeyAccountPlanDocument(
  db: Database,
  actor: Actor,
  accountId: string,
  body: unknown,
): Promise<KeyAccountPlanView> {
  return db.transaction(async (tx) => {
    // Whose account first: a caller who may not write its plan learns nothing from the document.
    const view = await getKeyAccountPlan(tx, actor, accountId);
    if (!mayEditKeyAccountPlan(actor, view.ownerId))
      throw new ForbiddenError('Only the account’s owner writes its key-account plan');
    const document = parseDocument(KeyAccountPlanDocument, body);
    const references = new DocumentReferences(tx, actor.orgId);
    const issues: FieldIssue[] = references.issues;
    const relationships = documentKeys('relationships', document.relationships, issues);
    const objectives = documentKeys('objectives', document.objectives, issues);
    document.steps.forEach((s, i) => {
      if (s.objective !== null && !objectives.has(s.objective))
        issues.push({
          field: `$.steps[${i}].objective`,
          reason: 'is not the key of an objective here',
        });
      if (s.relationship !== null && !relationships.has(s.relationship))
        issues.push({
          field: `$.steps[${i}].relationship`,
          reason: 'is not the key of a relationship here',
        });
    });
    const owners = await references.users(
      document.steps.flatMap((s, i) =>
        s.owner ? [{ field: `$.steps[${i}].owner`, ref: s.owner }] : [],
      ),
    );
    references.throwIfAny();
    const onAccount = await listAccountContacts(tx, actor.orgId, accountId);
    const ids = new Map<string, string>();
    const idOf = (part: string, key: string | null) =>
      key === null ? null : (ids.get(`${part}:${key}`) ?? null);
    const input: KeyAccountPlanInput = {
      cadence: document.cadence,
      commitment: document.commitment,
      relationships: [],
      objectives: document.objectives.map(({ key, ...objective }) => {
        ids.set(`objective:${key}`, randomUUID());
        return { ...objective, id: idOf('objective', key) ?? '' };
      }),
      steps: [],
      benchmarks: document.benchmarks.map((b) => ({ ...b, id: randomUUID() })),
    };
    for (const { key, contact, ...relationship } of document.relationships) {
      ids.set(`relationship:${key}`, randomUUID());
      input.relationships.push({
        ...relationship,
        id: idOf('relationship', key) ?? '',
        contactId: await accountContactId(tx, actor.orgId, accountId, onAccount, contact),
      });
    }
    input.steps = document.steps.map(({ owner: _owner, objective, relationship, ...step }, i) => ({
      ...step,
      id: randomUUID(),
      ownerId: owners.get(`$.steps[${i}].owner`) ?? null,
      objectiveId: idOf('objective', objective),
      relationshipId: idOf('relationship', relationship),
    }));
    return inDocumentTerms(() => saveKeyAccountPlan(tx, actor, accountId, view.version, input));
  });
}

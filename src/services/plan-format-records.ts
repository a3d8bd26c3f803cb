import type { z } from 'zod';
import type { Executor } from '../db/client';
import { insertContact } from '../db/queries/contacts';
import {
  listAccountRefsByIds,
  listAccountsByRefs,
  listProductRefs,
  listUserRefsByIds,
  listUsersByRefs,
  type PlanAccountRef,
  type PlanContact,
  type PlanUserRef,
} from '../db/queries/plan-format';
import { listSegments } from '../db/queries/reference';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { jsonPath } from '../domain/plan-format';
import type {
  AccountRef,
  ContactRef,
  ProductRef,
  SegmentRef,
  UserRef,
} from '../schemas/plan-format-records';

// What every plan document (src/services/plan-format*.ts) shares: parsing with each problem named
// by its JSON path, and records named as another tool knows them, out (ids to external ids,
// emails, names, codes) and in (each reference a document makes, found or named as a problem).

/** The document, or every problem of its shape by JSON path. */
export function parseDocument<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ field: jsonPath(issue.path), reason: issue.message })),
    );
  return parsed.data;
}

/**
 * Runs a write with the service's own checks and says their problems in the document's words:
 * `assignments[2].repId` or `steps.1.ownerId` becomes `$.assignments[2].rep`, `$.steps[1].owner`.
 */
export async function inDocumentTerms<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) => ({ ...issue, field: documentPath(issue.field) })),
    );
  }
}

const RENAMED: Record<string, string> = {
  segmentId: 'segment',
  repId: 'rep',
  ownerId: 'owner',
  contactId: 'contact',
  objectiveId: 'objective',
  relationshipId: 'relationship',
  targetAccountIds: 'targetAccounts',
  memberId: 'member',
  productId: 'product',
  targetMinor: 'target.amountMinor',
};

function documentPath(field: string): string {
  if (field.startsWith('$')) return field;
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  return jsonPath(
    parts.flatMap((part): PropertyKey[] =>
      /^\d+$/.test(part) ? [Number(part)] : (RENAMED[part] ?? part).split('.'),
    ),
  );
}

export type UserRefOut = UserRef & { name: string };

/** The users of the ids, as documents name them. */
export async function userRefsOf(db: Executor, orgId: string, ids: readonly string[]) {
  const rows = await listUserRefsByIds(db, orgId, ids);
  return new Map<string, UserRefOut>(
    rows.map((u) => [u.id, { externalId: u.externalId, email: u.email, name: u.name }]),
  );
}

/** The accounts of the ids, as documents name them. */
export async function accountRefsOf(db: Executor, orgId: string, ids: readonly string[]) {
  const rows = await listAccountRefsByIds(db, orgId, ids);
  return new Map<string, AccountRef>(
    rows.map((a) => [a.id, { externalId: a.externalId, name: a.name }]),
  );
}

/** The segments of the organisation, by id, as documents name them. */
export async function segmentRefsOf(db: Executor, orgId: string) {
  const rows = await listSegments(db, orgId);
  return new Map<string, SegmentRef>(rows.map((s) => [s.id, { code: s.code, name: s.name }]));
}

/** The products of the organisation, by id, as documents name them. */
export async function productRefsOf(db: Executor, orgId: string) {
  const rows = await listProductRefs(db, orgId);
  return new Map<string, ProductRef>(
    rows.map((p) => [p.id, { externalId: p.externalId, name: p.name }]),
  );
}

/** A reference a document makes, at its JSON path. */
export type Reference<R> = { field: string; ref: R };

/**
 * Collects the references a document makes and finds them all at once; each one not found is
 * an issue at its path, and the caller throws once it has gathered every kind.
 */
export class DocumentReferences {
  readonly issues: FieldIssue[] = [];
  constructor(
    private readonly db: Executor,
    private readonly orgId: string,
  ) {}

  /** Users by external id, then email: a map from each reference's path to the user's id. */
  async users(refs: readonly Reference<UserRef>[]): Promise<Map<string, string>> {
    const externalIds = refs.flatMap((r) => (r.ref.externalId ? [r.ref.externalId] : []));
    const emails = refs.flatMap((r) => (r.ref.email ? [r.ref.email.toLowerCase()] : []));
    const rows = await listUsersByRefs(this.db, this.orgId, externalIds, emails);
    return this.match(
      refs,
      'is not a user of this organisation',
      (ref) =>
        unique(
          rows,
          (u: PlanUserRef) => ref.externalId !== null && u.externalId === ref.externalId,
        ) ?? unique(rows, (u) => ref.email !== null && u.email === ref.email.toLowerCase()),
    );
  }

  /** Accounts by external id, then exact name (a name two accounts share finds neither). */
  async accounts(refs: readonly Reference<AccountRef>[]): Promise<Map<string, string>> {
    const externalIds = refs.flatMap((r) => (r.ref.externalId ? [r.ref.externalId] : []));
    const rows = await listAccountsByRefs(
      this.db,
      this.orgId,
      externalIds,
      refs.map((r) => r.ref.name),
    );
    return this.match(refs, 'is not an account of this organisation', (ref) =>
      ref.externalId !== null
        ? unique(rows, (a: PlanAccountRef) => a.externalId === ref.externalId)
        : unique(rows, (a) => a.name === ref.name),
    );
  }

  /** Segments by code, then name. */
  async segments(refs: readonly Reference<SegmentRef>[]): Promise<Map<string, string>> {
    const rows = await listSegments(this.db, this.orgId);
    return this.match(
      refs,
      'is not a segment of this organisation',
      (ref) => unique(rows, (s) => s.code === ref.code) ?? unique(rows, (s) => s.name === ref.name),
    );
  }

  /** Products by external id, then name. */
  async products(refs: readonly Reference<ProductRef>[]): Promise<Map<string, string>> {
    const rows = refs.length === 0 ? [] : await listProductRefs(this.db, this.orgId);
    return this.match(refs, 'is not a product of this organisation', (ref) =>
      ref.externalId !== null
        ? unique(rows, (p) => p.externalId === ref.externalId)
        : unique(rows, (p) => p.name === ref.name),
    );
  }

  /** Throws every problem found so far, if any. */
  throwIfAny() {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }

  private match<R, Row extends { id: string }>(
    refs: readonly Reference<R>[],
    reason: string,
    find: (ref: R) => Row | undefined,
  ) {
    const found = new Map<string, string>();
    for (const { field, ref } of refs) {
      const row = find(ref);
      if (row) found.set(field, row.id);
      else this.issues.push({ field, reason });
    }
    return found;
  }
}

function unique<Row>(rows: readonly Row[], test: (row: Row) => boolean): Row | undefined {
  const matches = rows.filter(test);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The account's contact a document's contact means: by external id, then by email. */
export function findAccountContact(onAccount: readonly PlanContact[], contact: ContactRef) {
  const { externalId, email } = contact;
  return (
    onAccount.find((c) => externalId !== null && c.externalId === externalId) ??
    onAccount.find((c) => email !== null && c.email?.toLowerCase() === email.toLowerCase())
  );
}

/** The contact's id on the account: the one it means, or a new one made from it. */
export async function accountContactId(
  tx: Executor,
  orgId: string,
  accountId: string,
  onAccount: PlanContact[],
  contact: ContactRef,
): Promise<string> {
  const found = findAccountContact(onAccount, contact);
  if (found) return found.id;
  const created = await insertContact(tx, {
    orgId,
    accountId,
    externalId: contact.externalId,
    email: contact.email?.toLowerCase() ?? null,
    firstName: contact.firstName,
    lastName: contact.lastName,
    title: contact.title,
  });
  // A second mention of the same new contact finds this one.
  onAccount.push(created);
  return created.id;
}

/** The keys of a part of the document; a key used twice is an issue at its path. */
export function documentKeys(
  part: string,
  items: readonly { key: string }[],
  issues: FieldIssue[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key))
      issues.push({ field: `$.${part}[${index}].key`, reason: 'is used twice in this part' });
    seen.add(item.key);
  });
  return seen;
}

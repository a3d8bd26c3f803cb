import type { Database, Executor } from '../db/client';
import { getAccount } from '../db/queries/accounts';
import { getKeyAccount } from '../db/queries/key-accounts';
import {
  bumpWhitespaceVersion,
  getWhitespaceVersion,
  listPotentials,
  listProductIds,
  listWhitespaceFigures,
  listWhitespaceUnconverted,
  replacePotentials,
} from '../db/queries/key-accounts-whitespace';
import { getOrganisation } from '../db/queries/organisations';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { potentialIssues, whitespaceOf } from '../domain/key-accounts-whitespace';
import type { KeyAccountWhitespace, WhitespaceInput } from '../schemas/key-accounts-whitespace';
import { recordChanges } from './audit';
import { type Actor, canRead } from './authorization';
import { fiscalYearToday } from './key-accounts';
import { mayEditKeyAccountPlan } from './key-accounts-plans';

// A key account's whitespace, under the key-account plan's role rules: the account's owner (and
// an admin) enters the potentials of a confirmed key account, their manager and leaders read,
// anyone else finds nothing. The figures come from one statement; the gap and the totals from
// domain/key-accounts-whitespace.ts, and the deals without a rate are counted beside them. A save
// sends the version read (If-Match) and is kept in the audit history.

async function loadAccount(db: Executor, actor: Actor, accountId: string) {
  const found = await getAccount(db, actor.orgId, accountId, actor.visibleOwnerIds);
  if (!found || !canRead(actor, found.account.ownerId))
    throw new NotFoundError('Account', accountId);
  return found.account;
}

async function whitespaceView(
  db: Executor,
  actor: Actor,
  accountId: string,
): Promise<KeyAccountWhitespace> {
  const account = await loadAccount(db, actor, accountId);
  const { today, fiscalYear } = await fiscalYearToday(db, actor);
  const org = await getOrganisation(db, actor.orgId);
  const rows = await listWhitespaceFigures(db, actor.orgId, accountId, today);
  const potentials = new Map(
    rows.flatMap((r) => (r.potentialMinor === null ? [] : [[r.productId, r.potentialMinor]])),
  );
  const figures = new Map(rows.map((r) => [r.productId, r]));
  const { items, totals } = whitespaceOf(rows, potentials, figures, account.annualRevenueMinor);
  const isKeyAccount = (await getKeyAccount(db, actor.orgId, fiscalYear, accountId)) !== undefined;
  return {
    accountId,
    version: await getWhitespaceVersion(db, actor.orgId, accountId),
    currency: org?.currency ?? 'EUR',
    today,
    annualRevenueMinor: account.annualRevenueMinor,
    items: items.map((i) => ({
      productId: i.productId,
      productName: i.productName,
      potentialMinor: i.potentialMinor,
      potentialBasis: i.potentialBasis,
      typicalShareBp: i.typicalShareBp ?? null,
      wonMinor: i.wonMinor,
      openMinor: i.openMinor,
      gapMinor: i.gapMinor,
    })),
    totals,
    unconverted: await listWhitespaceUnconverted(db, actor.orgId, accountId, today),
    canEdit: isKeyAccount && mayEditKeyAccountPlan(actor, account.ownerId),
  };
}

export async function getKeyAccountWhitespace(
  db: Executor,
  actor: Actor,
  accountId: string,
): Promise<KeyAccountWhitespace> {
  return whitespaceView(db, actor, accountId);
}

/**
 * Replaces the potentials of a confirmed key account (its owner) read at `version` (If-Match): a
 * stale version is 409 with the current whitespace; bad input writes nothing.
 */
export async function saveKeyAccountWhitespace(
  db: Database,
  actor: Actor,
  accountId: string,
  version: number,
  input: WhitespaceInput,
): Promise<KeyAccountWhitespace> {
  return db.transaction(async (tx) => {
    const account = await loadAccount(tx, actor, accountId);
    if (!mayEditKeyAccountPlan(actor, account.ownerId))
      throw new ForbiddenError('Only the account’s owner enters its whitespace potentials');
    const current = await getWhitespaceVersion(tx, actor.orgId, accountId);
    if (current !== version)
      throw new ConflictError(
        `The potentials changed since you read them: you sent version ${version}, they are at version ${current}. Nothing was saved; here is the current whitespace.`,
        await whitespaceView(tx, actor, accountId),
      );
    const { fiscalYear } = await fiscalYearToday(tx, actor);
    if (!(await getKeyAccount(tx, actor.orgId, fiscalYear, accountId)))
      throw new ValidationError({
        field: 'accountId',
        reason: 'is not a confirmed key account this year',
      });
    const issues = potentialIssues(input.potentials, await listProductIds(tx, actor.orgId));
    if (issues.length > 0) throw new ValidationError(issues);
    const before = await listPotentials(tx, actor.orgId, accountId);
    if (!(await bumpWhitespaceVersion(tx, actor.orgId, accountId, version)))
      throw new ConflictError('The potentials changed while saving; read them again');
    await replacePotentials(tx, actor.orgId, accountId, input.potentials);
    await recordChanges(tx, actor, [
      {
        entityType: 'key_account_whitespace',
        entityId: accountId,
        action: 'update',
        before: { potentials: before },
        after: { potentials: await listPotentials(tx, actor.orgId, accountId) },
        scopeType: 'account',
        scopeId: accountId,
      },
    ]);
    return whitespaceView(tx, actor, accountId);
  });
}

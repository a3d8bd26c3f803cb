import type { Database, Executor } from '../db/client';
import {
  type AccountFigures,
  type ModelVersionRow,
  deleteCriteria,
  insertModelVersion,
  listAccountFigures,
  listCriteria,
  listKeyAccounts,
  listModelVersions,
  listOverrides,
  listRatings,
  lockModel,
  replaceKeyAccounts,
  setRating,
  upsertCriterion,
} from '../db/queries/key-accounts';
import { getOrganisation } from '../db/queries/organisations';
import { fiscalYearOf, fiscalYearPeriod, fiscalYearStartOf } from '../domain/calendar';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { proposeKeyAccounts, scorePotential } from '../domain/key-accounts';
import {
  CUT_PERCENT_RANGE,
  checkScoringModel,
  compareKeyAccountLists,
  confirmKeyAccountList,
  kindOfSource,
  rankByScore,
} from '../domain/key-accounts-model';
import type {
  ConfirmationInput,
  Ranking,
  RankingItem,
  RankingQuery,
  RatingsInput,
  ScoringCriterion,
  ScoringModel,
  ScoringModelInput,
} from '../schemas/key-accounts';
import { recordChanges } from './audit';
import { type Actor, canChange, canRead } from './authorization';
import { todayIn } from './clock';
import { getAccount } from '../db/queries/accounts';

// Key accounts (DOMAIN.md, "Key accounts"): the organisation's scoring model (versioned), the
// ranking of every account by it, and the leader's confirmation of the year's list.

const isLeaderOrAdmin = (actor: Actor) => actor.role === 'leader' || actor.role === 'admin';

function assertLeaderOrAdmin(actor: Actor, what: string) {
  if (!isLeaderOrAdmin(actor)) throw new ForbiddenError(`Only a leader or an admin can ${what}`);
}

const versionOf = (row: ModelVersionRow) => ({
  version: row.version,
  cutPercent: row.cutPercent,
  criteria: row.criteria as ScoringCriterion[],
  createdAt: row.createdAt.toISOString(),
  createdByName: row.createdByName,
});

export async function getScoringModel(db: Executor, actor: Actor): Promise<ScoringModel> {
  const versions = (await listModelVersions(db, actor.orgId)).map(versionOf);
  const [current] = versions;
  return {
    version: current?.version ?? 0,
    cutPercent: current?.cutPercent ?? CUT_PERCENT_RANGE.default,
    criteria: current?.criteria ?? [],
    canEdit: isLeaderOrAdmin(actor),
    history: versions,
  };
}

/**
 * Saves the model as a new version. `version` is the one the caller read (If-Match): a stale one
 * is 409 with the current model. A criterion left out is removed with its ratings.
 */
export async function saveScoringModel(
  db: Database,
  actor: Actor,
  version: number,
  input: ScoringModelInput,
): Promise<ScoringModel> {
  assertLeaderOrAdmin(actor, 'change the scoring model');
  checkScoringModel(input.criteria);
  return db.transaction(async (tx) => {
    await lockModel(tx, actor.orgId);
    const [latest] = await listModelVersions(tx, actor.orgId, 1);
    const currentVersion = latest?.version ?? 0;
    if (currentVersion !== version) {
      throw new ConflictError(
        `The scoring model changed since you read it: you sent version ${version}, it is at version ${currentVersion}. Nothing was saved; here is the current model.`,
        await getScoringModel(tx, actor),
      );
    }
    const existing = await listCriteria(tx, actor.orgId);
    const existingIds = new Set(existing.map((c) => c.id));
    input.criteria.forEach((criterion, index) => {
      if (criterion.id !== undefined && !existingIds.has(criterion.id))
        throw new ValidationError({
          field: `criteria.${index}.id`,
          reason: 'is not a criterion of this model',
        });
    });
    const kept = new Set(input.criteria.flatMap((c) => (c.id === undefined ? [] : [c.id])));
    await deleteCriteria(
      tx,
      actor.orgId,
      existing.filter((c) => !kept.has(c.id)).map((c) => c.id),
    );
    // Renames may swap names between criteria: free every name first, then write the new ones.
    for (const criterion of existing.filter((c) => kept.has(c.id)))
      await upsertCriterion(tx, { ...criterion, name: `${criterion.id} (renaming)` });
    const saved: ScoringCriterion[] = [];
    for (const [position, criterion] of input.criteria.entries()) {
      const row = await upsertCriterion(tx, {
        orgId: actor.orgId,
        ...(criterion.id === undefined ? {} : { id: criterion.id }),
        name: criterion.name,
        source: criterion.source,
        kind: kindOfSource(criterion.source),
        weight: criterion.weight,
        position,
      });
      saved.push({
        id: row.id,
        name: row.name,
        source: row.source,
        kind: row.kind,
        weight: row.weight,
      });
    }
    const next = { version: currentVersion + 1, cutPercent: input.cutPercent, criteria: saved };
    await insertModelVersion(tx, { orgId: actor.orgId, createdBy: actor.userId, ...next });
    await recordChanges(tx, actor, [
      {
        entityType: 'key_account_model',
        entityId: actor.orgId,
        action: currentVersion === 0 ? 'create' : 'update',
        before: latest ? versionOf(latest) : undefined,
        after: next,
        scopeType: 'key_account_model',
        scopeId: actor.orgId,
      },
    ]);
    return getScoringModel(tx, actor);
  });
}

/** A leader or an admin rates every account; anyone else the accounts they may change. */
const mayRateAccount = (actor: Actor, ownerId: string | null) =>
  isLeaderOrAdmin(actor) || canChange(actor, ownerId);

/** Enters or clears an account's 1–5 ratings: a leader, an admin, or whoever may change it. */
export async function rateAccount(
  db: Database,
  actor: Actor,
  accountId: string,
  input: RatingsInput,
): Promise<{ accountId: string; ratings: { criterionId: string; value: number }[] }> {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, actor.orgId, accountId, actor.visibleOwnerIds);
    if (!account) throw new NotFoundError('Account', accountId);
    if (!mayRateAccount(actor, account.account.ownerId))
      throw new ForbiddenError('You may read this account but not rate it');
    const criteria = new Map((await listCriteria(tx, actor.orgId)).map((c) => [c.id, c]));
    const before = (await listRatings(tx, actor.orgId, [accountId])).get(accountId);
    for (const [index, rating] of input.ratings.entries()) {
      if (criteria.get(rating.criterionId)?.kind !== 'rating')
        throw new ValidationError({
          field: `ratings.${index}.criterionId`,
          reason: 'is not a rating criterion of the scoring model',
        });
      await setRating(tx, actor.orgId, accountId, rating.criterionId, rating.value);
    }
    const after = (await listRatings(tx, actor.orgId, [accountId])).get(accountId);
    const ratings = [...(after ?? new Map<string, number>())].map(([criterionId, value]) => ({
      criterionId,
      value,
    }));
    await recordChanges(tx, actor, [
      {
        entityType: 'account_ratings',
        entityId: accountId,
        action: 'update',
        before: Object.fromEntries(before ?? []),
        after: Object.fromEntries(after ?? []),
        scopeType: 'key_account_model',
        scopeId: actor.orgId,
      },
    ]);
    return { accountId, ratings };
  });
}

type ScoredAccount = Omit<RankingItem, 'confirmed' | 'override' | 'canRate'> & {
  figures: AccountFigures;
};

/** Every account of the organisation scored and ranked by the model in use, with the cut. */
export async function scoreOrganisation(
  db: Executor,
  orgId: string,
  today: string,
): Promise<{ model: ModelVersionRow | undefined; ranked: ScoredAccount[] }> {
  const [model] = await listModelVersions(db, orgId, 1);
  if (!model) return { model, ranked: [] };
  const criteria = model.criteria as ScoringCriterion[];
  const [accounts, ratings] = [
    await listAccountFigures(db, orgId, today),
    await listRatings(db, orgId),
  ];
  const scores = scorePotential(
    criteria,
    accounts.map((account) => ({
      accountId: account.accountId,
      values: Object.fromEntries(
        criteria.map((c) => [
          c.id,
          c.source === 'rating'
            ? ratings.get(account.accountId)?.get(c.id)
            : account.figures[c.source],
        ]),
      ),
    })),
  );
  const proposed = new Set(proposeKeyAccounts(scores, model.cutPercent).map((s) => s.accountId));
  const byId = new Map(accounts.map((a) => [a.accountId, a]));
  const ranked = rankByScore(scores).flatMap((scored): ScoredAccount[] => {
    const account = byId.get(scored.accountId);
    if (!account) return [];
    const item: ScoredAccount = {
      accountId: account.accountId,
      accountName: account.accountName,
      ownerId: account.ownerId,
      ownerName: account.ownerName,
      segmentId: account.segmentId,
      territoryId: account.territoryId,
      score: scored.score,
      rank: scored.rank,
      proposed: proposed.has(account.accountId),
      contributions: scored.contributions.map((part, c) => ({
        criterionId: part.criterionId,
        criterion: criteria[c]?.name ?? '',
        source: criteria[c]?.source ?? 'rating',
        value: part.value,
        normalised: part.normalised,
        weight: part.weight,
        contribution: part.contribution,
      })),
      figures: account,
    };
    return [item];
  });
  return { model, ranked };
}

export async function fiscalYearToday(db: Executor, actor: Actor) {
  const org = await getOrganisation(db, actor.orgId);
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  const today = todayIn(actor.timeZone);
  const fiscalYear = fiscalYearOf(today, org.fiscalYearStartMonth);
  const { from } = fiscalYearPeriod(fiscalYearStartOf(fiscalYear, org.fiscalYearStartMonth));
  return { today, fiscalYear, fiscalYearFrom: from };
}

/**
 * The ranking: leaders and admins see every account, managers and reps the accounts they may
 * read; ranks, the cut and the proposal are always over the whole organisation.
 */
export async function getRanking(
  db: Executor,
  actor: Actor,
  query: RankingQuery,
): Promise<Ranking> {
  const { today, fiscalYear } = await fiscalYearToday(db, actor);
  const { model, ranked } = await scoreOrganisation(db, actor.orgId, today);
  const [confirmedRows, overrides] = [
    await listKeyAccounts(db, actor.orgId, fiscalYear),
    await listOverrides(db, actor.orgId, fiscalYear),
  ];
  const confirmed = new Set(confirmedRows.map((r) => r.accountId));
  const overrideOf = new Map(overrides.map((o) => [o.accountId, o]));
  const visible = ranked.filter((a) => canRead(actor, a.ownerId));
  const items = visible.map(({ figures: _figures, ...account }) => {
    const override = overrideOf.get(account.accountId);
    return {
      ...account,
      confirmed: confirmed.has(account.accountId),
      override: override ? { decision: override.decision, reason: override.reason } : null,
      canRate: mayRateAccount(actor, account.ownerId),
    };
  });
  const matching = items.filter(
    (item) =>
      (query.ownerId === undefined || item.ownerId === query.ownerId) &&
      (query.segmentId === undefined || item.segmentId === query.segmentId) &&
      (query.territoryId === undefined || item.territoryId === query.territoryId) &&
      (!query.keyOnly || item.proposed || item.confirmed),
  );
  const proposedIds = ranked.filter((a) => a.proposed).map((a) => a.accountId);
  // What confirming now would give: the proposal with the overrides that still mean something.
  const isProposed = new Set(proposedIds);
  const standing = overrides.filter((o) =>
    o.decision === 'include' ? !isProposed.has(o.accountId) : isProposed.has(o.accountId),
  );
  // The annual review: before this year's list is confirmed, the proposal is set against last
  // year's list, so the leader sees which key accounts would leave and which would join.
  const previous =
    confirmed.size === 0 ? await listKeyAccounts(db, actor.orgId, fiscalYear - 1) : [];
  const comparedWith =
    confirmed.size > 0
      ? { fiscalYear, count: confirmed.size }
      : previous.length > 0
        ? { fiscalYear: fiscalYear - 1, count: previous.length }
        : null;
  const change = compareKeyAccountLists(
    confirmed.size > 0 ? [...confirmed] : previous.map((r) => r.accountId),
    confirmed.size === 0 ? proposedIds : confirmKeyAccountList(proposedIds, standing),
  );
  const moved = (ids: string[]) =>
    items
      .filter((item) => ids.includes(item.accountId))
      .map(({ accountId, accountName, score, rank }) => ({ accountId, accountName, score, rank }));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize),
    total: matching.length,
    cutPercent: model?.cutPercent ?? CUT_PERCENT_RANGE.default,
    modelVersion: model?.version ?? 0,
    fiscalYear,
    accountCount: ranked.length,
    proposedCount: proposedIds.length,
    confirmedCount: confirmed.size,
    confirmedModelVersion: confirmedRows[0]?.modelVersion ?? null,
    changes: { movedIn: moved(change.movedIn), movedOut: moved(change.movedOut) },
    comparedWith,
    // In rank order, among the accounts the caller may read.
    standingOverrides: items.flatMap((item) => {
      const standingOne = standing.find((o) => o.accountId === item.accountId);
      return standingOne
        ? [
            {
              accountId: item.accountId,
              accountName: item.accountName,
              decision: standingOne.decision,
              reason: standingOne.reason,
            },
          ]
        : [];
    }),
    criteria: (model?.criteria ?? []) as ScoringCriterion[],
  };
}

/**
 * A leader (or admin) confirms the year's key-account list: the proposal of the model version
 * they looked at, with their overrides. A newer model since is 409: look at what moved first.
 */
export async function confirmKeyAccounts(
  db: Database,
  actor: Actor,
  input: ConfirmationInput,
): Promise<Ranking> {
  assertLeaderOrAdmin(actor, 'confirm the key accounts');
  return db.transaction(async (tx) => {
    await lockModel(tx, actor.orgId);
    const { today, fiscalYear } = await fiscalYearToday(tx, actor);
    const { model, ranked } = await scoreOrganisation(tx, actor.orgId, today);
    if (!model)
      throw new ValidationError({ field: 'modelVersion', reason: 'save a scoring model first' });
    if (model.version !== input.modelVersion)
      throw new ConflictError(
        `The scoring model is at version ${model.version}, you looked at version ${input.modelVersion}. Nothing was confirmed; look at the new ranking first.`,
      );
    const byId = new Map(ranked.map((a) => [a.accountId, a]));
    input.overrides.forEach((override, index) => {
      if (!byId.has(override.accountId))
        throw new ValidationError({
          field: `overrides.${index}.accountId`,
          reason: 'is not an account of this organisation',
        });
    });
    const proposed = ranked.filter((a) => a.proposed).map((a) => a.accountId);
    const list = confirmKeyAccountList(proposed, input.overrides);
    const before = await listKeyAccounts(tx, actor.orgId, fiscalYear);
    await replaceKeyAccounts(
      tx,
      actor.orgId,
      fiscalYear,
      list.map((accountId) => ({
        orgId: actor.orgId,
        accountId,
        fiscalYear,
        score: byId.get(accountId)?.score ?? 0,
        modelVersion: model.version,
        isProposed: byId.get(accountId)?.proposed ?? false,
        confirmedBy: actor.userId,
      })),
      input.overrides.map((o) => ({
        orgId: actor.orgId,
        fiscalYear,
        accountId: o.accountId,
        decision: o.decision,
        reason: o.reason,
        decidedBy: actor.userId,
      })),
    );
    await recordChanges(tx, actor, [
      {
        entityType: 'key_account_list',
        entityId: actor.orgId,
        action: before.length === 0 ? 'create' : 'update',
        before:
          before.length === 0 ? undefined : { accountIds: before.map((r) => r.accountId).sort() },
        after: {
          fiscalYear,
          modelVersion: model.version,
          accountIds: list,
          overrides: input.overrides,
        },
        scopeType: 'key_account_list',
        scopeId: String(fiscalYear),
      },
    ]);
    return getRanking(tx, actor, { page: 1, pageSize: 100 });
  });
}

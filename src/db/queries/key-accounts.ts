import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import {
  accountCriterionValues,
  keyAccountModelVersions,
  keyAccountOverrides,
  keyAccounts,
  potentialCriteria,
  users,
} from '../schema';
import { convertedAmountJoin, convertedMinor } from './money';
import type { CriterionSource } from '../../domain/key-accounts-model';

// The scoring model, the figures each account is scored on and the confirmed key-account list.
// Every query filters by orgId.

export type ModelVersionRow = typeof keyAccountModelVersions.$inferSelect & {
  createdByName: string | null;
};
export type CriterionRow = typeof potentialCriteria.$inferSelect;
export type KeyAccountRow = typeof keyAccounts.$inferSelect;
export type OverrideRow = typeof keyAccountOverrides.$inferSelect;

const versionColumns = {
  orgId: keyAccountModelVersions.orgId,
  version: keyAccountModelVersions.version,
  cutPercent: keyAccountModelVersions.cutPercent,
  criteria: keyAccountModelVersions.criteria,
  createdBy: keyAccountModelVersions.createdBy,
  createdAt: keyAccountModelVersions.createdAt,
  createdByName: users.name,
};

/** The organisation's model versions, newest first (the first is the one in use). */
export async function listModelVersions(
  db: Executor,
  orgId: string,
  limit = 50,
): Promise<ModelVersionRow[]> {
  return db
    .select(versionColumns)
    .from(keyAccountModelVersions)
    .leftJoin(
      users,
      and(
        eq(users.orgId, keyAccountModelVersions.orgId),
        eq(users.id, keyAccountModelVersions.createdBy),
      ),
    )
    .where(eq(keyAccountModelVersions.orgId, orgId))
    .orderBy(desc(keyAccountModelVersions.version))
    .limit(limit);
}

/** Serialises model saves per organisation, so two saves cannot both become version n + 1. */
export async function lockModel(db: Executor, orgId: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext('key_account_model'), hashtext(${orgId}))`,
  );
}

export async function listCriteria(db: Executor, orgId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(potentialCriteria)
    .where(eq(potentialCriteria.orgId, orgId))
    .orderBy(asc(potentialCriteria.position), asc(potentialCriteria.createdAt));
}

export async function deleteCriteria(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .delete(potentialCriteria)
    .where(and(eq(potentialCriteria.orgId, orgId), inArray(potentialCriteria.id, [...ids])));
}

export async function upsertCriterion(
  db: Executor,
  row: typeof potentialCriteria.$inferInsert,
): Promise<CriterionRow> {
  const [saved] = await db
    .insert(potentialCriteria)
    .values(row)
    .onConflictDoUpdate({
      target: [potentialCriteria.orgId, potentialCriteria.id],
      set: {
        name: row.name,
        kind: row.kind,
        source: row.source,
        weight: row.weight,
        position: row.position,
      },
    })
    .returning();
  if (!saved) throw new Error('the criterion was not saved');
  return saved;
}

export async function insertModelVersion(
  db: Executor,
  row: typeof keyAccountModelVersions.$inferInsert,
): Promise<void> {
  await db.insert(keyAccountModelVersions).values(row);
}

/** The figures an account is scored on, read for every account of the organisation at once. */
export type AccountFigures = {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  ownerName: string | null;
  segmentId: string | null;
  territoryId: string | null;
  figures: Record<Exclude<CriterionSource, 'rating'>, number | null>;
};

/**
 * Every account's figures, in one statement: its annual revenue and employees, and from the deals
 * and activities (in the organisation's currency; deals without a rate are left out) the revenue
 * won in the 12 months up to `today`, the open pipeline, the contacts with a done activity in
 * those 12 months, and the growth: won in those 12 months less won in the 12 before.
 */
export async function listAccountFigures(
  db: Executor,
  orgId: string,
  today: string,
): Promise<AccountFigures[]> {
  const rows = await queryRows<{
    account_id: string;
    account_name: string;
    owner_id: string | null;
    owner_name: string | null;
    segment_id: string | null;
    territory_id: string | null;
    employees: number | null;
    annual_revenue_minor: string | number | null;
    won_12: string | number;
    won_previous_12: string | number;
    open_pipeline: string | number;
    contacts_engaged: string | number;
  }>(
    db,
    sql`with deal_sums as (
          select o.account_id,
            coalesce(sum(${convertedMinor}) filter (where s.kind = 'won'
              and o.closed_on > (${today}::date - interval '12 months')::date
              and o.closed_on <= ${today}::date), 0) as won_12,
            coalesce(sum(${convertedMinor}) filter (where s.kind = 'won'
              and o.closed_on > (${today}::date - interval '24 months')::date
              and o.closed_on <= (${today}::date - interval '12 months')::date), 0) as won_previous_12,
            coalesce(sum(${convertedMinor}) filter (where s.kind = 'open'), 0) as open_pipeline
          from opportunities o
          join stages s on s.org_id = o.org_id and s.id = o.stage_id
          ${convertedAmountJoin(today)}
          where o.org_id = ${orgId} and o.account_id is not null
          group by o.account_id
        ), engaged as (
          select account_id, count(distinct contact_id) as contacts_engaged
          from activities
          where org_id = ${orgId} and status = 'done' and contact_id is not null
            and occurs_on > (${today}::date - interval '12 months')::date
            and occurs_on <= ${today}::date
          group by account_id
        )
        select a.id as account_id, a.name as account_name, a.owner_id, u.name as owner_name,
          a.segment_id, a.territory_id, a.employees, a.annual_revenue_minor,
          coalesce(d.won_12, 0) as won_12, coalesce(d.won_previous_12, 0) as won_previous_12,
          coalesce(d.open_pipeline, 0) as open_pipeline,
          coalesce(e.contacts_engaged, 0) as contacts_engaged
        from accounts a
        left join users u on u.org_id = a.org_id and u.id = a.owner_id
        left join deal_sums d on d.account_id = a.id
        left join engaged e on e.account_id = a.id
        where a.org_id = ${orgId}
        order by a.id`,
  );
  const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    accountId: row.account_id,
    accountName: row.account_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    segmentId: row.segment_id,
    territoryId: row.territory_id,
    figures: {
      annual_revenue: numberOrNull(row.annual_revenue_minor),
      employees: row.employees,
      won_revenue_12_months: Number(row.won_12),
      open_pipeline: Number(row.open_pipeline),
      contacts_engaged: Number(row.contacts_engaged),
      growth_year_over_year: Number(row.won_12) - Number(row.won_previous_12),
    },
  }));
}

/** The ratings entered per account: account id → criterion id → 1–5. */
export async function listRatings(
  db: Executor,
  orgId: string,
  accountIds?: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .select()
    .from(accountCriterionValues)
    .where(
      and(
        eq(accountCriterionValues.orgId, orgId),
        accountIds ? inArray(accountCriterionValues.accountId, [...accountIds]) : undefined,
      ),
    );
  const byAccount = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const ratings = byAccount.get(row.accountId) ?? new Map<string, number>();
    ratings.set(row.criterionId, row.value);
    byAccount.set(row.accountId, ratings);
  }
  return byAccount;
}

export async function setRating(
  db: Executor,
  orgId: string,
  accountId: string,
  criterionId: string,
  value: number | null,
): Promise<void> {
  if (value === null) {
    await db
      .delete(accountCriterionValues)
      .where(
        and(
          eq(accountCriterionValues.orgId, orgId),
          eq(accountCriterionValues.accountId, accountId),
          eq(accountCriterionValues.criterionId, criterionId),
        ),
      );
    return;
  }
  await db
    .insert(accountCriterionValues)
    .values({ orgId, accountId, criterionId, value })
    .onConflictDoUpdate({
      target: [
        accountCriterionValues.orgId,
        accountCriterionValues.accountId,
        accountCriterionValues.criterionId,
      ],
      set: { value },
    });
}

export async function listKeyAccounts(
  db: Executor,
  orgId: string,
  fiscalYear: number,
): Promise<KeyAccountRow[]> {
  return db
    .select()
    .from(keyAccounts)
    .where(and(eq(keyAccounts.orgId, orgId), eq(keyAccounts.fiscalYear, fiscalYear)));
}

export async function getKeyAccount(
  db: Executor,
  orgId: string,
  fiscalYear: number,
  accountId: string,
): Promise<KeyAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(keyAccounts)
    .where(
      and(
        eq(keyAccounts.orgId, orgId),
        eq(keyAccounts.fiscalYear, fiscalYear),
        eq(keyAccounts.accountId, accountId),
      ),
    );
  return row;
}

export async function listOverrides(
  db: Executor,
  orgId: string,
  fiscalYear: number,
): Promise<OverrideRow[]> {
  return db
    .select()
    .from(keyAccountOverrides)
    .where(
      and(eq(keyAccountOverrides.orgId, orgId), eq(keyAccountOverrides.fiscalYear, fiscalYear)),
    );
}

/** Replaces a year's key-account list and its overrides with the confirmed ones. */
export async function replaceKeyAccounts(
  db: Executor,
  orgId: string,
  fiscalYear: number,
  list: (typeof keyAccounts.$inferInsert)[],
  overrides: (typeof keyAccountOverrides.$inferInsert)[],
): Promise<void> {
  await db
    .delete(keyAccounts)
    .where(and(eq(keyAccounts.orgId, orgId), eq(keyAccounts.fiscalYear, fiscalYear)));
  await db
    .delete(keyAccountOverrides)
    .where(
      and(eq(keyAccountOverrides.orgId, orgId), eq(keyAccountOverrides.fiscalYear, fiscalYear)),
    );
  if (list.length > 0) await db.insert(keyAccounts).values(list);
  if (overrides.length > 0) await db.insert(keyAccountOverrides).values(overrides);
}

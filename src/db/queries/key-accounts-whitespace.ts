import { and, eq, sql } from 'drizzle-orm';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import { type Executor, queryRows } from '../client';
import { keyAccountProductPotentials, keyAccountWhitespaceVersions } from '../schema';
import { convertedAmountJoin, convertedMinor, sumConvertedBy } from './money';

// The whitespace of one key account: every product of the organisation with the owner's
// potential and the product's typical share (the domain derives the potential from it), the revenue won in the 12 months up to `today` and the open pipeline, in the
// organisation's currency (deals without a rate left out, as on the dashboards). Every query
// filters by orgId.

export type WhitespaceFigureRow = {
  productId: string;
  productName: string;
  /** The product's typical share of an account's annual revenue, basis points. */
  typicalShareBp: number | null;
  potentialMinor: number | null;
  wonMinor: number;
  openMinor: number;
};

/** One statement: every product (also those without deals), its potential, won and open. */
export async function listWhitespaceFigures(
  db: Executor,
  orgId: string,
  accountId: string,
  today: string,
): Promise<WhitespaceFigureRow[]> {
  const rows = await queryRows<{
    product_id: string;
    product_name: string;
    typical_share_bp: string | number | null;
    potential_minor: string | number | null;
    won_minor: string | number;
    open_minor: string | number;
  }>(
    db,
    sql`with deal_sums as (
          select o.product_id,
            coalesce(sum(${convertedMinor}) filter (where s.kind = 'won'
              and o.closed_on > (${today}::date - interval '12 months')::date
              and o.closed_on <= ${today}::date), 0) as won_minor,
            coalesce(sum(${convertedMinor}) filter (where s.kind = 'open'), 0) as open_minor
          from opportunities o
          join stages s on s.org_id = o.org_id and s.id = o.stage_id
          ${convertedAmountJoin(today)}
          where o.org_id = ${orgId} and o.account_id = ${accountId} and o.product_id is not null
          group by o.product_id
        )
        select p.id as product_id, p.name as product_name, p.typical_share_bp, k.potential_minor,
          coalesce(d.won_minor, 0) as won_minor, coalesce(d.open_minor, 0) as open_minor
        from products p
        left join key_account_product_potentials k
          on k.org_id = p.org_id and k.product_id = p.id and k.account_id = ${accountId}
        left join deal_sums d on d.product_id = p.id
        where p.org_id = ${orgId}
          and (p.is_active or k.potential_minor is not null or d.product_id is not null)
        order by p.name, p.id`,
  );
  return rows.map((row) => ({
    productId: row.product_id,
    productName: row.product_name,
    typicalShareBp: row.typical_share_bp === null ? null : Number(row.typical_share_bp),
    potentialMinor: row.potential_minor === null ? null : Number(row.potential_minor),
    wonMinor: Number(row.won_minor),
    openMinor: Number(row.open_minor),
  }));
}

/**
 * The deals the figures above leave out for want of a rate (won in the 12 months up to `today`
 * or open, with a product), counted per currency as the dashboards answer them.
 */
export async function listWhitespaceUnconverted(
  db: Executor,
  orgId: string,
  accountId: string,
  today: string,
): Promise<UnconvertedMoney[]> {
  const totals = await sumConvertedBy(db, orgId, {
    key: sql`'all'`,
    today,
    where: sql`o.account_id = ${accountId} and o.product_id is not null
      and (s.kind = 'open' or (s.kind = 'won'
        and o.closed_on > (${today}::date - interval '12 months')::date
        and o.closed_on <= ${today}::date))`,
  });
  return totals.get('all')?.unconverted ?? [];
}

/** The version of the account's potentials: 0 before they were first saved. */
export async function getWhitespaceVersion(
  db: Executor,
  orgId: string,
  accountId: string,
): Promise<number> {
  const [row] = await db
    .select({ version: keyAccountWhitespaceVersions.version })
    .from(keyAccountWhitespaceVersions)
    .where(
      and(
        eq(keyAccountWhitespaceVersions.orgId, orgId),
        eq(keyAccountWhitespaceVersions.accountId, accountId),
      ),
    );
  return row?.version ?? 0;
}

/**
 * Moves the potentials from `version` to the next one; false when another save got there first
 * (the row is then at another version, or was inserted by it).
 */
export async function bumpWhitespaceVersion(
  db: Executor,
  orgId: string,
  accountId: string,
  version: number,
): Promise<boolean> {
  const rows = await db
    .insert(keyAccountWhitespaceVersions)
    .values({ orgId, accountId, version: version + 1 })
    .onConflictDoUpdate({
      target: [keyAccountWhitespaceVersions.orgId, keyAccountWhitespaceVersions.accountId],
      set: { version: sql`${keyAccountWhitespaceVersions.version} + 1`, updatedAt: new Date() },
      setWhere: sql`${keyAccountWhitespaceVersions.version} = ${version}`,
    })
    .returning({ version: keyAccountWhitespaceVersions.version });
  return rows.length === 1;
}

/** The ids of the organisation's products. */
export async function listProductIds(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from products where org_id = ${orgId}`,
  );
  return new Set(rows.map((r) => r.id));
}

export type PotentialRow = { productId: string; potentialMinor: number };

export async function listPotentials(
  db: Executor,
  orgId: string,
  accountId: string,
): Promise<PotentialRow[]> {
  const rows = await db
    .select({
      productId: keyAccountProductPotentials.productId,
      potentialMinor: keyAccountProductPotentials.potentialMinor,
    })
    .from(keyAccountProductPotentials)
    .where(
      and(
        eq(keyAccountProductPotentials.orgId, orgId),
        eq(keyAccountProductPotentials.accountId, accountId),
      ),
    )
    .orderBy(keyAccountProductPotentials.productId);
  return rows.map((r) => ({ productId: r.productId, potentialMinor: Number(r.potentialMinor) }));
}

/** Replaces the account's potentials with `potentials` (a product left out has none). */
export async function replacePotentials(
  db: Executor,
  orgId: string,
  accountId: string,
  potentials: readonly PotentialRow[],
): Promise<void> {
  await db
    .delete(keyAccountProductPotentials)
    .where(
      and(
        eq(keyAccountProductPotentials.orgId, orgId),
        eq(keyAccountProductPotentials.accountId, accountId),
      ),
    );
  if (potentials.length === 0) return;
  await db
    .insert(keyAccountProductPotentials)
    .values(potentials.map((p) => ({ orgId, accountId, ...p, updatedAt: new Date() })));
}

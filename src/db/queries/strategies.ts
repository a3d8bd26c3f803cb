import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import type { Executor } from '../client';
import {
  activityTypes,
  organisations,
  segmentNorms,
  segments,
  strategies,
  strategyAssignments,
  strategySegmentShares,
  users,
} from '../schema';
import { mergeUnconverted, sumConvertedBy } from './money';

export type StrategyRow = typeof strategies.$inferSelect;
export type NewStrategyRow = typeof strategies.$inferInsert;
export type SegmentNormRow = typeof segmentNorms.$inferSelect;

export async function getStrategy(db: Executor, orgId: string, year: number) {
  const [row] = await db
    .select()
    .from(strategies)
    .where(and(eq(strategies.orgId, orgId), eq(strategies.fiscalYear, year)));
  return row;
}

export async function listSegmentShares(db: Executor, orgId: string, year: number) {
  return db
    .select({
      segmentId: strategySegmentShares.segmentId,
      shareBasisPoints: strategySegmentShares.shareBasisPoints,
      code: segments.code,
      name: segments.name,
    })
    .from(strategySegmentShares)
    .innerJoin(
      segments,
      and(
        eq(segments.orgId, strategySegmentShares.orgId),
        eq(segments.id, strategySegmentShares.segmentId),
      ),
    )
    .where(and(eq(strategySegmentShares.orgId, orgId), eq(strategySegmentShares.fiscalYear, year)))
    .orderBy(asc(segments.code));
}

export async function listAssignments(db: Executor, orgId: string, year: number) {
  return db
    .select({
      repId: strategyAssignments.repId,
      segmentId: strategyAssignments.segmentId,
      weight: strategyAssignments.weight,
      repName: users.name,
    })
    .from(strategyAssignments)
    .innerJoin(
      users,
      and(eq(users.orgId, strategyAssignments.orgId), eq(users.id, strategyAssignments.repId)),
    )
    .where(and(eq(strategyAssignments.orgId, orgId), eq(strategyAssignments.fiscalYear, year)))
    .orderBy(asc(users.name), asc(strategyAssignments.segmentId));
}

export async function listSegmentNorms(db: Executor, orgId: string) {
  return db
    .select()
    .from(segmentNorms)
    .where(eq(segmentNorms.orgId, orgId))
    .orderBy(asc(segmentNorms.segmentId), asc(segmentNorms.accountStatus));
}

export async function listActivityTypeHours(db: Executor, orgId: string) {
  return db
    .select({ key: activityTypes.key, hours: activityTypes.hours })
    .from(activityTypes)
    .where(eq(activityTypes.orgId, orgId));
}

export async function insertStrategy(db: Executor, row: NewStrategyRow) {
  const [inserted] = await db.insert(strategies).values(row).returning();
  if (!inserted) throw new Error('insert into strategies returned nothing');
  return inserted;
}

/** Updates only when the stored version is `expectedVersion`; undefined when it is not. */
export async function updateStrategy(
  db: Executor,
  orgId: string,
  year: number,
  expectedVersion: number,
  patch: Partial<NewStrategyRow>,
) {
  const [updated] = await db
    .update(strategies)
    .set({ ...patch, version: sql`${strategies.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(strategies.orgId, orgId),
        eq(strategies.fiscalYear, year),
        eq(strategies.version, expectedVersion),
      ),
    )
    .returning();
  return updated;
}

export async function replaceSegmentShares(
  db: Executor,
  orgId: string,
  year: number,
  shares: { segmentId: string; shareBasisPoints: number }[],
) {
  await db
    .delete(strategySegmentShares)
    .where(and(eq(strategySegmentShares.orgId, orgId), eq(strategySegmentShares.fiscalYear, year)));
  if (shares.length > 0)
    await db
      .insert(strategySegmentShares)
      .values(shares.map((s) => ({ ...s, orgId, fiscalYear: year })));
}

export async function replaceAssignments(
  db: Executor,
  orgId: string,
  year: number,
  rows: { repId: string; segmentId: string | null; weight: number }[],
) {
  await db
    .delete(strategyAssignments)
    .where(and(eq(strategyAssignments.orgId, orgId), eq(strategyAssignments.fiscalYear, year)));
  if (rows.length > 0)
    await db
      .insert(strategyAssignments)
      .values(rows.map((r) => ({ ...r, orgId, fiscalYear: year })));
}

export async function replaceSegmentNorms(
  db: Executor,
  orgId: string,
  rows: Omit<SegmentNormRow, 'orgId'>[],
) {
  await db.delete(segmentNorms).where(eq(segmentNorms.orgId, orgId));
  if (rows.length > 0) await db.insert(segmentNorms).values(rows.map((r) => ({ ...r, orgId })));
}

/** The month the organisation's fiscal years start in (1-12). */
export async function setFiscalYearStartMonth(db: Executor, orgId: string, month: number) {
  await db
    .update(organisations)
    .set({ fiscalYearStartMonth: month })
    .where(eq(organisations.id, orgId));
}

/**
 * Won revenue per close month ('YYYY-MM') in the organisation's currency, for seasonality from
 * history; the won deals without a rate are left out and counted per currency.
 */
export async function wonRevenueByMonth(
  db: Executor,
  orgId: string,
): Promise<{ months: { month: string; revenueMinor: number }[]; unconverted: UnconvertedMoney[] }> {
  const totals = await sumConvertedBy(db, orgId, {
    key: sql`to_char(o.closed_on, 'YYYY-MM')`,
    where: sql`s.kind = 'won' and o.closed_on is not null`,
    today: null,
  });
  return {
    months: [...totals].map(([month, total]) => ({ month, revenueMinor: total.totalMinor })),
    unconverted: mergeUnconverted(totals.values()),
  };
}

/**
 * Won revenue per owner of the deals closed in a period (both ends included), in the
 * organisation's currency; deals without a rate are left out (see `sumConvertedBy`).
 */
export async function wonRevenueByOwner(
  db: Executor,
  orgId: string,
  period: { from: string; to: string },
): Promise<Map<string, number>> {
  const totals = await sumConvertedBy(db, orgId, {
    key: sql`o.owner_id`,
    where: sql`s.kind = 'won' and o.closed_on between ${period.from} and ${period.to}`,
    today: null,
  });
  return new Map([...totals].map(([ownerId, total]) => [ownerId, total.totalMinor]));
}

/**
 * Won revenue per account segment ('' for deals of accounts without one) of the deals closed in
 * a period (both ends included), in the organisation's currency; deals without a rate left out.
 */
export async function wonRevenueBySegment(
  db: Executor,
  orgId: string,
  period: { from: string; to: string },
): Promise<Map<string, number>> {
  const totals = await sumConvertedBy(db, orgId, {
    key: sql`coalesce(acc.segment_id::text, '')`,
    joins: sql`left join accounts acc on acc.org_id = o.org_id and acc.id = o.account_id`,
    where: sql`s.kind = 'won' and o.closed_on between ${period.from} and ${period.to}`,
    today: null,
  });
  return new Map([...totals].map(([segmentId, total]) => [segmentId, total.totalMinor]));
}

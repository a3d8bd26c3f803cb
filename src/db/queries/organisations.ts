import { and, count, eq, sql } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Executor } from '../client';
import {
  exchangeRates,
  opportunities,
  organisations,
  repPlans,
  strategies,
  teamPlans,
} from '../schema';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function getOrganisation(
  db: Executor,
  orgId: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return row;
}

/**
 * The organisation with this slug, or the only one when no slug is given (the CLI's `--org`).
 * An unknown slug is not found; no slug with none or several organisations is a ValidationError
 * on `field`, `whenNone` saying what to do about an empty database.
 */
export async function findOrganisation(
  db: Executor,
  slug: string | undefined,
  { field = '--org', whenNone = 'there is no organisation yet' } = {},
): Promise<OrganisationRow> {
  if (slug !== undefined) {
    const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!row) throw new NotFoundError('Organisation', slug);
    return row;
  }
  const all = await db.select().from(organisations).limit(2);
  const [only] = all;
  if (all.length === 1 && only) return only;
  throw new ValidationError({
    field,
    reason: all.length === 0 ? whenNone : 'there are several organisations: say which one',
  });
}

/**
 * Changes the organisation's settings and bumps its version; with `expectedVersion`, only if
 * nobody saved since (undefined when they did).
 */
export async function updateOrganisationRow(
  db: Executor,
  orgId: string,
  patch: Partial<Pick<OrganisationRow, 'name' | 'currency' | 'fiscalYearStartMonth' | 'timeZone'>>,
  expectedVersion: number | undefined,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, version: sql`${organisations.version} + 1` })
    .where(
      and(
        eq(organisations.id, orgId),
        expectedVersion === undefined ? undefined : eq(organisations.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}

/** Amounts stored against the organisation's currency: deals in it and exchange rates to it. */
export async function countCurrencyUses(db: Executor, orgId: string) {
  const [deals] = await db
    .select({ value: count() })
    .from(opportunities)
    .where(eq(opportunities.orgId, orgId));
  const [rates] = await db
    .select({ value: count() })
    .from(exchangeRates)
    .where(eq(exchangeRates.orgId, orgId));
  return { opportunities: deals?.value ?? 0, exchangeRates: rates?.value ?? 0 };
}

/** Plans made for fiscal years, whose months a new fiscal-year start would move. */
export async function countFiscalYearPlans(db: Executor, orgId: string) {
  const [strategyCount] = await db
    .select({ value: count() })
    .from(strategies)
    .where(eq(strategies.orgId, orgId));
  const [repPlanCount] = await db
    .select({ value: count() })
    .from(repPlans)
    .where(eq(repPlans.orgId, orgId));
  const [teamPlanCount] = await db
    .select({ value: count() })
    .from(teamPlans)
    .where(eq(teamPlans.orgId, orgId));
  return (strategyCount?.value ?? 0) + (repPlanCount?.value ?? 0) + (teamPlanCount?.value ?? 0);
}

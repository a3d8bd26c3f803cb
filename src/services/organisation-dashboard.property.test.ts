import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from '../db/client';
import {
  accounts,
  activities,
  exchangeRates,
  opportunities,
  opportunityCloseDateChanges,
  products,
  segments,
  strategies,
  strategyAssignments,
  strategySegmentShares,
  territories,
  users,
} from '../db/schema';
import { readStages } from '../db/queries/reports';
import { attainmentToDate } from '../domain/attainment';
import { addDays, monthOf, monthsInRange } from '../domain/calendar';
import { minorUnitRate } from '../domain/exchange-rates';
import { lookBackPeriod } from '../domain/funnel-ratios';
import { isInPeriod, type Period } from '../domain/opportunity';
import { summarisePipeline } from '../domain/pipeline';
import { weightTargetBySeasonality } from '../domain/seasonality';
import { winRate } from '../domain/win-rate';
import type { ScopeFilters } from '../db/queries/dashboard-filters';
import {
  createPropertyOrganisation,
  readOpportunityRows,
  type ReportOpportunityRow,
} from '../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { loadAttainmentYear } from './attainment-targets';
import { buildOrganisationDashboard } from './organisation-dashboard';

// The organisation dashboard's SQL against the domain's KPI functions over the raw rows of a
// small random organisation (reps in two teams and territories, accounts in segments, products,
// mixed currencies and rates, slipped close dates), on each engine, for a random combination of
// filters, caller scope and period: the figures equal the reference over the rows the filters keep.

const today = '2026-03-11';
const DATES = ['2025-11-30', '2026-01-01', '2026-01-15', '2026-02-28', '2026-03-01', '2026-03-11'];
const STAGE_NAMES = ['Prospecting', 'Proposal', 'Won', 'Lost'] as const;

const option = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values));
/** One of `values` about one time in three, null otherwise. */
const rarely = <T>(values: readonly T[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...values) },
  );

const organisation = fc.record({
  reps: fc.array(fc.record({ manager: option([0, 1]), territory: option([0, 1]) }), {
    minLength: 1,
    maxLength: 4,
  }),
  usdRate: fc.option(fc.constantFrom('1.10000', '0.91234')),
  deals: fc.array(
    fc.record({
      rep: fc.nat(),
      account: option([0, 1, 2]),
      product: option([0, 1]),
      currency: fc.constantFrom('EUR', 'EUR', 'USD'),
      amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
      stage: fc.constantFrom(...STAGE_NAMES),
      created: fc.constantFrom(...DATES.slice(0, 5)),
      closedAfterDays: fc.integer({ min: 0, max: 20 }),
      expectedClose: option(['2026-02-01', '2026-03-20', '2026-06-30', '2027-01-15']),
      lastActivity: option(['2026-01-02', '2026-03-01']),
      closeMoves: fc.array(fc.constantFrom(-10, 15, 30), { maxLength: 4 }),
    }),
    { maxLength: 40 },
  ),
  strategy: fc.option(
    fc.record({
      shareA: fc.integer({ min: 0, max: 6000 }),
      shareB: fc.integer({ min: 0, max: 4000 }),
    }),
  ),
  // Each filter is set about one time in three, so that combinations keep some rows.
  filters: fc.record({
    manager: rarely([0, 1]),
    rep: rarely([0, 1, 2, 3]),
    segment: rarely([0, 1]),
    product: rarely([0, 1]),
    territory: rarely([0, 1]),
  }),
  scope: fc.oneof(fc.constant(null), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
  period: fc.option(
    fc
      .tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES))
      .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  ),
});

type Organisation = typeof organisation extends fc.Arbitrary<infer I> ? I : never;

type World = {
  orgId: string;
  managers: string[];
  reps: string[];
  territories: string[];
  segments: string[];
  products: string[];
};

async function createWorld(db: Executor, input: Organisation): Promise<World> {
  const { org, stageId } = await createPropertyOrganisation(db, 'World');
  const orgId = org.id;
  const areas = await db
    .insert(territories)
    .values([
      { orgId, name: 'North' },
      { orgId, name: 'South' },
    ])
    .returning();
  const managers = await db
    .insert(users)
    .values(
      [0, 1].map((i) => ({
        orgId,
        email: `m${i}@d.test`,
        name: `M${i}`,
        role: 'manager' as const,
      })),
    )
    .returning();
  const reps = await db
    .insert(users)
    .values(
      input.reps.map((rep, i) => ({
        orgId,
        email: `r${i}@d.test`,
        name: `R${i}`,
        role: 'rep' as const,
        managerId: rep.manager === null ? null : managers[rep.manager]?.id,
        territoryId: rep.territory === null ? null : areas[rep.territory]?.id,
      })),
    )
    .returning();
  const repId = (n: number) => reps[n % reps.length]?.id ?? '';
  const segs = await db
    .insert(segments)
    .values([
      { orgId, code: 'A', name: 'Alpha' },
      { orgId, code: 'B', name: 'Beta' },
    ])
    .returning();
  const accs = await db
    .insert(accounts)
    .values([
      { orgId, name: 'A prospect', segmentId: segs[0]?.id, status: 'prospect' as const },
      { orgId, name: 'B customer', segmentId: segs[1]?.id, status: 'customer' as const },
      { orgId, name: 'Loose customer', status: 'customer' as const },
    ])
    .returning();
  const items = await db
    .insert(products)
    .values([
      { orgId, name: 'Widget', currency: 'EUR' },
      { orgId, name: 'Gadget', currency: 'EUR' },
    ])
    .returning();
  if (input.usdRate) {
    await db.insert(exchangeRates).values({
      orgId,
      currency: 'USD',
      month: '2025-11-01',
      rate: input.usdRate,
      minorUnitRate: minorUnitRate(input.usdRate, 2, 2),
    });
  }
  for (const deal of input.deals) {
    const isOpen = deal.stage === 'Prospecting' || deal.stage === 'Proposal';
    const [row] = await db
      .insert(opportunities)
      .values({
        orgId,
        name: 'deal',
        ownerId: repId(deal.rep),
        accountId: deal.account === null ? null : accs[deal.account]?.id,
        productId: deal.product === null ? null : items[deal.product]?.id,
        amountMinor: deal.amountMinor,
        currency: deal.currency,
        stageId: stageId(deal.stage),
        createdOn: deal.created,
        expectedCloseOn: deal.expectedClose,
        closedOn: isOpen ? null : addDays(deal.created, deal.closedAfterDays),
      })
      .returning();
    if (!row) continue;
    if (deal.lastActivity && deal.account !== null) {
      await db.insert(activities).values({
        orgId,
        type: 'call',
        status: 'done',
        occursOn: deal.lastActivity,
        ownerId: row.ownerId,
        accountId: accs[deal.account]?.id ?? '',
        opportunityId: row.id,
      });
    }
    // A chain of moves of the expected close: each from the date the one before moved it to.
    let from = deal.expectedClose ?? '2026-04-01';
    for (const days of deal.closeMoves) {
      const to = addDays(from, days);
      await db.insert(opportunityCloseDateChanges).values({
        orgId,
        opportunityId: row.id,
        fromDate: from,
        toDate: to,
        changedOn: '2026-01-01',
      });
      from = to;
    }
  }
  if (input.strategy) {
    await db.insert(strategies).values({
      orgId,
      fiscalYear: 2026,
      startMonth: 1,
      targetMinor: 12_000_000,
      currency: 'EUR',
      model: 'territory',
    });
    await db.insert(strategySegmentShares).values([
      {
        orgId,
        fiscalYear: 2026,
        segmentId: segs[0]?.id ?? '',
        shareBasisPoints: input.strategy.shareA,
      },
      {
        orgId,
        fiscalYear: 2026,
        segmentId: segs[1]?.id ?? '',
        shareBasisPoints: input.strategy.shareB,
      },
    ]);
    await db
      .insert(strategyAssignments)
      .values(reps.map((rep) => ({ orgId, fiscalYear: 2026, repId: rep.id })));
  }
  return {
    orgId,
    managers: managers.map((m) => m.id),
    reps: reps.map((r) => r.id),
    territories: areas.map((t) => t.id),
    segments: segs.map((s) => s.id),
    products: items.map((p) => p.id),
  };
}

/** The close-date histories (oldest first) the domain's countSlips reads. */
async function readCloseHistories(db: Executor, orgId: string): Promise<Map<string, string[]>> {
  const changes = await db
    .select()
    .from(opportunityCloseDateChanges)
    .where(eq(opportunityCloseDateChanges.orgId, orgId));
  const histories = new Map<string, string[]>();
  for (const change of changes.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
    const history = histories.get(change.opportunityId) ?? [change.fromDate ?? ''];
    history.push(change.toDate ?? '');
    histories.set(change.opportunityId, history);
  }
  return histories;
}

function keeps(row: ReportOpportunityRow, filters: ScopeFilters, scope: readonly string[] | null) {
  return (
    (scope === null || scope.includes(row.ownerId)) &&
    (!filters.managerId || row.managerId === filters.managerId) &&
    (!filters.repId || row.ownerId === filters.repId) &&
    (!filters.territoryId || row.territoryId === filters.territoryId) &&
    (!filters.productId || row.productId === filters.productId) &&
    (!filters.segmentId || row.segmentId === filters.segmentId)
  );
}

const converted = (row: ReportOpportunityRow) => row.convertedMinor ?? 0;

function wonByReference(
  won: readonly ReportOpportunityRow[],
  key: (row: ReportOpportunityRow) => string,
) {
  const groups = new Map<string, { id: string; won: number; wonRevenue: number }>();
  for (const row of won) {
    const id = key(row);
    const group = groups.get(id) ?? { id, won: 0, wonRevenue: 0 };
    group.won += 1;
    group.wonRevenue += converted(row);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const idsAndSums = (rows: readonly { id: string; won: number; wonRevenue: number }[]) =>
  rows
    .map(({ id, won, wonRevenue }) => ({ id, won, wonRevenue }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(testEngines())(
  'organisation dashboard against the domain functions (%s)',
  (engine) => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    });
    afterAll(async () => database.close());

    it('answers what the domain computes from the rows the filters and the scope keep', async () => {
      await fc.assert(
        fc.asyncProperty(organisation, async (input) => {
          const db = database.db;
          const world = await createWorld(db, input);
          const pick = (list: string[], n: number | null) =>
            n === null ? undefined : list[n % list.length];
          const filters: ScopeFilters = {
            managerId: pick(world.managers, input.filters.manager),
            repId: pick(world.reps, input.filters.rep),
            segmentId: pick(world.segments, input.filters.segment),
            productId: pick(world.products, input.filters.product),
            territoryId: pick(world.territories, input.filters.territory),
          };
          const scope =
            input.scope === null
              ? null
              : [...new Set(input.scope.map((n) => world.reps[n % world.reps.length] ?? ''))];
          const period: Period = input.period ?? { from: '2026-01-01', to: today };
          const asOf = period.to < today ? period.to : today;
          const org = {
            id: world.orgId,
            name: 'Dash',
            currency: 'EUR',
            fiscalYearStartMonth: 1,
            timeZone: 'UTC',
          };
          const board = await buildOrganisationDashboard(db, org, {
            today,
            period,
            asOf,
            ownerIds: scope,
            filters,
          });

          const all = await readOpportunityRows(db, world.orgId, today);
          const rows = all.filter((row) => keeps(row, filters, scope));
          const wonInPeriod = rows.filter(
            (row) => row.outcome === 'won' && isInPeriod(row.closedOn, period),
          );
          const query = { filters, scope, period };

          // Won by product, segment, territory and customer type.
          expect({
            query,
            wonBy: {
              product: idsAndSums(board.wonBy.product),
              segment: idsAndSums(board.wonBy.segment),
              territory: idsAndSums(board.wonBy.territory),
              customerType: idsAndSums(board.wonBy.customerType),
            },
          }).toEqual({
            query,
            wonBy: {
              product: wonByReference(wonInPeriod, (row) => row.productId),
              segment: wonByReference(wonInPeriod, (row) => row.segmentId ?? ''),
              territory: wonByReference(wonInPeriod, (row) => row.territoryId ?? ''),
              customerType: wonByReference(wonInPeriod, (row) => row.accountStatus ?? ''),
            },
          });

          // The segment mix's actual shares of the period's won revenue.
          const totalWon = wonInPeriod.reduce((sum, row) => sum + converted(row), 0);
          const planned = new Set(board.segmentMix.map((row) => row.segmentId));
          for (const mix of board.segmentMix) {
            const won = wonInPeriod
              .filter((row) =>
                mix.segmentId === 'other'
                  ? row.segmentId === null || !planned.has(row.segmentId)
                  : row.segmentId === mix.segmentId,
              )
              .reduce((sum, row) => sum + converted(row), 0);
            expect({ query, mix }).toEqual({
              query,
              mix: { ...mix, wonRevenue: won, actualShare: totalWon === 0 ? null : won / totalWon },
            });
          }

          // Created per month of the period.
          const created = rows.filter((row) => isInPeriod(row.createdOn, period));
          expect({ query, created: board.createdPerMonth }).toEqual({
            query,
            created: monthsInRange(period.from, period.to).map((month) => {
              const inMonth = created.filter((row) => monthOf(row.createdOn) === month);
              return {
                month,
                count: inMonth.length,
                value: inMonth.reduce((sum, row) => sum + converted(row), 0),
              };
            }),
          });

          // Attainment: won to date and per month against the cascade's target of what is kept.
          const year = await loadAttainmentYear(db, org, asOf);
          const people = await db.select().from(users).where(eq(users.orgId, world.orgId));
          const counted = people
            .filter(
              (user) =>
                (scope === null || scope.includes(user.id)) &&
                (!filters.repId || user.id === filters.repId) &&
                (!filters.managerId || user.managerId === filters.managerId) &&
                (!filters.territoryId || user.territoryId === filters.territoryId),
            )
            .map((user) => user.id);
          const hasOwnerFilter = Boolean(filters.managerId || filters.repId || filters.territoryId);
          const cascade = year.strategy?.cascade;
          const repTarget = (repId: string) => {
            const rep = cascade?.reps.find((r) => r.repId === repId);
            if (!rep) return 0;
            return filters.segmentId
              ? (rep.segments.find((cell) => cell.segmentId === filters.segmentId)?.targetMinor ??
                  0)
              : rep.targetMinor;
          };
          const target =
            !cascade || filters.productId
              ? 0
              : scope === null && !hasOwnerFilter
                ? filters.segmentId
                  ? (cascade.segments.find((s) => s.segmentId === filters.segmentId)?.targetMinor ??
                    0)
                  : cascade.targetMinor
                : counted.reduce((sum, repId) => sum + repTarget(repId), 0);
          const monthlyTargets = weightTargetBySeasonality(target, year.weights).months;
          const priced = rows.map((row) => ({ ...row, amountMinor: converted(row) }));
          const expected = attainmentToDate({
            rows: priced,
            monthlyTargets,
            fiscalYearStart: year.fiscalYearStart,
            today: asOf,
          });
          expect({ query, attainment: board.attainment }).toMatchObject({
            query,
            attainment: {
              targetYear: target,
              wonToDate: expected.wonToDateMinor,
              targetToDate: expected.targetToDateMinor,
              attainment: expected.attainment,
              gap: expected.gapMinor,
              months: board.attainment.months.map((month, i) => ({
                month: month.month,
                target: monthlyTargets[i],
                won: priced
                  .filter(
                    (row) =>
                      row.outcome === 'won' &&
                      row.closedOn !== null &&
                      monthOf(row.closedOn) === month.month &&
                      isInPeriod(row.closedOn, { from: year.period.from, to: asOf }),
                  )
                  .reduce((sum, row) => sum + row.amountMinor, 0),
              })),
            },
          });

          // Pipeline: the domain's summary, flags, coverage and needed coverage.
          const histories = await readCloseHistories(db, world.orgId);
          const stages = await readStages(db, world.orgId);
          const summary = summarisePipeline(
            priced.map((row) => ({
              ...row,
              expectedCloseHistory: histories.get(row.id) ?? [],
              hasDealPlan: false,
              hasErrorFinding: false,
            })),
            stages,
            today,
          );
          const open = priced.filter((row) => row.outcome === null);
          const due = open
            .filter((row) => isInPeriod(row.expectedClose, { from: today, to: year.period.to }))
            .reduce((sum, row) => sum + row.amountMinor, 0);
          const remaining = Math.max(0, target - expected.wonToDateMinor);
          const rate = winRate(rows, lookBackPeriod(today)).winRate;
          expect({ query, pipeline: board.pipeline }).toMatchObject({
            query,
            pipeline: {
              openCount: summary.openCount,
              openValue: summary.openValueMinor,
              weightedValue: summary.weightedValueMinor,
              byStage: summary.byStage.map((stage) => ({
                stageId: stage.stageId,
                stage: stage.name,
                count: stage.count,
                value: stage.valueMinor,
              })),
              staleCount: summary.staleIds.length,
              slippingCount: summary.slippingIds.length,
              dueInYear: due,
              remainingTarget: remaining,
              coverage: remaining === 0 ? null : due / remaining,
              neededCoverage: rate === null || rate <= 0 ? null : 1 / rate,
            },
          });
        }),
        { numRuns: 20 },
      );
    }, 400_000);
  },
);

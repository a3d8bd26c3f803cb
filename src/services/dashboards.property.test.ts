import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { readStages } from '../db/queries/reports';
import {
  accounts,
  activities,
  dealPlans,
  exchangeRates,
  opportunities,
  opportunityCloseDateChanges,
  repPlans,
  repPlanTargetAccounts,
  segmentNorms,
  segments,
  strategies,
  strategyAssignments,
  users,
} from '../db/schema';
import type { AccountStatus } from '../domain/account';
import { planActivities } from '../domain/activity-plan';
import { activityProgress } from '../domain/activity-progress';
import { attainmentToDate } from '../domain/attainment';
import { minorUnitRate } from '../domain/exchange-rates';
import { lookBackPeriod } from '../domain/funnel-ratios';
import { currencyFractionDigits } from '../domain/money-format';
import { isWorthADealPlan, pipelineCoverage, summarisePipeline } from '../domain/pipeline';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { averageWonDeal, winRate } from '../domain/win-rate';
import { createPropertyOrganisation, readOpportunityRows } from '../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import type { Actor } from './authorization';
import { buildRepDashboard } from './rep-dashboard';
import { computeRepPlanFigures } from './rep-plan-figures';
import { loadComputedStrategy } from './strategy-cascade';
import { buildTeamDashboard } from './team-dashboard';

// The rep and team dashboards (grouped SQL) against the domain's KPI functions over the raw rows
// of the same small random organisation, on each engine: attainment to date and per month, the
// pipeline (counts, value, weighted, stages, stale, slipping, coverage), planned vs done
// activities, deals worth a plan, the funnel against the rep plan's own; and the team's rows add
// up to its totals, with each plan in the right list.

const today = '2026-03-11'; // a Wednesday of 2026-W11 (2026-03-09 … 2026-03-15)
const weekEnd = '2026-03-15';
const DATES = [
  '2025-06-30',
  '2025-11-30',
  '2026-01-01',
  '2026-01-15',
  '2026-02-28',
  '2026-03-01',
  '2026-03-09',
  '2026-03-11',
  '2026-03-15',
  '2026-03-20',
  '2026-04-02',
  '2026-12-31',
] as const;
const PAST = DATES.slice(0, 8);
const STAGE_NAMES = ['Prospecting', 'Qualification', 'Proposal', 'Won', 'Lost'] as const;
const PLAN_KINDS = ['none', 'draft', 'awaitingManager', 'agreed'] as const;

const rateText = fc
  .tuple(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 3, max: 6 }))
  .map(([units, scale]) => {
    const digits = String(units).padStart(scale + 1, '0');
    return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

const organisation = fc.record({
  reps: fc.array(
    fc.record({
      plan: fc.constantFrom(...PLAN_KINDS),
      targetAccounts: fc.array(
        fc.record({
          segment: fc.constantFrom(0, 1),
          status: fc.constantFrom('prospect', 'customer'),
        }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  rates: fc.uniqueArray(
    fc.record({
      currency: fc.constantFrom('USD', 'JPY'),
      month: fc.constantFrom('2025-12-01', '2026-01-01', '2026-03-01'),
      rate: rateText,
    }),
    { selector: (rate) => `${rate.currency} ${rate.month}`, maxLength: 4 },
  ),
  deals: fc.array(
    fc.record({
      rep: fc.nat(),
      currency: fc.constantFrom('EUR', 'EUR', 'USD', 'JPY', 'CHF'),
      // Repeated amounts, so a deal's amount often equals its owner's average won deal.
      amountMinor: fc.oneof(
        fc.constantFrom(1000, 1000, 3000),
        fc.integer({ min: 0, max: 5_000_000 }),
      ),
      stage: fc.constantFrom(...STAGE_NAMES, 'Won'),
      created: fc.constantFrom(...PAST),
      closedAfterDays: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 8 }),
      /** Every expected close the deal had, the current one last. */
      closeHistory: fc.array(fc.constantFrom(...DATES), { maxLength: 5 }),
      hasPlan: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
  activities: fc.array(
    fc.record({
      rep: fc.nat(),
      type: fc.constantFrom('call', 'meeting', 'first_meeting'),
      isDone: fc.boolean(),
      occursOn: fc.constantFrom(...DATES),
      deal: fc.option(fc.nat()),
    }),
    { maxLength: 30 },
  ),
  hasStrategy: fc.boolean(),
  rep: fc.nat(),
});

type Organisation = typeof organisation extends fc.Arbitrary<infer T> ? T : never;
type Deal = Organisation['deals'][number];
const exampleDeal: Omit<Deal, 'stage'> = {
  rep: 0,
  currency: 'EUR',
  amountMinor: 1000,
  created: '2026-01-15',
  closedAfterDays: null,
  closeHistory: [],
  hasPlan: false,
};
// An open deal worth exactly its owner's average won deal is worth a plan.
const example: Organisation = {
  reps: [{ plan: 'agreed', targetAccounts: [{ segment: 0, status: 'prospect' }] }],
  rates: [],
  deals: [
    { ...exampleDeal, stage: 'Won', closedAfterDays: 30 },
    { ...exampleDeal, stage: 'Lost', closedAfterDays: 20 },
    { ...exampleDeal, stage: 'Proposal', closeHistory: ['2026-03-20', '2026-04-02'] },
  ],
  activities: [{ rep: 0, type: 'first_meeting', isDone: true, occursOn: '2026-03-09', deal: 2 }],
  hasStrategy: true,
  rep: 0,
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const nonZero = <Row extends { planned: number; done: number }>(rows: readonly Row[]) =>
  rows
    .filter((row) => row.planned > 0 || row.done > 0)
    .map(({ planned, done, ...row }) => ({ ...row, planned, done }));

describe.each(testEngines())('dashboards against the domain functions (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('answers what the domain computes from the rows, for a rep and for their team', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (input) => {
        const db = database.db;
        const { org, stageId } = await createPropertyOrganisation(db, 'Dash');
        const segs = await db
          .insert(segments)
          .values([
            { orgId: org.id, code: 'A', name: 'A' },
            { orgId: org.id, code: 'B', name: 'B' },
          ])
          .returning();
        const norms = [
          { segment: 0, status: 'prospect', activityType: 'call', countPerYear: 12 },
          { segment: 0, status: 'prospect', activityType: 'first_meeting', countPerYear: 4 },
          { segment: 1, status: 'customer', activityType: 'meeting', countPerYear: 6 },
        ] as const;
        await db.insert(segmentNorms).values(
          norms.map((n) => ({
            orgId: org.id,
            segmentId: segs[n.segment]?.id ?? '',
            accountStatus: n.status,
            activityType: n.activityType,
            countPerYear: n.countPerYear,
          })),
        );
        const [manager] = await db
          .insert(users)
          .values({ orgId: org.id, email: `m@d.test`, name: 'Mia', role: 'manager' })
          .returning();
        const [outsider] = await db
          .insert(users)
          .values({ orgId: org.id, email: `o@d.test`, name: 'Otto', role: 'rep' })
          .returning();
        const reps = await db
          .insert(users)
          .values(
            input.reps.map((_, i) => ({
              orgId: org.id,
              email: `r${i}@d.test`,
              name: `Rep ${i}`,
              role: 'rep' as const,
              managerId: manager?.id ?? null,
            })),
          )
          .returning();
        // The outsider (no manager) owns every other deal: never in the team's figures.
        const owners = [...reps, outsider];
        const ownerId = (n: number) => owners[n % owners.length]?.id ?? '';
        const [account] = await db
          .insert(accounts)
          .values({ orgId: org.id, name: 'Account' })
          .returning();
        if (input.rates.length > 0) {
          await db.insert(exchangeRates).values(
            input.rates.map((rate) => ({
              orgId: org.id,
              currency: rate.currency,
              month: rate.month,
              rate: rate.rate,
              minorUnitRate: minorUnitRate(rate.rate, currencyFractionDigits(rate.currency), 2),
            })),
          );
        }
        const deals =
          input.deals.length === 0
            ? []
            : await db
                .insert(opportunities)
                .values(
                  input.deals.map((deal, i) => {
                    const isOpen = deal.stage !== 'Won' && deal.stage !== 'Lost';
                    return {
                      orgId: org.id,
                      name: `deal ${i}`,
                      ownerId: ownerId(deal.rep),
                      accountId: account?.id ?? null,
                      amountMinor: deal.amountMinor,
                      currency: deal.currency,
                      stageId: stageId(deal.stage),
                      createdOn: deal.created,
                      expectedCloseOn: deal.closeHistory.at(-1) ?? null,
                      closedOn:
                        isOpen || deal.closedAfterDays === null
                          ? null
                          : addDays(deal.created, deal.closedAfterDays),
                    };
                  }),
                )
                .returning();
        const changes = input.deals.flatMap((deal, i) =>
          deal.closeHistory.slice(1).map((toDate, k) => ({
            orgId: org.id,
            opportunityId: deals[i]?.id ?? '',
            fromDate: deal.closeHistory[k] ?? null,
            toDate,
            changedOn: today,
          })),
        );
        if (changes.length > 0) await db.insert(opportunityCloseDateChanges).values(changes);
        const planned = input.deals.flatMap((deal, i) =>
          deal.hasPlan ? [{ orgId: org.id, opportunityId: deals[i]?.id ?? '' }] : [],
        );
        if (planned.length > 0) await db.insert(dealPlans).values(planned);
        const linkedDeal = (n: number | null) =>
          n === null || deals.length === 0 ? null : (deals[n % deals.length]?.id ?? null);
        if (input.activities.length > 0) {
          await db.insert(activities).values(
            input.activities.map((activity) => ({
              orgId: org.id,
              type: activity.type,
              status: activity.isDone ? ('done' as const) : ('planned' as const),
              occursOn: activity.occursOn,
              ownerId: ownerId(activity.rep),
              accountId: account?.id ?? '',
              opportunityId: linkedDeal(activity.deal),
            })),
          );
        }
        if (input.hasStrategy) {
          await db.insert(strategies).values({
            orgId: org.id,
            fiscalYear: 2026,
            startMonth: 1,
            targetMinor: 12_000_000,
            currency: 'EUR',
            model: 'territory',
          });
          await db
            .insert(strategyAssignments)
            .values(reps.map((rep) => ({ orgId: org.id, fiscalYear: 2026, repId: rep.id })));
        }
        const targetAccountsOf = new Map<string, { segmentId: string; status: string }[]>();
        for (const [i, rep] of input.reps.entries()) {
          const repRow = reps[i];
          if (rep.plan === 'none' || !repRow) continue;
          const signed = new Date('2026-01-05T10:00:00Z');
          const [plan] = await db
            .insert(repPlans)
            .values({
              orgId: org.id,
              repId: repRow.id,
              managerId: manager?.id ?? null,
              fiscalYear: 2026,
              state: rep.plan === 'agreed' ? 'agreed' : rep.plan === 'draft' ? 'draft' : 'proposed',
              repSignedAt: rep.plan === 'draft' ? null : signed,
              managerSignedAt: rep.plan === 'agreed' ? signed : null,
            })
            .returning();
          const targets = rep.targetAccounts.map((t) => ({
            segmentId: segs[t.segment]?.id ?? '',
            status: t.status,
          }));
          targetAccountsOf.set(repRow.id, targets);
          if (targets.length === 0 || !plan) continue;
          const made = await db
            .insert(accounts)
            .values(
              targets.map((t, k) => ({
                orgId: org.id,
                name: `Target ${k}`,
                segmentId: t.segmentId,
                status: t.status as AccountStatus,
              })),
            )
            .returning();
          await db
            .insert(repPlanTargetAccounts)
            .values(made.map((a) => ({ orgId: org.id, repPlanId: plan.id, accountId: a.id })));
        }

        // The reference: the domain's functions over the raw rows.
        const rep = reps[input.rep % reps.length];
        if (!rep || !manager) throw new Error('no rep');
        const allRows = await readOpportunityRows(db, org.id, today);
        const rows = allRows.filter((row) => row.ownerId === rep.id);
        const dealIndex = new Map(deals.map((deal, i) => [deal.id, i]));
        const orgStagesForDomain = await readStages(db, org.id);
        const strategy = await loadComputedStrategy(db, org.id, 2026, today);
        const targetYear = strategy?.cascade.reps.find((r) => r.repId === rep.id)?.targetMinor;
        const monthly = weightTargetBySeasonality(targetYear ?? 0, flatWeights()).months;
        const priced = rows
          .filter((row) => row.convertedMinor !== null)
          .map((row) => ({ ...row, amountMinor: row.convertedMinor ?? 0 }));
        const attainment = attainmentToDate({
          rows: priced,
          monthlyTargets: monthly,
          fiscalYearStart: '2026-01',
          today,
        });
        const doneOf = (id: string) =>
          input.activities
            .filter((a) => a.isDone && ownerId(a.rep) === id)
            .map((a) => ({ activityType: a.type, doneOn: a.occursOn }))
            .filter((a) => a.doneOn >= '2026-01-01' && a.doneOn <= weekEnd);
        const lastActivityOf = (dealId: string) =>
          input.activities
            .filter((a) => a.isDone && linkedDeal(a.deal) === dealId)
            .map((a) => a.occursOn)
            .sort()
            .at(-1) ?? null;
        const pipelineRows = rows.map((row) => ({
          id: row.id,
          amountMinor: row.convertedMinor ?? 0,
          stageId: row.stageId,
          createdOn: row.createdOn,
          expectedClose: row.expectedClose,
          lastActivityOn: lastActivityOf(row.id),
          expectedCloseHistory: input.deals[dealIndex.get(row.id) ?? -1]?.closeHistory ?? [],
          hasDealPlan: input.deals[dealIndex.get(row.id) ?? -1]?.hasPlan ?? false,
          hasNextStep: false,
          hasErrorFinding: false,
        }));
        const summary = summarisePipeline(pipelineRows, orgStagesForDomain, today);
        const openRows = rows.filter((row) => row.outcome === null);
        const average = averageWonDeal(priced).averageMinor;
        const worthAPlan = openRows
          .filter((row) =>
            isWorthADealPlan(
              {
                isOpen: true,
                hasDealPlan: input.deals[dealIndex.get(row.id) ?? -1]?.hasPlan ?? false,
                amountMinor: row.convertedMinor,
              },
              average,
            ),
          )
          .sort(
            (a, b) => (b.convertedMinor ?? -1) - (a.convertedMinor ?? -1) || (a.id < b.id ? -1 : 1),
          );
        const coverage = pipelineCoverage({
          openRows: openRows.map((row) => ({ ...row, amountMinor: row.convertedMinor ?? 0 })),
          period: { from: today, to: '2026-12-31' },
          remainingTargetMinor: (targetYear ?? 0) - attainment.wonToDateMinor,
          closingRatio: winRate(rows, lookBackPeriod(today)).winRate,
        });
        const repPlanKind = input.reps[reps.indexOf(rep)]?.plan ?? 'none';
        const weekly =
          repPlanKind === 'none'
            ? []
            : planActivities({
                norms: norms.map((n) => ({
                  segmentId: segs[n.segment]?.id ?? '',
                  status: n.status,
                  activityType: n.activityType,
                  countPerYear: n.countPerYear,
                })),
                accounts: (targetAccountsOf.get(rep.id) ?? []).map((t, k) => ({
                  accountId: String(k),
                  segmentId: t.segmentId,
                  status: t.status as AccountStatus,
                })),
                fiscalYearStart: '2026-01',
              }).weekly;
        const progress = activityProgress(weekly, doneOf(rep.id), today);

        const actor: Actor = {
          orgId: org.id,
          userId: rep.id,
          role: 'admin',
          name: 'Admin',
          timeZone: 'UTC',
          visibleOwnerIds: null,
          editableOwnerIds: null,
        };
        const dashboard = await buildRepDashboard(
          db,
          actor,
          org,
          { id: rep.id, name: rep.name },
          today,
        );
        const monthOf = (m: number) => `2026-${String(m + 1).padStart(2, '0')}`;
        expect(dashboard.attainment).toEqual({
          fiscalYear: 2026,
          yearFrom: '2026-01-01',
          yearTo: '2026-12-31',
          targetYear: targetYear ?? 0,
          targetToDate: attainment.targetToDateMinor,
          wonToDate: attainment.wonToDateMinor,
          attainment: attainment.attainment,
          gap: attainment.gapMinor,
          months: monthly.map((target, m) => ({
            month: monthOf(m),
            target,
            won: priced
              .filter((row) => row.outcome === 'won' && row.closedOn?.startsWith(monthOf(m)))
              .reduce((sum, row) => sum + row.amountMinor, 0),
          })),
          unconverted: expect.any(Array),
        });
        expect(dashboard.pipeline).toEqual({
          openCount: summary.openCount,
          openValue: summary.openValueMinor,
          weightedValue: summary.weightedValueMinor,
          byStage: summary.byStage.map((stage) => ({
            stageId: stage.stageId,
            stage: stage.name,
            count: stage.count,
            value: stage.valueMinor,
          })),
          dueInYear: coverage.pipelineDueMinor,
          remainingTarget: coverage.remainingTargetMinor,
          coverage: coverage.coverage,
          neededCoverage: coverage.neededCoverage,
          staleCount: summary.staleIds.length,
          slippingCount: summary.slippingIds.length,
          unconverted: expect.any(Array),
        });
        expect(dashboard.stale.total).toBe(summary.staleIds.length);
        expect(dashboard.stale.items.map((d) => d.id).sort()).toEqual(
          summary.staleIds.length <= 10 ? [...summary.staleIds].sort() : expect.any(Array),
        );
        expect(dashboard.slipping.total).toBe(summary.slippingIds.length);
        expect({
          total: dashboard.needsPlan.total,
          ids: dashboard.needsPlan.items.map((d) => d.id),
        }).toEqual({
          total: worthAPlan.length,
          ids: worthAPlan.slice(0, 10).map((row) => row.id),
        });
        expect(nonZero(dashboard.activity.toDate.rows)).toEqual(
          nonZero(progress.toDate).map(({ activityType, planned, done }) => ({
            activityType,
            planned,
            done,
          })),
        );
        const thisWeek = progress.byWeek.find((w) => w.week === '2026-W11')?.rows ?? [];
        expect(nonZero(dashboard.activity.week.rows)).toEqual(
          nonZero(thisWeek).map(({ activityType, planned, done }) => ({
            activityType,
            planned,
            done,
          })),
        );
        expect(dashboard.funnelPace.toDate.done).toBe(
          doneOf(rep.id).filter((a) => a.activityType === 'first_meeting').length,
        );
        // The funnel: the rep plan page's own figure, from the rep's rows.
        const [planRow] = await db
          .select()
          .from(repPlans)
          .where(and(eq(repPlans.orgId, org.id), eq(repPlans.repId, rep.id)));
        expect(dashboard.funnelPace.neededPerWeek).toBe(
          planRow ? (await computeRepPlanFigures(db, planRow, today)).weekly.firstMeetings : null,
        );

        // The team: every rep of the manager, each row its rep's dashboard figures, the totals
        // their sums, each plan in its list; the outsider's deals nowhere.
        const team = await buildTeamDashboard(db, org, { id: manager.id, name: 'Mia' }, today);
        expect(team.reps.map((row) => row.rep.id)).toEqual(
          [...reps].sort((a, b) => (a.name < b.name ? -1 : 1)).map((r) => r.id),
        );
        const row = team.reps.find((r) => r.rep.id === rep.id);
        const closedToDate = winRate(rows, { from: '2026-01-01', to: today });
        expect(row).toMatchObject({
          wonToDate: dashboard.attainment.wonToDate,
          targetToDate: dashboard.attainment.targetToDate,
          openCount: dashboard.pipeline.openCount,
          openValue: dashboard.pipeline.openValue,
          weightedValue: dashboard.pipeline.weightedValue,
          staleCount: dashboard.pipeline.staleCount,
          slippingCount: dashboard.pipeline.slippingCount,
          coverage: dashboard.pipeline.coverage,
          firstMeetingsDone: dashboard.funnelPace.toDate.done,
          firstMeetingsNeeded: dashboard.funnelPace.toDate.needed,
          activityDone: dashboard.activity.toDate.rows.reduce((s, r) => s + r.done, 0),
          activityPlanned: dashboard.activity.toDate.rows.reduce((s, r) => s + r.planned, 0),
          won: closedToDate.won,
          lost: closedToDate.lost,
          winRate: closedToDate.winRate,
        });
        const sumOf = (key: 'wonToDate' | 'openCount' | 'openValue' | 'won' | 'lost') =>
          team.reps.reduce((s, r) => s + r[key], 0);
        expect(team.totals).toMatchObject({
          wonToDate: sumOf('wonToDate'),
          openCount: sumOf('openCount'),
          openValue: sumOf('openValue'),
          won: sumOf('won'),
          lost: sumOf('lost'),
          staleCount: team.reps.reduce((s, r) => s + r.staleCount, 0),
          activityDone: team.reps.reduce((s, r) => s + r.activityDone, 0),
        });
        const teamOpen = allRows.filter(
          (r) => r.outcome === null && reps.some((x) => x.id === r.ownerId),
        );
        expect(team.totals.openCount).toBe(teamOpen.length);
        const named = (kind: (typeof PLAN_KINDS)[number]) =>
          reps
            .filter((_, i) => input.reps[i]?.plan === kind)
            .sort((a, b) => (a.name < b.name ? -1 : 1))
            .map((r) => ({ id: r.id, name: r.name }));
        expect(team.plans).toEqual({
          missing: named('none'),
          unsigned: named('draft'),
          awaitingManager: named('awaitingManager'),
        });
      }),
      {
        numRuns: 25,
        examples: [[example]],
      },
    );
  }, 600_000);
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { accounts, activities, opportunities, products, segments, users } from '../schema';
import { ACCOUNT_STATUSES } from '../../domain/account';
import {
  countMetric,
  METRIC_COUNTS,
  type MetricActivityFact,
  type MetricDefinition,
  type MetricOpportunityFact,
} from '../../domain/team-plan-metrics';
import { createPropertyOrganisation } from '../../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { countTeamPlanMetrics } from './team-plans';

// The SQL of a team plan's metrics against domain/team-plan-metrics.ts countMetric on the same
// rows of a small random organisation: every definition (counts × whose × filters) at once, in
// the one statement per plan the service runs. Deals are in the organisation's currency here;
// conversion is money.test.ts's and the route test's.

const DAYS = ['2026-02-28', '2026-03-01', '2026-04-15', '2026-06-30', '2026-07-01'];
const TYPES = ['first_meeting', 'call'];

const organisation = fc.record({
  accounts: fc.array(
    fc.record({ segment: fc.option(fc.nat(1)), status: fc.constantFrom(...ACCOUNT_STATUSES) }),
    { minLength: 1, maxLength: 5 },
  ),
  deals: fc.array(
    fc.record({
      owner: fc.nat(3),
      account: fc.nat(),
      product: fc.option(fc.nat(1)),
      stage: fc.constantFrom('Prospecting', 'Won', 'Lost'),
      created: fc.nat(DAYS.length - 2),
      closedAfter: fc.nat(2),
      amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    { maxLength: 15 },
  ),
  activities: fc.array(
    fc.record({
      owner: fc.nat(3),
      account: fc.nat(),
      deal: fc.option(fc.nat()),
      type: fc.constantFrom(...TYPES),
      isDone: fc.boolean(),
      day: fc.nat(DAYS.length - 1),
    }),
    { maxLength: 20 },
  ),
  metrics: fc.array(
    fc.record({
      type: fc.constantFrom(...TYPES),
      // Each filter unset half the time, so most metrics match some rows.
      member: fc.constantFrom(null, null, null, 0, 1, 2, 3),
      segment: fc.constantFrom(null, null, 0, 1),
      status: fc.constantFrom(null, null, ...ACCOUNT_STATUSES),
      product: fc.constantFrom(null, null, 0, 1),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe.each(testEngines())('team-plan metrics on %s', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it('counts every definition as the domain does on the same rows', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(organisation, async (input) => {
        const { org, stageId } = await createPropertyOrganisation(db, 'Metrics');
        const orgId = org.id;
        // Four people: the manager and two reps are the team, the fourth works elsewhere.
        const people = await db
          .insert(users)
          .values(
            ['max', 'rita', 'rob', 'olga'].map((name) => ({
              orgId,
              email: `${name}@metrics.test`,
              name,
              role: name === 'max' ? ('manager' as const) : ('rep' as const),
            })),
          )
          .returning();
        const personId = (i: number) => people[i % people.length]?.id ?? '';
        const teamIds = people.slice(0, 3).map((p) => p.id);
        const segmentRows = await db
          .insert(segments)
          .values([0, 1].map((i) => ({ orgId, code: `S${i}`, name: `Segment ${i}` })))
          .returning();
        const productRows = await db
          .insert(products)
          .values([0, 1].map((i) => ({ orgId, name: `Product ${i}`, currency: 'EUR' })))
          .returning();
        const segmentId = (i: number | null) => (i === null ? null : (segmentRows[i]?.id ?? null));
        const productId = (i: number | null) => (i === null ? null : (productRows[i]?.id ?? null));
        const accountRows = await db
          .insert(accounts)
          .values(
            input.accounts.map((a, i) => ({
              orgId,
              name: `Account ${i}`,
              segmentId: segmentId(a.segment),
              status: a.status,
            })),
          )
          .returning();
        const accountOf = (i: number) => accountRows[i % accountRows.length];
        const dealRows = input.deals.map((d) => {
          const created = DAYS[d.created] ?? '2026-03-01';
          const closed = DAYS[Math.min(DAYS.length - 1, d.created + d.closedAfter)] ?? created;
          return {
            orgId,
            name: 'Deal',
            ownerId: personId(d.owner),
            accountId: accountOf(d.account)?.id ?? null,
            productId: productId(d.product),
            amountMinor: d.amountMinor,
            currency: 'EUR',
            stageId: stageId(d.stage),
            createdOn: created,
            closedOn: d.stage === 'Prospecting' ? null : closed,
          };
        });
        const insertedDeals =
          dealRows.length === 0 ? [] : await db.insert(opportunities).values(dealRows).returning();
        const activityRows = input.activities.map((a) => {
          const deal = a.deal === null ? undefined : insertedDeals[a.deal % insertedDeals.length];
          return {
            orgId,
            type: a.type,
            status: a.isDone ? ('done' as const) : ('planned' as const),
            occursOn: DAYS[a.day] ?? '2026-03-01',
            ownerId: personId(a.owner),
            accountId: accountOf(a.account)?.id ?? '',
            opportunityId: deal?.id ?? null,
          };
        });
        if (activityRows.length > 0) await db.insert(activities).values(activityRows);

        const accountFacts = (accountId: string | null) => {
          const account = accountRows.find((a) => a.id === accountId);
          return { segmentId: account?.segmentId ?? null, accountStatus: account?.status ?? null };
        };
        const opportunityFacts: MetricOpportunityFact[] = insertedDeals.map((d) => ({
          ownerId: d.ownerId,
          createdOn: d.createdOn,
          closedOn: d.closedOn,
          isWon: d.stageId === stageId('Won'),
          amountMinor: d.amountMinor,
          productId: d.productId,
          ...accountFacts(d.accountId),
        }));
        const activityFacts: MetricActivityFact[] = activityRows.map((a) => ({
          type: a.type,
          isDone: a.status === 'done',
          occursOn: a.occursOn,
          ownerId: a.ownerId,
          productId: insertedDeals.find((d) => d.id === a.opportunityId)?.productId ?? null,
          ...accountFacts(a.accountId),
        }));
        // Every filter combination drawn is counted as each kind of metric.
        const specs = input.metrics.flatMap((m) =>
          METRIC_COUNTS.map((counts) => ({ ...m, counts })),
        );
        const metrics = specs.map((m, i) => {
          const definition: MetricDefinition = {
            counts: m.counts,
            activityType: m.counts === 'activities' ? m.type : null,
            memberId: m.member === null ? null : personId(m.member),
            segmentId: segmentId(m.segment),
            accountStatus: m.status,
            productId: productId(m.product),
          };
          return { id: `m${i}`, definition, from: '2026-03-01', to: '2026-06-30' };
        });
        const counted = await countTeamPlanMetrics(db, orgId, teamIds, metrics);
        for (const metric of metrics) {
          const expected = countMetric(
            metric.definition,
            { teamIds, from: metric.from, to: metric.to },
            { activities: activityFacts, opportunities: opportunityFacts },
          );
          expect([metric.definition, counted.get(metric.id)?.value ?? null]).toEqual([
            metric.definition,
            expected,
          ]);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

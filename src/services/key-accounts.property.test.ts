import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { accounts, activities, contacts, opportunities, users } from '../db/schema';
import { addDays, addMonths } from '../domain/calendar';
import { proposeKeyAccounts, scorePotential } from '../domain/key-accounts';
import { CRITERION_SOURCES, type CriterionSource } from '../domain/key-accounts-model';
import { createPropertyOrganisation } from '../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import { getRanking, rateAccount, saveScoringModel } from './key-accounts';

// The ranking against the domain's score over the raw rows of a small random organisation: the
// SQL's figures (won in 12 months, open pipeline, contacts engaged, growth) recomputed here from
// the rows inserted, every score recomputed from its contributions, and the proposal (ties at the
// cut included) equal to proposeKeyAccounts on the same scores.

const organisation = fc.record({
  accounts: fc.array(
    fc.record({
      employees: fc.option(fc.integer({ min: 0, max: 5000 })),
      revenue: fc.option(fc.integer({ min: 0, max: 1e9 })),
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  deals: fc.array(
    fc.record({
      account: fc.nat(),
      stage: fc.constantFrom('Prospecting', 'Proposal', 'Won', 'Lost'),
      amountMinor: fc.integer({ min: 0, max: 5_000_000 }),
      // Around both 12-month edges: 0–800 days ago.
      closedDaysAgo: fc.constantFrom(0, 1, 30, 364, 365, 366, 400, 729, 730, 731, 800),
    }),
    { maxLength: 30 },
  ),
  meetings: fc.array(
    fc.record({
      account: fc.nat(),
      contact: fc.nat(2),
      status: fc.constantFrom('planned' as const, 'done' as const),
      daysAgo: fc.constantFrom(-3, 0, 100, 364, 365, 366, 500),
    }),
    { maxLength: 25 },
  ),
  weights: fc.array(fc.integer({ min: 1, max: 9 }), {
    minLength: CRITERION_SOURCES.length,
    maxLength: CRITERION_SOURCES.length,
  }),
  cutPercent: fc.integer({ min: 5, max: 20 }),
});

describe.each(testEngines())('key-account ranking on %s', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it('scores every account as the domain does on the same rows, each score the sum of its contributions', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(organisation, async (input) => {
        const { org, stageId } = await createPropertyOrganisation(db, 'Keys');
        const today = todayIn('UTC');
        const [leader] = await db
          .insert(users)
          .values({ orgId: org.id, email: 'l@k.test', name: 'Lee', role: 'leader' })
          .returning();
        const actor: Actor = {
          orgId: org.id,
          userId: leader?.id ?? '',
          role: 'leader',
          name: 'Lee',
          timeZone: 'UTC',
          visibleOwnerIds: null,
          editableOwnerIds: [leader?.id ?? ''],
        };
        const rows = await db
          .insert(accounts)
          .values(
            input.accounts.map((a, i) => ({
              orgId: org.id,
              name: `Account ${i}`,
              employees: a.employees,
              annualRevenueMinor: a.revenue,
            })),
          )
          .returning();
        const accountAt = (n: number) => rows[n % rows.length]?.id ?? '';
        const people = await db
          .insert(contacts)
          .values(
            rows.flatMap((a) =>
              [0, 1, 2].map((c) => ({ orgId: org.id, accountId: a.id, lastName: `C${c}` })),
            ),
          )
          .returning();
        const personOf = (accountId: string, n: number) =>
          people.filter((p) => p.accountId === accountId)[n]?.id ?? null;
        const deals = input.deals.map((d) => {
          const isClosed = d.stage === 'Won' || d.stage === 'Lost';
          const closedOn = isClosed ? addDays(today, -d.closedDaysAgo) : null;
          return { ...d, accountId: accountAt(d.account), closedOn };
        });
        if (deals.length > 0)
          await db.insert(opportunities).values(
            deals.map((d, i) => ({
              orgId: org.id,
              name: `Deal ${i}`,
              accountId: d.accountId,
              ownerId: actor.userId,
              amountMinor: d.amountMinor,
              currency: 'EUR',
              stageId: stageId(d.stage),
              createdOn: addDays(today, -900),
              closedOn: d.closedOn,
            })),
          );
        const meetings = input.meetings.map((m) => {
          const accountId = accountAt(m.account);
          return {
            ...m,
            accountId,
            contactId: personOf(accountId, m.contact),
            occursOn: addDays(today, -m.daysAgo),
          };
        });
        if (meetings.length > 0)
          await db.insert(activities).values(
            meetings.map((m) => ({
              orgId: org.id,
              type: 'meeting',
              status: m.status,
              occursOn: m.occursOn,
              ownerId: actor.userId,
              accountId: m.accountId,
              contactId: m.contactId,
            })),
          );

        const model = await saveScoringModel(db, actor, 0, {
          cutPercent: input.cutPercent,
          criteria: CRITERION_SOURCES.map((source, i) => ({
            name: source,
            source,
            weight: input.weights[i] ?? 1,
          })),
        });
        const rating = model.criteria.find((c) => c.source === 'rating');
        for (const [i, a] of input.accounts.entries())
          if (a.rating !== null)
            await rateAccount(db, actor, rows[i]?.id ?? '', {
              ratings: [{ criterionId: rating?.id ?? '', value: a.rating }],
            });

        // The figures from the rows, as DOMAIN.md and the criterion sources define them.
        const yearAgo = addMonths(today, -12);
        const twoYearsAgo = addMonths(today, -24);
        const wonBetween = (accountId: string, after: string, upTo: string) =>
          deals
            .filter((d) => d.accountId === accountId && d.stage === 'Won' && d.closedOn !== null)
            .filter((d) => (d.closedOn ?? '') > after && (d.closedOn ?? '') <= upTo)
            .reduce((sum, d) => sum + d.amountMinor, 0);
        const figure = (accountId: string, source: CriterionSource, i: number): number | null => {
          switch (source) {
            case 'annual_revenue':
              return input.accounts[i]?.revenue ?? null;
            case 'employees':
              return input.accounts[i]?.employees ?? null;
            case 'won_revenue_12_months':
              return wonBetween(accountId, yearAgo, today);
            case 'open_pipeline':
              return deals
                .filter((d) => d.accountId === accountId && d.closedOn === null)
                .reduce((sum, d) => sum + d.amountMinor, 0);
            case 'contacts_engaged':
              return new Set(
                meetings
                  .filter((m) => m.accountId === accountId && m.status === 'done')
                  .filter((m) => m.occursOn > yearAgo && m.occursOn <= today)
                  .map((m) => m.contactId),
              ).size;
            case 'growth_year_over_year':
              return (
                wonBetween(accountId, yearAgo, today) - wonBetween(accountId, twoYearsAgo, yearAgo)
              );
            case 'rating':
              return input.accounts[i]?.rating ?? null;
          }
        };
        const expected = scorePotential(
          model.criteria,
          rows.map((row, i) => ({
            accountId: row.id,
            values: Object.fromEntries(
              model.criteria.map((c) => [c.id, figure(row.id, c.source, i)]),
            ),
          })),
        );
        const proposed = proposeKeyAccounts(expected, input.cutPercent).map((s) => s.accountId);

        const ranking = await getRanking(db, actor, { page: 1, pageSize: 500 });
        expect(ranking.total).toBe(rows.length);
        expect(ranking.cutPercent).toBe(input.cutPercent);
        const weightSum = ranking.criteria.reduce((sum, c) => sum + c.weight, 0);
        for (const item of ranking.items) {
          const domain = expected.find((s) => s.accountId === item.accountId);
          expect(item.score).toBeCloseTo(domain?.score ?? -1, 12);
          expect(item.contributions.map((c) => c.value)).toEqual(
            domain?.contributions.map((c) => c.value),
          );
          const recomputed = item.contributions.reduce(
            (sum, c) => sum + c.weight * c.normalised,
            0,
          );
          expect(recomputed / weightSum).toBeCloseTo(item.score, 12);
          expect(item.rank).toBe(
            1 + ranking.items.filter((other) => other.score > item.score).length,
          );
        }
        expect(
          ranking.items
            .filter((i) => i.proposed)
            .map((i) => i.accountId)
            .sort(),
        ).toEqual([...proposed].sort());
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { queryRows } from '../../db/client';
import { convertedAmountJoin, convertedMinor } from '../../db/queries/money';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { repPlans } from '../../db/schema';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { computeRepPlanFigures } from '../rep-plan-figures';
import { loadDemoData } from './load';
import type { DemoRepPlanSummary } from './rep-plans';

const anchorDate = '2026-11-25';

describe.each(testEngines())('demo strategy, team plans and rep plans on %s', (engine) => {
  let handle: DatabaseHandle;
  let orgId: string;
  let summary: DemoRepPlanSummary;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const demo = await loadDemoData(handle.db, { anchorDate });
    orgId = demo.organisationId;
    summary = demo.repPlans;
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('sets a strategy for the year with a segment mix and every rep assigned', async () => {
    const [strategy] = await rows<{ target_minor: string; reps: string; shares: string }>(
      sql`select s.target_minor,
            (select count(*) from strategy_assignments a where a.org_id = s.org_id) as reps,
            (select sum(share_basis_points) from strategy_segment_shares x where x.org_id = s.org_id) as shares
          from strategies s where s.org_id = ${orgId} and s.fiscal_year = 2026`,
    );
    expect(Number(strategy?.target_minor)).toBeGreaterThan(0);
    expect(Number(strategy?.reps)).toBe(summary.repPlans);
    expect(Number(strategy?.shares)).toBe(9000);
  });

  it('gives every manager a team plan with objectives, goals and activities', async () => {
    const kinds = await rows<{ kind: string; n: string }>(
      sql`select kind, count(*) as n from team_plan_items where org_id = ${orgId} group by kind order by kind`,
    );
    expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
      ['activity', 3 * 6],
      ['business_objective', 3 * 2],
      ['goal', 3 * 3],
    ]);
  });

  it('has agreed plans, one revised at a check-in, and check-ins with discrepancies, one overdue', async () => {
    expect(summary).toMatchObject({ repPlans: 15, revisedPlans: 1 });
    const states = await rows<{ state: string; n: string }>(
      sql`select state, count(*) as n from rep_plans where org_id = ${orgId} group by state order by state`,
    );
    expect(states.map((s) => [s.state, Number(s.n)])).toEqual([
      ['agreed', 8],
      ['draft', 3],
      ['proposed', 3],
      ['revised', 1],
    ]);
    const [revised] = await rows<{ versions: string; linked: string }>(
      sql`select (select count(*) from rep_plan_versions v where v.rep_plan_id = p.id) as versions,
            (select count(*) from check_ins c where c.rep_plan_id = p.id and c.resulting_version_number = 2) as linked
          from rep_plans p where p.org_id = ${orgId} and p.state = 'revised'`,
    );
    expect([Number(revised?.versions), Number(revised?.linked)]).toEqual([2, 1]);
    const [held] = await rows<{ with_discrepancies: string; overdue: string }>(
      sql`select count(*) filter (where status = 'held' and discrepancies <> '') as with_discrepancies,
            count(*) filter (where status = 'due' and due_on < ${anchorDate}) as overdue
          from check_ins where org_id = ${orgId}`,
    );
    expect(Number(held?.with_discrepancies)).toBeGreaterThan(0);
    expect(Number(held?.overdue)).toBe(1);
    expect(summary.checkInsHeld).toBeGreaterThan(0);
  });

  it("sets each rep's target at their own last twelve months' won revenue, converted, plus 10 to 20%", async () => {
    // The won revenue in euros as the app sums it (db/queries/money.ts): deals converted at their
    // close month's rate, those without a rate left out, so yen are never added to euros.
    const reps = await rows<{ target_minor: string; won_minor: string; raw_minor: string }>(
      sql`select a.weight * 100000 as target_minor,
            (select coalesce(sum(${convertedMinor}), 0) from opportunities o
              join stages s on s.org_id = o.org_id and s.id = o.stage_id
              ${convertedAmountJoin(null)}
              where o.org_id = a.org_id and o.owner_id = a.rep_id and s.kind = 'won'
                and o.closed_on between '2025-11-26' and ${anchorDate}) as won_minor,
            (select coalesce(sum(o.amount_minor), 0) from opportunities o
              join stages s on s.org_id = o.org_id and s.id = o.stage_id
              where o.org_id = a.org_id and o.owner_id = a.rep_id and s.kind = 'won'
                and o.closed_on between '2025-11-26' and ${anchorDate}) as raw_minor
          from strategy_assignments a where a.org_id = ${orgId} and a.fiscal_year = 2026`,
    );
    expect(reps).toHaveLength(15);
    for (const rep of reps) {
      const growth = Number(rep.target_minor) / Number(rep.won_minor);
      expect(growth).toBeGreaterThanOrEqual(1.1);
      expect(growth).toBeLessThan(1.21);
    }
    // Some reps won deals in other currencies, so a raw sum of amounts would have set other targets.
    expect(reps.filter((rep) => rep.raw_minor !== rep.won_minor).length).toBeGreaterThan(0);
  });

  it('leaves every agreed plan a goal still to win on the anchor date, none already met', async () => {
    const plans = await handle.db
      .select()
      .from(repPlans)
      .where(and(eq(repPlans.orgId, orgId), inArray(repPlans.state, ['agreed', 'revised'])));
    expect(plans).toHaveLength(9);
    for (const plan of plans) {
      const { funnel } = await computeRepPlanFigures(handle.db, plan, anchorDate);
      const { goalMinor, wonMinor } = funnel.inputs;
      // In late November a rep has won most of the year's goal, but not all of it.
      expect(wonMinor / goalMinor).toBeGreaterThan(0.6);
      expect(wonMinor / goalMinor).toBeLessThan(0.95);
      expect(funnel.result.remainingGoalMinor).toBe(goalMinor - wonMinor);
      expect(funnel.result.findings.map((f) => f.code)).not.toContain('goal_met');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { queryRows } from '../../db/client';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
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
});

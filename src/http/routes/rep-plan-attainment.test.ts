import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { agreedPlanOf, daysAgo, type RepPlanWorld, startRepPlanWorld } from './rep-plan-test-world';

// Attainment on the plan (issue 17, item 2): My plan, the manager's view and the check-in form
// show the rep dashboard's won to date and target to date, split per segment with "Other", the
// rows adding up to the total.

type Row = {
  key: string;
  targetYearMinor: number;
  targetToDateMinor: number;
  wonToDateMinor: number;
};

describe.each(testEngines())('attainment on the rep plan on %s', (engine) => {
  let world: RepPlanWorld;
  let planId: string;

  beforeAll(async () => {
    world = await startRepPlanWorld(engine);
    planId = await agreedPlanOf(world);
    // One won deal on an account in no segment and one without an account: both are "Other".
    const stages = (await world.rep1.request('GET', '/api/reference')).body.stages as {
      name: string;
      id: string;
    }[];
    const won = stages.find((s) => s.name === 'Won')?.id;
    const loose = (
      await world.rep1.request('POST', '/api/accounts', { name: 'Loose', status: 'customer' })
    ).body.id as string;
    for (const [accountId, amountMinor] of [
      [loose, 4_000_00],
      [null, 1_000_00],
    ] as const)
      expect(
        (
          await world.rep1.request('POST', '/api/opportunities', {
            name: `Other ${amountMinor}`,
            accountId,
            stageId: won,
            amountMinor,
            createdOn: daysAgo(30),
            closedOn: daysAgo(10),
          })
        ).status,
      ).toBe(201);
  });
  afterAll(() => world.server.close());

  it("shows the rep dashboard's attainment on the plan, to the rep and to the manager", async () => {
    const { manager1, rep1, seg } = world;
    const dashboard = (
      await manager1.request('GET', `/api/dashboards/rep?repId=${world.server.ids.rep1}`)
    ).body;
    for (const client of [rep1, manager1]) {
      const plan = (await client.request('GET', `/api/rep-plans/${planId}`)).body;
      const [total, ...segments] = plan.attainment.rows as Row[];
      expect(total).toMatchObject({
        key: 'total',
        targetYearMinor: dashboard.attainment.targetYear,
        targetToDateMinor: dashboard.attainment.targetToDate,
        wonToDateMinor: dashboard.attainment.wonToDate,
        attainment: dashboard.attainment.attainment,
      });
      // By hand: 10,000 + 20,000 + 30,000 won on Alpha (segment A), 4,000 + 1,000 elsewhere.
      expect(total?.wonToDateMinor).toBe(65_000_00);
      expect(segments.map((row) => [row.key, row.wonToDateMinor])).toEqual([
        [seg.A, 60_000_00],
        [seg.B, 0],
        ['other', 5_000_00],
      ]);
      const sum = (key: keyof Omit<Row, 'key'>) => segments.reduce((s, row) => s + row[key], 0);
      expect(sum('targetYearMinor')).toBe(total?.targetYearMinor);
      expect(sum('targetToDateMinor')).toBe(total?.targetToDateMinor);
      expect(sum('wonToDateMinor')).toBe(total?.wonToDateMinor);
    }
  });

  it("gives the check-in form the same rows as the plan, with the year's target", async () => {
    const { manager1 } = world;
    const plan = (await manager1.request('GET', `/api/rep-plans/${planId}`)).body;
    const current = plan.checkIns.find(
      (c: { periodStart: string; periodEnd: string }) =>
        c.periodStart <= plan.attainment.asOf && plan.attainment.asOf <= c.periodEnd,
    );
    const form = (await manager1.request('GET', `/api/rep-plans/${planId}/check-ins/${current.id}`))
      .body;
    expect(form.planVsActual.asOf).toBe(plan.attainment.asOf);
    expect(
      form.planVsActual.targets.map((row: Row) => [
        row.key,
        row.targetYearMinor,
        row.targetToDateMinor,
        row.wonToDateMinor,
      ]),
    ).toEqual(
      plan.attainment.rows.map((row: Row) => [
        row.key,
        row.targetYearMinor,
        row.targetToDateMinor,
        row.wonToDateMinor,
      ]),
    );
  });
});

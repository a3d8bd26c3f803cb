import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { type RepPlanWorld, startRepPlanWorld, today, year } from './rep-plan-test-world';

// The Team page's rows (issue 17, item 7) from GET /api/dashboards/team: where each rep's plan
// stands and since when, the last and next check-in, this month's activity and what needs the
// manager's attention.

type Row = {
  rep: { id: string };
  planPhase: string;
  planSince: string | null;
  nextCheckIn: { dueOn: string } | null;
  lastCheckIn: unknown;
  attention: string[];
  activityPlannedThisMonth: number;
  activityDoneThisMonth: number;
};

describe.each(testEngines())('the Team page rows on %s', (engine) => {
  let world: RepPlanWorld;
  const rowOf = async (repId: string | undefined) =>
    ((await world.manager1.request('GET', '/api/dashboards/team')).body.reps as Row[]).find(
      (row) => row.rep.id === repId,
    );

  beforeAll(async () => {
    world = await startRepPlanWorld(engine);
  });
  afterAll(() => world.server.close());

  it('says a proposal signed by the rep waits for the countersignature since that day', async () => {
    const { rep1, manager1, accounts, server } = world;
    expect(await rowOf(server.ids.rep1)).toMatchObject({
      planPhase: 'no_plan',
      planSince: null,
      attention: expect.arrayContaining(['no_plan']),
    });
    const plan = (await rep1.request('POST', '/api/rep-plans', { year })).body;
    expect(await rowOf(server.ids.rep1)).toMatchObject({ planPhase: 'draft', planSince: today });
    await rep1.request(
      'PATCH',
      `/api/rep-plans/${plan.id}`,
      { targetAccountIds: [accounts.A1, accounts.B1] },
      { 'if-match': `"${plan.version}"` },
    );
    await rep1.request('POST', `/api/rep-plans/${plan.id}/transitions`, { to: 'proposed' });
    await rep1.request('POST', `/api/rep-plans/${plan.id}/signatures`, { as: 'rep' });
    const waiting = await rowOf(server.ids.rep1);
    expect(waiting).toMatchObject({ planPhase: 'awaiting_countersignature', planSince: today });
    expect(waiting?.attention[0]).toBe('awaiting_countersignature');

    await manager1.request('POST', `/api/rep-plans/${plan.id}/signatures`, { as: 'manager' });
    const agreed = await rowOf(server.ids.rep1);
    expect(agreed).toMatchObject({ planPhase: 'agreed', planSince: today, lastCheckIn: null });
    expect(agreed?.attention).not.toContain('awaiting_countersignature');
    // The plan's check-ins: the first still due is this period's, due on its last day.
    const checkIns = (await rep1.request('GET', `/api/rep-plans/${plan.id}`)).body.checkIns as {
      dueOn: string;
      status: string;
    }[];
    const firstDue = checkIns
      .filter((c) => c.status === 'due')
      .map((c) => c.dueOn)
      .sort()[0];
    expect(agreed?.nextCheckIn?.dueOn).toBe(firstDue);
  });

  it("counts this month's activities done and planned, as the rep dashboard does", async () => {
    const { manager1, server } = world;
    const row = await rowOf(server.ids.rep1);
    const dashboard = (
      await manager1.request('GET', `/api/dashboards/rep?repId=${server.ids.rep1}`)
    ).body;
    const month = dashboard.activity.month.rows as { planned: number; done: number }[];
    expect(row?.activityPlannedThisMonth).toBe(month.reduce((s, r) => s + r.planned, 0));
    expect(row?.activityDoneThisMonth).toBe(month.reduce((s, r) => s + r.done, 0));
    // The world's first meetings, one a week for ten weeks back: some fall in this month.
    const firstMeetings = await server.database.db.execute(
      `select count(*)::int as n from activities where org_id = '${server.orgIds.acme}' and owner_id = '${server.ids.rep1}' and status = 'done' and date_trunc('month', occurs_on) = date_trunc('month', '${today}'::date) and occurs_on <= '${today}'::date`,
    );
    const inDb = (firstMeetings as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    expect(row?.activityDoneThisMonth).toBe(inDb);
  });
});

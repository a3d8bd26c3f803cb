import { formatDay } from '../../domain/day-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityCounts, monthPlanToDay } from '../../domain/activity-plan';
import { monthOf } from '../../domain/calendar';
import { testEngines } from '../../test-setup/test-database';
import type { Client, TestServer } from '../test-server';
import {
  agreedPlanOf,
  daysAgo,
  type RepPlanWorld,
  startRepPlanWorld,
  today,
} from './rep-plan-test-world';

// Check-ins on an agreed rep plan: the form pre-filled from the activities in the DB, an agreed
// adjustment that revises the plan, and the due and overdue list by role.

describe.each(testEngines())('check-ins API on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let manager1: Client;
  let rep1: Client;
  let seg: RepPlanWorld['seg'];
  let accounts: RepPlanWorld['accounts'];
  let planId: string;

  beforeAll(async () => {
    ({ server, leader, manager1, rep1, seg, accounts } = await startRepPlanWorld(engine));
    planId = await agreedPlanOf({ server, leader, manager1, rep1, seg, accounts });
  });
  afterAll(() => server.close());

  it('pre-fills the current check-in with the done activities in the DB, and an adjustment revises the plan', async () => {
    const plan = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    const current = plan.checkIns.find(
      (c: { periodStart: string; periodEnd: string }) =>
        c.periodStart <= today && today <= c.periodEnd,
    );
    const periodStart = current.periodStart as string;
    for (const type of ['call', 'call', 'meeting']) {
      await rep1.request('POST', '/api/activities', {
        type,
        status: 'done',
        occursOn: periodStart,
        accountId: accounts.A1,
      });
    }
    await rep1.request('POST', '/api/activities', {
      type: 'call',
      status: 'planned',
      occursOn: periodStart,
      accountId: accounts.A1,
    });
    const form = await manager1.request('GET', `/api/rep-plans/${planId}/check-ins/${current.id}`);
    expect(form.status).toBe(200);
    const counted = await server.database.db.execute(
      `select type, count(*)::int as done from activities where org_id = '${server.orgIds.acme}' and owner_id = '${server.ids.rep1}' and status = 'done' and occurs_on between '${periodStart}' and '${today}' group by type`,
    );
    const inDb = Object.fromEntries(
      (counted as unknown as { rows: { type: string; done: number }[] }).rows.map((r) => [
        r.type,
        r.done,
      ]),
    );
    const shown = form.body.planVsActual.activities as { activityType: string; done: number }[];
    for (const row of shown) expect(row.done).toBe(inDb[row.activityType] ?? 0);
    expect(Object.keys(inDb).every((type) => shown.some((row) => row.activityType === type))).toBe(
      true,
    );
    expect(inDb).toMatchObject({ call: 2, meeting: 1 });
    // Planned: the period's months before today's in full, today's month to today (its working
    // days so far), as the Team page counts it, not the whole month against part of its work.
    const monthly = plan.activityPlan.monthly as { month: string; counts: ActivityCounts }[];
    const thisMonth = monthOf(today);
    const expectedPlanned = (type: string) =>
      monthly
        .filter((m) => m.month >= monthOf(periodStart) && m.month < thisMonth)
        .reduce((sum, m) => sum + (m.counts[type] ?? 0), 0) +
      (monthPlanToDay(monthly.find((m) => m.month === thisMonth)?.counts ?? {}, thisMonth, today)[
        type
      ] ?? 0);
    const plannedShown = form.body.planVsActual.activities as {
      activityType: string;
      planned: number;
    }[];
    expect(plannedShown.length).toBeGreaterThan(0);
    for (const row of plannedShown) expect(row.planned).toBe(expectedPlanned(row.activityType));
    expect(form.body.planVsActual.targets[0]).toMatchObject({
      key: 'total',
      wonToDateMinor: 60_000_00,
      unconverted: [],
    });
    // The segments' rows, "Other" included, add up to the total row.
    const [total, ...segments] = form.body.planVsActual.targets as {
      key: string;
      targetToDateMinor: number;
      wonToDateMinor: number;
    }[];
    expect(segments.map((row) => row.key)).toContain('other');
    const sum = (key: 'targetToDateMinor' | 'wonToDateMinor') =>
      segments.reduce((acc, row) => acc + row[key], 0);
    expect(sum('targetToDateMinor')).toBe(total?.targetToDateMinor);
    expect(sum('wonToDateMinor')).toBe(total?.wonToDateMinor);

    const byRep = await rep1.request('POST', `/api/rep-plans/${planId}/check-ins/${current.id}`, {
      adjustments: 'Drop Beta',
      planChanges: { targetAccountIds: [accounts.A1] },
    });
    expect(byRep.status).toBe(403);
    const held = await manager1.request(
      'POST',
      `/api/rep-plans/${planId}/check-ins/${current.id}`,
      {
        discrepancies: 'Calls behind plan',
        difficulties: 'Beta is in a budget freeze',
        adjustments: 'Drop Beta until Q1',
        planChanges: { targetAccountIds: [accounts.A1] },
      },
    );
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      status: 'held',
      resultingVersionNumber: 2,
      difficulties: 'Beta is in a budget freeze',
    });
    expect(
      (await manager1.request('POST', `/api/rep-plans/${planId}/check-ins/${current.id}`, {}))
        .status,
    ).toBe(409);
    const revised = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    expect(revised.state).toBe('revised');
    const diff = await rep1.request('GET', `/api/rep-plans/${planId}/versions/compare?from=1&to=2`);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { path: 'activityPlan.meeting', before: 10, after: 4 },
        { path: 'targetAccounts', before: ['Alpha', 'Beta'], after: ['Alpha'] },
      ]),
    );
  });

  it('schedules check-ins from the period the plan was agreed in', async () => {
    const plan = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    const ends = plan.checkIns.map((c: { periodEnd: string }) => c.periodEnd) as string[];
    expect(ends.length).toBe(13 - Number(today.slice(5, 7)));
    expect(ends.every((end) => end >= today)).toBe(true);
  });

  it('lists due and overdue check-ins to the rep and manager only', async () => {
    // As if a check-in had come due ten days ago without being held.
    await server.database.db.execute(
      `insert into check_ins (org_id, rep_plan_id, period_start, period_end, due_on)
       values ('${server.orgIds.acme}', '${planId}', '${daysAgo(40)}', '${daysAgo(10)}', '${daysAgo(10)}')`,
    );
    const mine = await rep1.request('GET', '/api/check-ins/due');
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.every((c: { rep: { id: string } }) => c.rep.id === server.ids.rep1),
    ).toBe(true);
    expect(
      mine.body.items
        .filter((c: { isOverdue: boolean }) => c.isOverdue)
        .map((c: { dueOn: string }) => c.dueOn),
    ).toEqual([daysAgo(10)]);
    const managers = await manager1.request('GET', '/api/check-ins/due');
    expect(managers.body.total).toBe(mine.body.total);
    const rep3 = await server.as('rep3@acme.test');
    expect((await rep3.request('GET', '/api/check-ins/due')).body.total).toBe(0);
  });

  it('refuses a check-in before its period starts and warns before it ends', async () => {
    const orgId = server.orgIds.acme;
    const inserted = await server.database.db.execute(
      `insert into check_ins (org_id, rep_plan_id, period_start, period_end, due_on)
       values ('${orgId}', '${planId}', '${daysAgo(-5)}', '${daysAgo(-30)}', '${daysAgo(-30)}'),
              ('${orgId}', '${planId}', '${daysAgo(3)}', '${daysAgo(-3)}', '${daysAgo(-3)}')
       returning id::text, period_start::text`,
    );
    const [future, current] = (
      inserted as unknown as { rows: { id: string; period_start: string }[] }
    ).rows;
    const url = (id: string | undefined) => `/api/rep-plans/${planId}/check-ins/${id}`;
    const early = await manager1.request('GET', url(future?.id));
    expect(early.body).toMatchObject({
      canRecord: false,
      warnings: [
        `The check-in's period starts on ${formatDay(daysAgo(-5), 'en')}: it can be recorded from then on.`,
      ],
    });
    const refused = await manager1.request('POST', url(future?.id), { discrepancies: 'None' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      {
        field: 'heldOn',
        reason: `the check-in's period starts on ${formatDay(daysAgo(-5), 'en')}: hold it then or later`,
      },
    ]);
    expect((await manager1.request('GET', url(future?.id))).body.status).toBe('due');
    const backdated = await manager1.request('POST', url(current?.id), { heldOn: daysAgo(4) });
    expect(backdated.status).toBe(422);
    const warned = `The period runs until ${formatDay(daysAgo(-3), 'en')}: held on ${formatDay(today, 'en')}, the check-in leaves out what happens after that day.`;
    expect((await manager1.request('GET', url(current?.id))).body.warnings).toEqual([warned]);
    const held = await manager1.request('POST', url(current?.id), { discrepancies: 'None' });
    expect(held.body).toMatchObject({ status: 'held', heldOn: today, warnings: [warned] });
  });
});

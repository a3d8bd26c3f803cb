import { formatDay } from '../../domain/day-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planActivities } from '../../domain/activity-plan';
import { type FunnelPlan, reverseFunnel } from '../../domain/funnel';
import { ratiosFromHistory } from '../../domain/funnel-ratios';
import type { OpportunityOutcome } from '../../domain/opportunity';
import { flatWeights, weightTargetBySeasonality } from '../../domain/seasonality';
import { splitTargetBySegmentMix } from '../../domain/strategy-cascade';
import { testEngines } from '../../test-setup/test-database';
import type { Client, TestServer } from '../test-server';
import { daysAgo, type RepPlanWorld, startRepPlanWorld, today, year } from './rep-plan-test-world';

// Co-built rep plans end to end over HTTP: the cascade and funnel the API shows are the domain's
// results on the same inputs, the state machine refuses with reasons, nothing bad is written.

// The funnel as the API shows it: the domain's plan, each finding without its field path.
const funnelJson = ({ findings, ...numbers }: FunnelPlan) => ({
  ...numbers,
  findings: findings.map(({ code, severity, message }) => ({ code, severity, message })),
});

describe.each(testEngines())('rep plans API on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let manager1: Client;
  let rep1: Client;
  let seg: RepPlanWorld['seg'];
  let accounts: RepPlanWorld['accounts'];
  let planId: string;

  beforeAll(async () => {
    ({ server, leader, manager1, rep1, seg, accounts } = await startRepPlanWorld(engine));
  });
  afterAll(() => server.close());

  it('creates a draft whose targets and funnel are the domain results on the same inputs', async () => {
    const created = await rep1.request('POST', '/api/rep-plans', {
      year: year,
      cadence: 'monthly',
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    expect(created.body).toMatchObject({
      state: 'draft',
      version: 1,
      year: year,
      rep: { id: server.ids.rep1 },
    });
    expect(created.body.manager).toEqual({ id: server.ids.manager1, name: 'manager1' });

    const cascade = splitTargetBySegmentMix({
      targetMinor: 3_000_000_00,
      model: 'territory',
      territorySplit: 'potential',
      mix: [
        { segmentId: seg.A, share: 0.6 },
        { segmentId: seg.B, share: 0.2 },
      ],
      reps: [
        { repId: server.ids.rep1 ?? '', potential: 2 },
        { repId: server.ids.rep2 ?? '', potential: 1 },
      ],
    });
    const mine = cascade.reps.find((r) => r.repId === server.ids.rep1);
    const { targets, funnel } = created.body;
    expect(targets.totalMinor).toBe(mine?.targetMinor);
    expect(targets.totalMinor).toBe(2_000_000_00);
    expect(targets.segments.map((s: { targetMinor: number }) => s.targetMinor)).toEqual(
      mine?.segments.map((s) => s.targetMinor),
    );
    expect(targets.months.map((m: { targetMinor: number }) => m.targetMinor)).toEqual(
      weightTargetBySeasonality(2_000_000_00, flatWeights()).months,
    );

    const history = ratiosFromHistory({
      opportunities: [10_000_00, 20_000_00, 30_000_00]
        .map((amountMinor) => ({
          amountMinor,
          createdOn: daysAgo(60),
          closedOn: daysAgo(20),
          outcome: 'won' as OpportunityOutcome,
        }))
        .concat(
          [5_000_00, 7_000_00].map((amountMinor) => ({
            amountMinor,
            createdOn: daysAgo(90),
            closedOn: daysAgo(40),
            outcome: 'lost' as OpportunityOutcome,
          })),
        ),
      firstMeetingsHeldOn: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 400].map((d) => daysAgo(d * 7)),
      today,
    });
    expect(funnel.sources.closingRatio).toEqual({
      source: 'history',
      value: 0.6,
      reason: null,
      counts: { won: 3, lost: 2 },
    });
    expect(funnel.sources.meetingToOpportunityRatio).toEqual({
      source: 'history',
      value: history.meetingToOpportunityRatio.ratio,
      reason: null,
      counts: { opportunities: 5, firstMeetings: 10 },
    });
    expect(funnel.inputs).toMatchObject({
      goalMinor: 2_000_000_00,
      wonMinor: 60_000_00,
      averageDealMinor: 20_000_00,
      closingRatio: 0.6,
      closingSample: { won: 3, lost: 2 },
      meetingSample: { opportunities: 5, firstMeetings: 10 },
      salesCycleDays: history.medianCycleDays.days,
      today,
    });
    expect(funnel.result).toEqual(funnelJson(reverseFunnel(funnel.inputs)));
    expect(created.body.weekly.firstMeetings).toBe(funnel.result.meetingsPerWeek?.rounded ?? null);
  });

  it('edits a draft with If-Match, and rejects stale, missing and bad edits with nothing written', async () => {
    const patch = {
      targetAccountIds: [accounts.A1, accounts.B1],
      funnelInputs: {
        closingRatio: { value: 0.5, reason: 'New product line' },
        callsPerMeeting: 4,
      },
    };
    expect((await rep1.request('PATCH', `/api/rep-plans/${planId}`, patch)).status).toBe(409);
    expect(
      (
        await rep1.request(
          'PATCH',
          `/api/rep-plans/${planId}`,
          { targetAccountIds: [accounts.X] },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await rep1.request(
          'PATCH',
          `/api/rep-plans/${planId}`,
          { funnelInputs: { closingRatio: { value: 1.5, reason: 'x' } } },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(400);
    const edited = await rep1.request('PATCH', `/api/rep-plans/${planId}`, patch, {
      'if-match': '"1"',
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    const expected = planActivities({
      norms: [
        { segmentId: seg.A, status: 'prospect', activityType: 'call', countPerYear: 12 },
        { segmentId: seg.A, status: 'prospect', activityType: 'meeting', countPerYear: 4 },
        { segmentId: seg.B, status: 'customer', activityType: 'meeting', countPerYear: 6 },
      ],
      accounts: [
        { accountId: accounts.A1, segmentId: seg.A, status: 'prospect' },
        { accountId: accounts.B1, segmentId: seg.B, status: 'customer' },
      ],
      fiscalYearStart: `${year}-01`,
    });
    expect(edited.body.activityPlan.yearly).toEqual({ call: 12, meeting: 10 });
    expect(edited.body.activityPlan.monthly).toEqual(expected.monthly);
    expect(edited.body.funnel.sources.closingRatio).toMatchObject({
      source: 'override',
      value: 0.5,
      reason: 'New product line',
    });
    expect(edited.body.funnel.inputs).not.toHaveProperty('closingSample');
    expect(edited.body.funnel.result).toEqual(funnelJson(reverseFunnel(edited.body.funnel.inputs)));
    const stale = await rep1.request(
      'PATCH',
      `/api/rep-plans/${planId}`,
      { targetAccountIds: [] },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    const after = await rep1.request('GET', `/api/rep-plans/${planId}`);
    expect(after.body.version).toBe(2);
    expect(after.body.targetAccounts.map((a: { name: string }) => a.name)).toEqual([
      'Alpha',
      'Beta',
    ]);
  });

  it('meets the norms and the funnel in one weekly plan, the rep’s own figure only with a reason', async () => {
    const before = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    const week = before.weekly.week as string;
    const norms = planActivities({
      norms: [
        { segmentId: seg.A, status: 'prospect', activityType: 'call', countPerYear: 12 },
        { segmentId: seg.A, status: 'prospect', activityType: 'meeting', countPerYear: 4 },
        { segmentId: seg.B, status: 'customer', activityType: 'meeting', countPerYear: 6 },
      ],
      accounts: [
        { accountId: accounts.A1, segmentId: seg.A, status: 'prospect' },
        { accountId: accounts.B1, segmentId: seg.B, status: 'customer' },
      ],
      fiscalYearStart: `${year}-01`,
    }).weekly.find((w) => w.week === week)?.counts;
    const { result } = before.funnel;
    const firstMeetingsNeed = result.meetingsPerWeek?.rounded ?? null;
    const callsNeed = result.callsPerWeek?.rounded ?? null;
    // The test world's first meetings of this fiscal year, up to this week's end.
    const heldThisYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 400]
      .map((d) => daysAgo(d * 7))
      .filter((day) => day >= before.weekly.toDate.from && day <= before.weekly.toDate.to).length;
    const line = (
      type: string,
      fromNorms: number,
      fromFunnel: number | null,
      doneToDate: number,
    ) => {
      const followsFunnel = fromFunnel !== null && fromFunnel > fromNorms;
      return {
        type,
        fromNorms,
        fromFunnel,
        gap: fromFunnel === null ? null : fromFunnel - fromNorms,
        planned: followsFunnel ? fromFunnel : fromNorms,
        basis: followsFunnel ? 'funnel' : 'norms',
        reason: null,
        doneThisWeek: 0,
        doneToDate,
      };
    };
    expect(before.weeklyPlan).toEqual([
      line('call', norms?.call ?? 0, callsNeed, 0),
      line('first_meeting', 0, firstMeetingsNeed, heldThisYear),
      line('meeting', norms?.meeting ?? 0, null, 0),
    ]);

    const patch = (body: unknown, version: number) =>
      rep1.request('PATCH', `/api/rep-plans/${planId}`, body, { 'if-match': `"${version}"` });
    const unknown = await patch(
      { weeklyPlanOverrides: { golf: { perWeek: 1, reason: 'Clients like golf' } } },
      before.version,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues).toEqual([
      { field: 'weeklyPlanOverrides.golf', reason: 'not one of the organisation’s activity types' },
    ]);
    const noReason = await patch(
      { weeklyPlanOverrides: { first_meeting: { perWeek: 1, reason: ' ' } } },
      before.version,
    );
    expect(noReason.status).toBe(400);
    const chosen = await patch(
      { weeklyPlanOverrides: { first_meeting: { perWeek: 1, reason: 'Two trade fairs' } } },
      before.version,
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.weeklyPlan[1]).toEqual({
      ...line('first_meeting', 0, firstMeetingsNeed, heldThisYear),
      planned: 1,
      basis: 'override',
      reason: 'Two trade fairs',
    });
    expect(chosen.body.weeklyPlanOverrides).toEqual({
      first_meeting: { perWeek: 1, reason: 'Two trade fairs' },
    });
  });

  it('moves through draft → proposed → agreed only when allowed, with the reason when not', async () => {
    const move = (client: Client, to: string) =>
      client.request('POST', `/api/rep-plans/${planId}/transitions`, { to });
    const sign = (client: Client, as: string) =>
      client.request('POST', `/api/rep-plans/${planId}/signatures`, { as });
    const early = await move(rep1, 'agreed');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('The plan is draft: it cannot become agreed.');
    expect((await move(manager1, 'proposed')).status).toBe(403);
    expect((await move(rep1, 'proposed')).body.state).toBe('proposed');
    expect(
      (
        await rep1.request(
          'PATCH',
          `/api/rep-plans/${planId}`,
          { cadence: 'quarterly' },
          { 'if-match': '"3"' },
        )
      ).status,
    ).toBe(409);
    const asManager = await sign(rep1, 'manager');
    expect(asManager.status).toBe(403);
    expect(asManager.body.error.message).toBe('Only the rep’s manager can countersign the plan.');
    const unsigned = await move(manager1, 'agreed');
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.error.message).toBe(
      'The plan is agreed once both sign: the rep and the manager have not signed yet.',
    );
    expect((await sign(rep1, 'rep')).body.signatures.repSignedAt).toEqual(expect.any(String));
    expect((await sign(leader, 'manager')).status).toBe(403);
    // The countersignature agrees the plan in one step: no second "agreed" move is needed.
    const agreed = await sign(manager1, 'manager');
    expect(agreed.status).toBe(200);
    expect(agreed.body.state).toBe('agreed');
    expect(agreed.body.allowedTransitions).toEqual([]);
    // One a month from the month it is agreed in (this month) to the year's end.
    expect(agreed.body.checkIns).toHaveLength(13 - Number(today.slice(5, 7)));
    expect((await move(manager1, 'revised')).body.error.message).toBe(
      'A plan is revised by an agreed adjustment recorded at a check-in.',
    );
    const versions = await rep1.request('GET', `/api/rep-plans/${planId}/versions`);
    expect(versions.body.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([1]);
    // The rep's own weekly figure is agreed with its reason.
    expect(versions.body[0].content.weeklyPlan.first_meeting).toEqual({
      planned: 1,
      basis: 'override',
      reason: 'Two trade fairs',
    });
  });

  it('shows plans by role: leaders all, another team or organisation nothing', async () => {
    expect((await leader.request('GET', `/api/rep-plans?year=${year}`)).body.total).toBe(1);
    expect((await manager1.request('GET', `/api/rep-plans?year=${year}`)).body.items[0].id).toBe(
      planId,
    );
    const manager2 = await server.as('manager2@acme.test');
    expect((await manager2.request('GET', `/api/rep-plans?year=${year}`)).body.total).toBe(0);
    expect((await manager2.request('GET', `/api/rep-plans/${planId}`)).status).toBe(404);
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', `/api/rep-plans/${planId}`)).status).toBe(404);
  });

  it('keeps comments from both sides, refuses others and blank ones', async () => {
    await rep1.request('POST', `/api/rep-plans/${planId}/comments`, { body: 'Can we lower Q1?' });
    await manager1.request('POST', `/api/rep-plans/${planId}/comments`, {
      body: 'Yes, at the next check-in.',
    });
    expect(
      (await leader.request('POST', `/api/rep-plans/${planId}/comments`, { body: 'Hi' })).status,
    ).toBe(403);
    expect(
      (await rep1.request('POST', `/api/rep-plans/${planId}/comments`, { body: '  ' })).status,
    ).toBe(400);
    const comments = await leader.request('GET', `/api/rep-plans/${planId}/comments`);
    expect(
      comments.body.map((c: { author: { name: string }; body: string }) => [c.author.name, c.body]),
    ).toEqual([
      ['rep1', 'Can we lower Q1?'],
      ['manager1', 'Yes, at the next check-in.'],
    ]);
  });

  it("passes the team's ratios, from the manager's reps over the same look-back, to the funnel", async () => {
    const stages = Object.fromEntries(
      (await rep1.request('GET', '/api/reference')).body.stages.map(
        (s: { name: string; id: string }) => [s.name, s.id],
      ),
    );
    // rep2 is rep1's teammate (manager1); rep3 reports to manager2 and must not count.
    const history = async (
      client: Client,
      deals: [stage: string, createdDaysAgo: number, closedDaysAgo?: number][],
      firstMeetingDaysAgo: number[],
    ) => {
      const account = await client.request('POST', '/api/accounts', {
        name: `Account ${Math.random()}`,
        segmentId: seg.A,
        status: 'prospect',
      });
      for (const [stage, created, closed] of deals) {
        const deal = await client.request('POST', '/api/opportunities', {
          name: `${stage} ${created}`,
          accountId: account.body.id,
          stageId: stages[stage],
          amountMinor: 10_000_00,
          createdOn: daysAgo(created),
          ...(closed === undefined ? {} : { closedOn: daysAgo(closed) }),
        });
        expect(deal.status).toBe(201);
      }
      for (const days of firstMeetingDaysAgo) {
        const meeting = await client.request('POST', '/api/activities', {
          type: 'first_meeting',
          status: 'done',
          occursOn: daysAgo(days),
          accountId: account.body.id,
        });
        expect(meeting.status).toBe(201);
      }
    };
    const rep2 = await server.as('rep2@acme.test');
    await history(
      rep2,
      [
        ['Won', 30, 10],
        ['Lost', 100, 50],
        ['Lost', 120, 60],
        ['Lost', 200, 70],
        ['Lost', 450, 400],
        ['Proposal', 15],
      ],
      [7, 14, 21, 28, 500],
    );
    await history(await server.as('rep3@acme.test'), [['Won', 30, 10]], [7, 14]);

    const { funnel } = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    // rep1: 3 won, 2 lost, 5 created, 10 first meetings in the last 12 months (the test world).
    // rep2: 1 won, 3 lost, 5 created, 4 first meetings in them; the rest is older.
    expect(funnel.sources.teamClosingRatio).toEqual({
      source: 'history',
      value: (3 + 1) / (3 + 1 + 2 + 3),
      reason: null,
      counts: { won: 4, lost: 5, reps: 2 },
    });
    expect(funnel.sources.teamMeetingToOpportunityRatio).toEqual({
      source: 'history',
      value: (5 + 5) / (10 + 4),
      reason: null,
      counts: { opportunities: 10, firstMeetings: 14, reps: 2 },
    });
    expect(funnel.inputs).toMatchObject({
      teamClosingRatio: 4 / 9,
      teamMeetingToOpportunityRatio: 10 / 14,
    });
    // rep1's own meeting ratio rests on 10 first meetings: the team's is shown beside its range.
    expect(funnel.result.ranges).toEqual([
      expect.objectContaining({
        ratio: 'meetingToOpportunityRatio',
        sampleSize: 10,
        teamRatio: 10 / 14,
      }),
    ]);
    expect(funnel.result).toEqual(funnelJson(reverseFunnel(funnel.inputs)));
  });

  it('refuses a second plan for the year and a year whose planning has not opened', async () => {
    expect((await rep1.request('POST', '/api/rep-plans', { year: year })).status).toBe(409);
    const tooEarly = await rep1.request('POST', '/api/rep-plans', { year: year + 2 });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.error.issues[0]).toEqual({
      field: 'year',
      reason: `planning for ${year + 2} opens on ${formatDay(`${year + 1}-10-01`, 'en')}`,
    });
    expect((await leader.request('GET', `/api/rep-plans?year=${year + 2}`)).body.total).toBe(0);
  });

  it('refuses a plan for a leader or an admin, who carry no quota, with nothing written', async () => {
    const admin = await server.as('admin@acme.test');
    for (const caller of [leader, admin]) {
      const own = await caller.request('POST', '/api/rep-plans', { year });
      expect(own.status).toBe(422);
      expect(own.body.error.issues[0].field).toBe('repId');
      expect(own.body.error.issues[0].reason).toMatch(/carries no quota/);
    }
    const plans = await leader.request('GET', `/api/rep-plans?year=${year}`);
    const owners = plans.body.items.map((p: { repId: string }) => p.repId);
    expect(owners).not.toContain((await leader.request('GET', '/api/me')).body.user.id);
  });

  it("counts rep2's foreign deals in our currency and leaves the one without a rate out", async () => {
    const admin = await server.as('admin@acme.test');
    const rep2 = await server.as('rep2@acme.test');
    const plan = await rep2.request('POST', '/api/rep-plans', { year });
    expect(plan.status).toBe(201);
    const before = plan.body.funnel;
    // A USD rate since 2000, carried forward to today; none for CHF.
    await admin.request('PUT', '/api/exchange-rates/USD/2000-01', { rate: '0.9' });
    const won = (await rep2.request('GET', '/api/reference')).body.stages.find(
      (stage: { kind: string }) => stage.kind === 'won',
    ).id;
    for (const [currency, amountMinor] of [
      ['USD', 10_000_00],
      ['CHF', 5_000_00],
    ] as const) {
      const created = await rep2.request('POST', '/api/opportunities', {
        name: `Won in ${currency}`,
        accountId: accounts.X,
        stageId: won,
        amountMinor,
        currency,
        createdOn: today,
        closedOn: today,
      });
      expect(created.status).toBe(201);
    }
    const after = (await rep2.request('GET', `/api/rep-plans/${plan.body.id}`)).body.funnel;
    // $10,000 at 0.9 is €9,000 more won; the CHF deal is a won deal with no value here.
    expect(after.inputs.wonMinor - before.inputs.wonMinor).toBe(9_000_00);
    expect(after.sources.closingRatio.counts.won - before.sources.closingRatio.counts.won).toBe(2);
    expect(after.sources.averageDealMinor.counts.wonDeals).toBe(
      before.sources.averageDealMinor.counts.wonDeals + 1,
    );
    expect(before.unconverted).toEqual([]);
    expect(after.unconverted).toEqual([{ currency: 'CHF', count: 1, amountMinor: 5_000_00 }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { addDays, isoWeekOf, isoWeekStart } from '../../domain/calendar';
import { todayIso } from '../../services/clock';
import {
  startTestServer,
  statementsOf as statementsOfServer,
  type Client,
  type TestServer,
} from '../test-server';

describe.each(testEngines())('deal plans API on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let accountId: string;
  let contacts: Record<string, string>;
  let stageId: string;
  const today = todayIso();

  const newDeal = async (name: string) =>
    (
      await rep1.request('POST', '/api/opportunities', {
        name,
        accountId,
        stageId,
        expectedCloseOn: addDays(today, 90),
      })
    ).body.id as string;
  const write = (
    client: Client,
    method: string,
    path: string,
    version: number | string | null,
    body?: unknown,
  ) => client.request(method, path, body, version === null ? {} : { 'if-match': String(version) });

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    stageId = (await rep1.request('GET', '/api/reference')).body.stages.find(
      (s: { kind: string }) => s.kind === 'open',
    ).id;
    accountId = (await rep1.request('POST', '/api/accounts', { name: 'Globex' })).body.id;
    contacts = {};
    for (const [key, lastName, title] of [
      ['cfo', 'Ortiz', 'CFO'],
      ['it', 'Kim', 'IT lead'],
    ] as const) {
      contacts[key] = (
        await rep1.request('POST', '/api/contacts', {
          accountId,
          firstName: 'Dana',
          lastName,
          title,
        })
      ).body.id;
    }
  });
  afterAll(() => server.close());

  it('documents the plan routes, their schemas and the If-Match header in OpenAPI', async () => {
    const doc = (await server.anonymous.request('GET', '/api/openapi.json')).body;
    const steps = doc.paths['/api/opportunities/{id}/plan/steps'].post;
    expect(steps.tags).toEqual(['deal-plans']);
    expect(steps.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'if-match', required: true }),
    );
    expect(steps.description).toContain('409');
    expect(Object.keys(steps.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '422']),
    );
    expect(doc.paths['/api/opportunities/{id}/plan'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/deal-plans/health'].get).toBeDefined();
  });

  it('reads a plan never saved as version 0 with empty parts and its findings', async () => {
    const id = await newDeal('Empty plan');
    const plan = await rep1.request('GET', `/api/opportunities/${id}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.headers.get('etag')).toBe('"0"');
    expect(plan.body).toMatchObject({
      version: 0,
      canEdit: true,
      objectives: [],
      influences: [],
      winWin: { buyerResult: '', buyerPersonalWin: '', ourWin: '' },
      competition: [],
      steps: [],
      history: [],
    });
    expect(plan.body.findings).toContainEqual({
      check: 'coverage',
      severity: 'error',
      code: 'role_missing',
      message: 'No economic buyer is named on this deal.',
      field: 'influences',
    });
    expect(plan.body.health.error).toBeGreaterThan(0);
  });

  it('builds a full plan piece by piece, each write bumping the version', async () => {
    const id = await newDeal('Full plan');
    const path = `/api/opportunities/${id}/plan`;
    let version = 0;
    const step = async (method: string, sub: string, body?: unknown) => {
      const res = await write(rep1, method, `${path}${sub}`, version, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.version).toBe(version + 1);
      expect(res.headers.get('etag')).toBe(`"${version + 1}"`);
      version = res.body.version;
      return res.body;
    };
    const cfo = (
      await step('POST', '/influences', {
        contactId: contacts.cfo,
        role: 'economic',
        influence: 'high',
        responseMode: 'even_keel',
      })
    ).influences[0];
    expect(cfo).toMatchObject({
      contactName: 'Dana Ortiz',
      contactTitle: 'CFO',
      modeHistory: [{ mode: 'even_keel', recordedOn: today, recordedByName: 'rep1' }],
    });
    const coach = (
      await step('POST', '/influences', {
        newContact: { firstName: 'Sam', lastName: 'Lee', title: 'Ops manager' },
        role: 'coach',
        responseMode: 'growth',
      })
    ).influences[1];
    expect(coach.contactName).toBe('Sam Lee');
    const objective = (
      await step('POST', '/objectives', {
        title: 'Budget confirmed',
        who: [cfo.id],
        whereWhen: 'CFO office, next week',
        informationToCollect: 'Budget line and approval path',
        how: 'Business case review',
        desiredOutcome: 'CFO confirms budget of 120k',
        dueOn: addDays(today, 20),
      })
    ).objectives[0];
    const alternative = (
      await step('POST', '/competition', { kind: 'do_nothing', differentiators: 'Cost of delay' })
    ).competition[0];
    await step('POST', '/competition', { kind: 'competitor', name: 'Initech' });
    const plan = await step('POST', '/steps', {
      what: 'Send business case',
      dueOn: addDays(today, 10),
      objectiveId: objective.id,
      influenceId: cfo.id,
      confidence: 4,
    });
    expect(plan.steps[0]).toMatchObject({
      position: 1,
      ownerId: server.ids.rep1,
      ownerName: 'rep1',
      status: 'open',
      competitorId: null,
    });
    const winWin = {
      buyerResult: 'Cut costs 10%',
      buyerPersonalWin: 'Promotion',
      ourWin: 'Reference',
    };
    const final = await step('PUT', '/win-win', winWin);
    expect(final.winWin).toEqual(winWin);
    expect(final.competition.map((c: { id: string }) => c.id)).toContain(alternative.id);
    expect(final.history).toHaveLength(7);
    const read = await rep1.request('GET', path);
    expect(read.body.version).toBe(7);
    expect(read.body.findings.every((f: object) => Object.keys(f).length === 5)).toBe(true);
  });

  it('rejects bad input with 400 naming the field, and dangling links with 422', async () => {
    const id = await newDeal('Bad input');
    const path = `/api/opportunities/${id}/plan`;
    const missing = await write(rep1, 'POST', `${path}/steps`, null, { what: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].field).toBe('headers.if-match');
    const malformed = await write(rep1, 'POST', `${path}/steps`, 'abc', { what: 'x' });
    expect(malformed.status).toBe(400);
    const confidence = await write(rep1, 'POST', `${path}/steps`, 0, { what: 'x', confidence: 7 });
    expect(confidence.status).toBe(400);
    expect(confidence.body.error.issues[0].field).toBe('confidence');
    const blank = await write(rep1, 'POST', `${path}/competition`, 0, { kind: 'competitor' });
    expect(blank.status).toBe(400);
    const badId = await rep1.request('GET', '/api/opportunities/nope/plan');
    expect(badId.status).toBe(400);
    const dangling = await write(rep1, 'POST', `${path}/steps`, '"0"', {
      what: 'x',
      objectiveId: server.ids.rep1,
    });
    expect(dangling.status).toBe(422);
    expect(dangling.body.error.issues).toEqual([
      { field: 'objectiveId', reason: 'is not part of this plan' },
    ]);
    expect((await rep1.request('GET', path)).body.version).toBe(0);
  });

  it('answers a stale write with 409 and the current plan, overwriting nothing', async () => {
    const id = await newDeal('Concurrent');
    const path = `/api/opportunities/${id}/plan`;
    const first = await write(rep1, 'POST', `${path}/steps`, 0, { what: 'First' });
    expect(first.body.version).toBe(1);
    const stale = await write(rep1, 'POST', `${path}/steps`, 0, { what: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current).toMatchObject({ version: 1, steps: [{ what: 'First' }] });
    const stepId = first.body.steps[0].id;
    const staleEdit = await write(rep1, 'PATCH', `${path}/steps/${stepId}`, '"0"', {
      what: 'Lost',
    });
    expect(staleEdit.status).toBe(409);
    const read = await rep1.request('GET', path);
    expect(read.body.steps.map((s: { what: string }) => s.what)).toEqual(['First']);
    const racing = await Promise.all(
      ['X', 'Y'].map((what) => write(rep1, 'POST', `${path}/steps`, 1, { what })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const otherPlan = await newDeal('Other plan');
    const foreign = await write(
      rep1,
      'PATCH',
      `/api/opportunities/${otherPlan}/plan/steps/${stepId}`,
      0,
      {
        what: 'Hijack',
      },
    );
    expect(foreign.status).toBe(404);
  });

  it('lets the owner and their managers edit, leaders read, and hides the plan from everyone else', async () => {
    const id = await newDeal('Roles');
    const path = `/api/opportunities/${id}/plan`;
    for (const email of [
      'rep2@acme.test',
      'rep3@acme.test',
      'manager2@acme.test',
      'rep9@other.test',
    ]) {
      const client = await server.as(email);
      expect((await client.request('GET', path)).status, email).toBe(404);
      expect((await write(client, 'POST', `${path}/steps`, 0, { what: 'x' })).status, email).toBe(
        404,
      );
    }
    const manager = await server.as('manager1@acme.test');
    const byManager = await write(manager, 'POST', `${path}/steps`, 0, { what: 'Coach call' });
    expect(byManager.status).toBe(200);
    const leader = await server.as('leader@acme.test');
    const read = await leader.request('GET', path);
    expect(read.body).toMatchObject({ version: 1, canEdit: false });
    expect((await write(leader, 'POST', `${path}/steps`, 1, { what: 'x' })).status).toBe(403);
  });

  it('keeps every change in a timeline with who, when, before and after', async () => {
    const id = await newDeal('History');
    const path = `/api/opportunities/${id}/plan`;
    let plan = (
      await write(rep1, 'POST', `${path}/influences`, 0, {
        contactId: contacts.cfo,
        role: 'economic',
        responseMode: 'even_keel',
      })
    ).body;
    plan = (await write(rep1, 'POST', `${path}/objectives`, plan.version, { title: 'Meet CFO' }))
      .body;
    plan = (
      await write(rep1, 'POST', `${path}/steps`, plan.version, {
        what: 'Call',
        dueOn: '2026-12-01',
      })
    ).body;
    const [cfo, objective, step] = [plan.influences[0], plan.objectives[0], plan.steps[0]];
    plan = (
      await write(rep1, 'PATCH', `${path}/influences/${cfo.id}`, plan.version, {
        responseMode: 'trouble',
      })
    ).body;
    plan = (
      await write(rep1, 'PATCH', `${path}/steps/${step.id}`, plan.version, { dueOn: '2026-12-08' })
    ).body;
    plan = (
      await write(rep1, 'PATCH', `${path}/objectives/${objective.id}`, plan.version, {
        status: 'achieved',
      })
    ).body;
    const edits = plan.history.filter((entry: { action: string }) => entry.action === 'update');
    expect(edits.map((e: { summary: string }) => e.summary)).toEqual([
      'Marked achieved: objective 1 “Meet CFO”',
      'Changed the due date of step 1 from Dec 1, 2026 to Dec 8, 2026',
      'Changed the response mode of Dana Ortiz from Even keel to Trouble',
    ]);
    expect(edits.map((e: { changes: unknown[] }) => e.changes)).toEqual([
      [{ field: 'status', before: 'open', after: 'achieved' }],
      [{ field: 'dueOn', before: '2026-12-01', after: '2026-12-08' }],
      [{ field: 'responseMode', before: 'even_keel', after: 'trouble' }],
    ]);
    expect(edits[0]).toMatchObject({ userName: 'rep1', entityType: 'single_sales_objective' });
    expect(Date.parse(edits[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect(plan.influences[0].modeHistory.map((m: { mode: string }) => m.mode)).toEqual([
      'even_keel',
      'trouble',
    ]);
  });

  it('completes, reorders and removes steps, and reports plan health for a list', async () => {
    const id = await newDeal('Steps');
    const path = `/api/opportunities/${id}/plan`;
    let plan = (await write(rep1, 'POST', `${path}/steps`, 0, { what: 'A' })).body;
    plan = (await write(rep1, 'POST', `${path}/steps`, plan.version, { what: 'B' })).body;
    plan = (await write(rep1, 'POST', `${path}/steps`, plan.version, { what: 'C' })).body;
    const [a, b, c] = plan.steps.map((s: { id: string }) => s.id);
    plan = (await write(rep1, 'PUT', `${path}/steps/order`, plan.version, { stepIds: [c, a, b] }))
      .body;
    expect(plan.steps.map((s: { what: string }) => s.what)).toEqual(['C', 'A', 'B']);
    const partial = await write(rep1, 'PUT', `${path}/steps/order`, plan.version, { stepIds: [a] });
    expect(partial.status).toBe(422);
    plan = (await write(rep1, 'PATCH', `${path}/steps/${a}`, plan.version, { status: 'done' }))
      .body;
    expect(plan.steps[1]).toMatchObject({ status: 'done', completedOn: today });
    plan = (await write(rep1, 'DELETE', `${path}/steps/${c}`, plan.version)).body;
    expect(plan.steps.map((s: { what: string; position: number }) => [s.what, s.position])).toEqual(
      [
        ['A', 1],
        ['B', 2],
      ],
    );
    expect(plan.history[0].summary).toBe('Removed step 1 “C”');
    const empty = await newDeal('No plan');
    const health = await rep1.request('GET', `/api/deal-plans/health?ids=${id},${empty}`);
    expect(health.status).toBe(200);
    expect(health.body.items).toEqual([
      { opportunityId: id, hasPlan: true, needsPlan: false, ...plan.health },
      expect.objectContaining({ opportunityId: empty, hasPlan: false }),
    ]);
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', `/api/deal-plans/health?ids=${id}`)).body.items).toEqual([]);
  });

  it("says a deal needs a plan only from its owner's average won deal up, as the dashboards do", async () => {
    const rep3 = await server.as('rep3@acme.test');
    const stages = (await rep3.request('GET', '/api/reference')).body.stages;
    const kind = (k: string) => stages.find((stage: { kind: string }) => stage.kind === k).id;
    const account = (await rep3.request('POST', '/api/accounts', { name: 'Initech' })).body.id;
    const deal = async (name: string, amountMinor: number, stage: string) => {
      const created = await rep3.request('POST', '/api/opportunities', {
        name,
        accountId: account,
        stageId: kind(stage),
        amountMinor,
        currency: 'EUR',
        expectedCloseOn: addDays(today, 60),
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const needsPlan = async (ids: string[]) =>
      (await rep3.request('GET', `/api/deal-plans/health?ids=${ids.join(',')}`)).body.items.map(
        (item: { needsPlan: boolean }) => item.needsPlan,
      );
    // Nothing won yet: no measure, so every open deal without a plan needs one.
    const small = await deal('Small', 5_000_00, 'open');
    expect(await needsPlan([small])).toEqual([true]);
    // Won 8,000 and 12,000: the average is 10,000; 9,999.99 is under it, 10,000 is not.
    const won = [await deal('Won A', 8_000_00, 'won'), await deal('Won B', 12_000_00, 'won')];
    const under = await deal('Under', 9_999_99, 'open');
    const at = await deal('At', 10_000_00, 'open');
    expect(await needsPlan([small, under, at, ...won])).toEqual([false, false, true, false, false]);
    // A plan of its own: it needs none any more.
    expect(
      (await write(rep3, 'POST', `/api/opportunities/${at}/plan/steps`, 0, { what: 'Call' }))
        .status,
    ).toBe(200);
    expect(await needsPlan([at])).toEqual([false]);
  });

  const statementsOf = (action: () => Promise<unknown>) => statementsOfServer(server, action);
  const planWithSteps = async (name: string, dueDates: readonly string[]) => {
    const id = await newDeal(name);
    for (const [version, dueOn] of dueDates.entries()) {
      const res = await write(rep1, 'POST', `/api/opportunities/${id}/plan/steps`, version, {
        what: `Step ${version + 1}`,
        dueOn,
        confidence: 4,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return id;
  };

  it('answers plan health for 40 deals in as many queries as for 2', async () => {
    const withPlans = [
      await planWithSteps('Health A', [addDays(today, 5)]),
      await planWithSteps('Health B', [addDays(today, 6), addDays(today, 7)]),
    ];
    const empty: string[] = [];
    for (let i = 0; i < 38; i++) empty.push(await newDeal(`Health empty ${i}`));
    const health = (ids: readonly string[]) =>
      rep1.request('GET', `/api/deal-plans/health?ids=${ids.join(',')}`);
    let few: Awaited<ReturnType<typeof health>> | undefined;
    let many: Awaited<ReturnType<typeof health>> | undefined;
    const fewStatements = await statementsOf(async () => (few = await health(withPlans)));
    const manyStatements = await statementsOf(
      async () => (many = await health([...withPlans, ...empty])),
    );
    expect(few?.body.items.map((i: { hasPlan: boolean }) => i.hasPlan)).toEqual([true, true]);
    expect(many?.body.items).toHaveLength(40);
    expect(many?.body.items.slice(0, 2)).toEqual(few?.body.items);
    expect(fewStatements.length).toBeGreaterThan(0);
    expect(manyStatements.length).toBe(fewStatements.length);
  });

  it('reads the plan once before a write and once after, whatever the plan holds', async () => {
    const small = await planWithSteps('Write small', [addDays(today, 5)]);
    const large = await planWithSteps(
      'Write large',
      [1, 2, 3, 4, 5, 6].map((d) => addDays(today, d)),
    );
    const winWin = { buyerResult: 'Faster close', buyerPersonalWin: 'Bonus', ourWin: 'Logo' };
    const putWinWin = (id: string, version: number) => async () => {
      const res = await write(
        rep1,
        'PUT',
        `/api/opportunities/${id}/plan/win-win`,
        version,
        winWin,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const smallWrite = await statementsOf(putWinWin(small, 1));
    const largeWrite = await statementsOf(putWinWin(large, 6));
    const objectiveReads = (statements: string[]) =>
      // The plan's rows come in one statement (db/round-trip.ts), the objectives' sub-select in it.
      statements.filter((sql) => /^select .*\bfrom "?single_sales_objectives"?\s/is.test(sql))
        .length;
    expect(objectiveReads(smallWrite)).toBe(2);
    expect(largeWrite.length).toBe(smallWrite.length);
  });

  it('answers 404 to a change of an objective through another plan and changes nothing', async () => {
    const mine = await newDeal('Objective owner');
    const other = await newDeal('Other plan');
    const created = await write(rep1, 'POST', `/api/opportunities/${mine}/plan/objectives`, 0, {
      title: 'Budget confirmed',
    });
    const objectiveId = created.body.objectives[0].id;
    await write(rep1, 'PUT', `/api/opportunities/${other}/plan/win-win`, 0, {
      buyerResult: '',
      buyerPersonalWin: '',
      ourWin: '',
    });
    const patch = await write(
      rep1,
      'PATCH',
      `/api/opportunities/${other}/plan/objectives/${objectiveId}`,
      1,
      { title: 'Hijacked', status: 'abandoned' },
    );
    expect(patch.status).toBe(404);
    const after = await rep1.request('GET', `/api/opportunities/${mine}/plan`);
    expect(after.body.objectives).toEqual(created.body.objectives);
    expect((await rep1.request('GET', `/api/opportunities/${other}/plan`)).body.version).toBe(1);
  });

  it("counts the rep's open steps of a week once: this plan's own, plus their other deals'", async () => {
    // The Monday of a week well ahead, so no other test's steps share it.
    const monday = isoWeekStart(isoWeekOf(addDays(today, 200)));
    const week = (n: number) => Array.from({ length: n }, (_, i) => addDays(monday, i % 5));
    await planWithSteps('Capacity elsewhere', week(6));
    const id = await planWithSteps('Capacity here', week(7));
    const plan = (await rep1.request('GET', `/api/opportunities/${id}/plan`)).body;
    const overCapacity = plan.findings.filter(
      (f: { code: string }) => f.code === 'week_over_capacity',
    );
    expect(overCapacity.map((f: { message: string }) => f.message)).toEqual([
      `Week ${isoWeekOf(monday)} holds 13 open steps for the rep, more than the 12 they can carry.`,
    ]);
    expect(Object.values(plan.checkOptions.repOpenStepsByWeek)).toContain(6);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar';
import { todayIso } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The open plan format over a real server: a deal plan out as a document, into another deal,
// and out again the same; the schema as published; every problem of a bad document by path.

describe.each(testEngines())('plan documents on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let stageId: string;
  let source: string;
  const today = todayIso();

  const newDeal = async (client: Client, name: string, accountName: string) => {
    const accountId = (await client.request('POST', '/api/accounts', { name: accountName })).body
      .id;
    return (
      await client.request('POST', '/api/opportunities', {
        name,
        accountId,
        stageId,
        expectedCloseOn: addDays(today, 90),
      })
    ).body.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    stageId = (await rep1.request('GET', '/api/reference')).body.stages.find(
      (s: { kind: string }) => s.kind === 'open',
    ).id;
    source = await newDeal(rep1, 'Globex rollout', 'Globex');
    const plan = `/api/opportunities/${source}/plan`;
    let version = 0;
    const write = async (method: string, sub: string, body: unknown) => {
      const res = await rep1.request(method, `${plan}${sub}`, body, {
        'if-match': String(version),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = res.body.version;
      return res.body;
    };
    const cfo = (
      await write('POST', '/influences', {
        newContact: { firstName: 'Dana', lastName: 'Ortiz', title: 'CFO' },
        role: 'economic',
        influence: 'high',
        responseMode: 'even_keel',
      })
    ).influences[0];
    const objective = (
      await write('POST', '/objectives', {
        title: 'Budget confirmed',
        who: [cfo.id],
        desiredOutcome: 'CFO confirms 120k',
        dueOn: addDays(today, 20),
      })
    ).objectives[0];
    const rival = (await write('POST', '/competition', { kind: 'competitor', name: 'Initech' }))
      .competition[0];
    const first = (
      await write('POST', '/steps', {
        what: 'Send business case',
        dueOn: addDays(today, 10),
        objectiveId: objective.id,
        influenceId: cfo.id,
        competitorId: rival.id,
        confidence: 4,
      })
    ).steps[0];
    const second = (
      await write('POST', '/steps', {
        what: 'Workshop with IT',
        ownerId: server.ids.rep2,
        dueOn: addDays(today, 5),
      })
    ).steps[1];
    await write('PATCH', `/steps/${first.id}`, { dependsOnStepId: second.id });
    await write('PUT', '/win-win', {
      buyerResult: 'Cut costs 10%',
      buyerPersonalWin: 'Promotion',
      ourWin: 'Reference customer',
    });
  });
  afterAll(() => server.close());

  it('serves the published JSON Schema to anyone, and no unknown one', async () => {
    const schema = await server.anonymous.request('GET', '/api/schemas/deal-plan');
    expect(schema.status).toBe(200);
    const published = path.resolve(
      import.meta.dirname,
      '../../../docs/plan-format/deal-plan.schema.json',
    );
    expect(schema.body).toEqual(JSON.parse(fs.readFileSync(published, 'utf8')));
    expect((await server.anonymous.request('GET', '/api/schemas/forecast')).status).toBe(400);
  });

  it('writes a plan as a document with keys and emails, and reads it into another deal unchanged', async () => {
    const exported = await rep1.request('GET', `/api/opportunities/${source}/plan/document`);
    expect(exported.status).toBe(200);
    const document = exported.body;
    expect(document).toMatchObject({
      format: 'salesplan-deal-plan',
      formatVersion: 1,
      opportunity: { externalId: null, name: 'Globex rollout' },
      account: { externalId: null, name: 'Globex' },
      influences: [
        {
          key: 'influence-1',
          contact: {
            externalId: null,
            email: null,
            firstName: 'Dana',
            lastName: 'Ortiz',
            title: 'CFO',
          },
          role: 'economic',
          responseMode: 'even_keel',
        },
      ],
      objectives: [{ key: 'objective-1', who: ['influence-1'], title: 'Budget confirmed' }],
      steps: [
        {
          key: 'step-1',
          owner: { email: 'rep1@acme.test' },
          objective: 'objective-1',
          influence: 'influence-1',
          competitor: 'competitor-1',
          dependsOn: 'step-2',
          confidence: 4,
        },
        { key: 'step-2', owner: { email: 'rep2@acme.test' }, dependsOn: null },
      ],
      winWin: { ourWin: 'Reference customer' },
    });

    const target = await newDeal(rep1, 'Umbrella pilot', 'Umbrella');
    const imported = await rep1.request(
      'POST',
      `/api/opportunities/${target}/plan/document`,
      document,
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ opportunityId: target, version: 1 });
    expect(imported.body.influences[0]).toMatchObject({
      contactName: 'Dana Ortiz',
      contactTitle: 'CFO',
    });

    const again = await rep1.request('GET', `/api/opportunities/${target}/plan/document`);
    expect(again.body).toEqual({
      ...document,
      opportunity: { externalId: null, name: 'Umbrella pilot' },
      account: { externalId: null, name: 'Umbrella' },
    });
  });

  it('refuses a deal that already has a plan, and changes nothing', async () => {
    const document = (await rep1.request('GET', `/api/opportunities/${source}/plan/document`)).body;
    const before = (await rep1.request('GET', `/api/opportunities/${source}/plan`)).body;
    const res = await rep1.request('POST', `/api/opportunities/${source}/plan/document`, document);
    expect(res.status).toBe(409);
    const after = (await rep1.request('GET', `/api/opportunities/${source}/plan`)).body;
    expect(after.version).toBe(before.version);
  });

  it('names the JSON path of every problem: the shape first, then keys and records', async () => {
    const document = (await rep1.request('GET', `/api/opportunities/${source}/plan/document`)).body;
    const target = await newDeal(rep1, 'Hooli expansion', 'Hooli');
    const url = `/api/opportunities/${target}/plan/document`;
    const shape = await rep1.request('POST', url, {
      ...document,
      steps: [
        { ...document.steps[0], status: 'maybe' },
        { ...document.steps[1], what: '' },
      ],
      influences: [{ ...document.influences[0], role: undefined }],
    });
    expect(shape.status).toBe(422);
    expect(shape.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      '$.influences[0].role',
      '$.steps[0].status',
      '$.steps[1].what',
    ]);

    const keys = await rep1.request('POST', url, {
      ...document,
      objectives: [{ ...document.objectives[0], who: ['influence-9'] }],
      steps: [{ ...document.steps[0], dependsOn: 'step-7' }, document.steps[1]],
    });
    expect(keys.status).toBe(422);
    expect(keys.body.error.issues).toEqual([
      { field: '$.objectives[0].who[0]', reason: 'is not the key of a buying influence here' },
      { field: '$.steps[0].dependsOn', reason: 'is not the key of a step here' },
    ]);

    const people = await rep1.request('POST', url, {
      ...document,
      steps: [document.steps[0], { ...document.steps[1], owner: { email: 'nobody@acme.test' } }],
    });
    expect(people.status).toBe(422);
    expect(people.body.error.issues).toEqual([
      { field: '$.steps[1].owner.email', reason: 'is not a user of this organisation' },
    ]);
    // Nothing of the refused documents was written.
    const plan = (await rep1.request('GET', `/api/opportunities/${target}/plan`)).body;
    expect(plan).toMatchObject({ version: 0, influences: [], steps: [] });
  });
});

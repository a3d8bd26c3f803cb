import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../../db/schema';
import { splitTargetBySegmentMix } from '../../domain/strategy-cascade';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('strategies API on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let seg: Record<'A' | 'B' | 'C', string>;

  const territoryInput = () => ({
    startMonth: 1,
    targetMinor: 1_000_000_01,
    model: 'territory',
    seasonality: { kind: 'flat' },
    segmentMix: [
      { segmentId: seg.A, shareBasisPoints: 3500 },
      { segmentId: seg.B, shareBasisPoints: 2500 },
    ],
    assignments: ['rep1', 'rep2', 'rep3'].map((key) => ({ repId: server.ids[key], weight: 1 })),
  });

  beforeAll(async () => {
    server = await startTestServer(engine);
    leader = await server.as('leader@acme.test');
    const rows = await server.database.db
      .insert(segments)
      .values(['A', 'B', 'C'].map((code) => ({ orgId: server.orgIds.acme, code, name: code })))
      .returning();
    seg = Object.fromEntries(rows.map((r) => [r.code, r.id])) as typeof seg;
  });
  afterAll(() => server.close());

  it('creates a territory strategy whose cascade is the domain cascade, summing to the target', async () => {
    const saved = await leader.request('PUT', '/api/strategies/2027', territoryInput());
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    const expected = splitTargetBySegmentMix({
      targetMinor: 1_000_000_01,
      model: 'territory',
      mix: [
        { segmentId: seg.A, share: 0.35 },
        { segmentId: seg.B, share: 0.25 },
      ],
      territorySplit: 'equal',
      reps: ['rep1', 'rep2', 'rep3'].map((key) => ({ repId: server.ids[key] ?? '' })),
    });
    const { cascade } = saved.body;
    const byRep = (reps: { repId: string }[]) =>
      [...reps].sort((a, b) => (a.repId < b.repId ? -1 : 1));
    expect(byRep(cascade.reps)).toEqual(
      byRep(expected.reps).map((rep) => ({ ...rep, repName: expect.any(String) })),
    );
    expect(cascade.segments.map((s: { targetMinor: number }) => s.targetMinor)).toEqual(
      expected.segments.map((s) => s.targetMinor),
    );
    expect(
      cascade.reps.reduce((sum: number, r: { targetMinor: number }) => sum + r.targetMinor, 0),
    ).toBe(1_000_000_01);
    expect(cascade.uncoveredSegments).toEqual([]);
    expect(saved.body.seasonality.months).toHaveLength(12);
  });

  it('answers 409 on a stale If-Match and keeps the stored strategy', async () => {
    const current = await leader.request('GET', '/api/strategies/2027');
    const stale = await leader.request(
      'PUT',
      '/api/strategies/2027',
      { ...territoryInput(), targetMinor: 5 },
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    const missing = await leader.request('PUT', '/api/strategies/2027', territoryInput());
    expect(missing.status).toBe(409);
    const after = await leader.request('GET', '/api/strategies/2027');
    expect(after.body).toEqual(current.body);
    const fresh = await leader.request(
      'PUT',
      '/api/strategies/2027',
      { ...territoryInput(), targetMinor: 600_000_00 },
      { 'if-match': current.headers.get('etag') ?? '' },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ version: 2, targetMinor: 600_000_00 });
  });

  it('flags the segment no rep holds in a specialised organisation', async () => {
    const saved = await leader.request('PUT', '/api/strategies/2028', {
      startMonth: 4,
      targetMinor: 900_000_00,
      model: 'specialised',
      seasonality: { kind: 'entered', weights: [2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2] },
      segmentMix: [
        { segmentId: seg.A, shareBasisPoints: 5000 },
        { segmentId: seg.C, shareBasisPoints: 5000 },
      ],
      assignments: [
        { repId: server.ids.rep1, segmentId: seg.A, weight: 2 },
        { repId: server.ids.rep2, segmentId: seg.A, weight: 1 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.cascade).toMatchObject({
      uncoveredSegments: [seg.C],
      unassignedMinor: 450_000_00,
    });
    expect(saved.body.seasonality.months[0]).toEqual({ month: '2028-04', targetMinor: 100_000_00 });
    const total = saved.body.seasonality.months.reduce(
      (sum: number, m: { targetMinor: number }) => sum + m.targetMinor,
      0,
    );
    expect(total).toBe(900_000_00);
    // The organisation's fiscal years now start in April, for everyone.
    const me = await (await server.as('rep1@acme.test')).request('GET', '/api/me');
    expect(me.body.organisation.fiscalYearStartMonth).toBe(4);
  });

  it('rejects bad input with nothing written', async () => {
    const tooMuch = await leader.request('PUT', '/api/strategies/2029', {
      ...territoryInput(),
      segmentMix: [
        { segmentId: seg.A, shareBasisPoints: 7000 },
        { segmentId: seg.B, shareBasisPoints: 5000 },
      ],
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.issues).toEqual([
      { field: 'segmentMix', reason: 'the shares add up to more than 100%' },
    ]);
    const wrongModel = await leader.request('PUT', '/api/strategies/2029', {
      ...territoryInput(),
      assignments: [
        { repId: server.ids.rep1, weight: 1 },
        { repId: server.ids.rep2, segmentId: seg.A, weight: 1 },
      ],
    });
    expect(wrongModel.status).toBe(422);
    expect(wrongModel.body.error.issues).toEqual([
      {
        field: 'assignments[1].segmentId',
        reason: 'a territory organisation gives each rep a share of the whole mix, not a segment',
      },
    ]);
    const unknown = await leader.request('PUT', '/api/strategies/2029', {
      ...territoryInput(),
      assignments: [{ repId: server.ids.rep9, weight: 1 }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues).toEqual([
      { field: 'assignments[0].repId', reason: 'no such user' },
    ]);
    const shortWeights = await leader.request('PUT', '/api/strategies/2029', {
      ...territoryInput(),
      seasonality: { kind: 'entered', weights: [1, 2, 3] },
    });
    expect(shortWeights.status).toBe(400);
    expect((await leader.request('GET', '/api/strategies/2029')).status).toBe(404);
  });

  it('refuses a repeated rep × segment row or norm with 422 on the row, nothing written', async () => {
    const specialised = {
      ...territoryInput(),
      model: 'specialised',
      assignments: [
        { repId: server.ids.rep1, segmentId: seg.A, weight: 1 },
        { repId: server.ids.rep2, segmentId: seg.B, weight: 1 },
      ],
    };
    const twice = await leader.request('PUT', '/api/strategies/2032', {
      ...specialised,
      assignments: [...specialised.assignments, { repId: server.ids.rep1, segmentId: seg.A }],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.issues).toEqual([
      { field: 'assignments[2].repId', reason: 'this rep is already assigned to this segment' },
    ]);
    const norm = { segmentId: seg.A, accountStatus: 'prospect', activityType: 'call' };
    const twiceNormed = await leader.request('PUT', '/api/strategies/2032', {
      ...specialised,
      norms: [
        { ...norm, countPerYear: 8 },
        { ...norm, activityType: 'meeting', countPerYear: 3 },
        { ...norm, countPerYear: 6 },
      ],
    });
    expect(twiceNormed.status).toBe(422);
    expect(twiceNormed.body.error.issues).toEqual([
      {
        field: 'norms[2].activityType',
        reason: 'this segment already has a norm for this account status and activity type',
      },
    ]);
    expect((await leader.request('GET', '/api/strategies/2032')).status).toBe(404);
  });

  it('lets only leaders and admins set it; a rep reads only their own row; other orgs see nothing', async () => {
    const rep1 = await server.as('rep1@acme.test');
    expect((await rep1.request('PUT', '/api/strategies/2030', territoryInput())).status).toBe(403);
    const read = await rep1.request('GET', '/api/strategies/2027');
    expect(read.body.cascade.reps.map((r: { repId: string }) => r.repId)).toEqual([
      server.ids.rep1,
    ]);
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', '/api/strategies/2027')).status).toBe(404);
  });
  it('documents the strategy chain in the OpenAPI description', async () => {
    const openapi = await server.anonymous.request('GET', '/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/strategies/{year}',
        '/api/rep-plans',
        '/api/rep-plans/{id}',
        '/api/rep-plans/{id}/transitions',
        '/api/rep-plans/{id}/signatures',
        '/api/rep-plans/{id}/versions/compare',
        '/api/rep-plans/{id}/check-ins/{checkInId}',
        '/api/check-ins/due',
        '/api/team-plans/{id}',
        '/api/planning-calendar',
      ]),
    );
    const put = openapi.body.paths['/api/strategies/{year}'].put;
    expect(put.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'if-match' })]),
    );
  });

  it('says which won deals seasonality from history left out for want of a rate', async () => {
    const rep1 = await server.as('rep1@acme.test');
    const stages = (await rep1.request('GET', '/api/reference')).body.stages;
    const won = stages.find((stage: { kind: string }) => stage.kind === 'won').id;
    const accountId = (await rep1.request('POST', '/api/accounts', { name: 'Zurich AG' })).body.id;
    for (const [currency, amountMinor] of [
      ['CHF', 12_345],
      ['EUR', 50_000],
    ] as const) {
      const created = await rep1.request('POST', '/api/opportunities', {
        name: `Won in ${currency}`,
        accountId,
        stageId: won,
        amountMinor,
        currency,
      });
      expect(created.status).toBe(201);
    }
    const saved = await leader.request('PUT', '/api/strategies/2030', {
      ...territoryInput(),
      seasonality: { kind: 'history' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.seasonality.unconverted).toEqual([
      { currency: 'CHF', count: 1, amountMinor: 12_345 },
    ]);
  });
});

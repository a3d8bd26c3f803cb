import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAccountModelVersions, keyAccounts, potentialCriteria } from '../../db/schema';
import { Ranking, ScoringModel } from '../../schemas/key-accounts';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The scoring model, the ranking and the confirmation over a real server: who may do what, the
// model's versions and If-Match, ties at the cut, overrides with reasons, and bad input that
// writes nothing.

describe.each(testEngines())('key accounts API on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let manager1: Client;
  let rep1: Client;
  let rep9: Client;
  const accountIds: string[] = [];

  const save = (client: Client, version: number | null, body: unknown) =>
    client.request(
      'PUT',
      '/api/key-accounts/model',
      body,
      version === null ? {} : { 'if-match': String(version) },
    );
  const model = (employeesWeight: number, cutPercent = 10) => ({
    cutPercent,
    criteria: [
      { name: 'Employees', source: 'employees', weight: employeesWeight },
      { name: 'Strategic fit', source: 'rating', weight: 1 },
    ],
  });

  beforeAll(async () => {
    server = await startTestServer(engine);
    leader = await server.as('leader@acme.test');
    manager1 = await server.as('manager1@acme.test');
    rep1 = await server.as('rep1@acme.test');
    rep9 = await server.as('rep9@other.test');
    // 20 accounts: rep1 owns the first 10, rep3 (manager2's team) the rest. Employees 0, 10, …,
    // 170, with accounts 17, 18 and 19 tied at the top (170).
    const admin = await server.as('admin@acme.test');
    for (let i = 0; i < 20; i += 1) {
      const response = await admin.request('POST', '/api/accounts', {
        name: `Account ${String(i).padStart(2, '0')}`,
        employees: Math.min(i, 17) * 10,
        ownerId: i < 10 ? server.ids.rep1 : server.ids.rep3,
      });
      accountIds.push(response.body.id);
    }
  }, 120_000);
  afterAll(() => server.close());

  it('answers version 0 before the first save, and only a leader or admin saves a model', async () => {
    const empty = await rep1.request('GET', '/api/key-accounts/model');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('etag')).toBe('"0"');
    expect(ScoringModel.parse(empty.body)).toEqual({
      version: 0,
      cutPercent: 10,
      criteria: [],
      canEdit: false,
      history: [],
    });
    expect((await save(rep1, 0, model(3))).status).toBe(403);
    expect((await save(manager1, 0, model(3))).status).toBe(403);
    const saved = await save(leader, 0, model(3));
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    expect(saved.body).toMatchObject({
      version: 1,
      cutPercent: 10,
      canEdit: true,
      criteria: [
        { name: 'Employees', source: 'employees', kind: 'number', weight: 3 },
        { name: 'Strategic fit', source: 'rating', kind: 'rating', weight: 1 },
      ],
    });
    // Another organisation sees none of it.
    expect((await rep9.request('GET', '/api/key-accounts/model')).body.version).toBe(0);
  });

  it('refuses a stale version with the current model, and bad models with nothing written', async () => {
    const db = server.database.db;
    const countRows = async () => [
      (
        await db
          .select()
          .from(keyAccountModelVersions)
          .where(eq(keyAccountModelVersions.orgId, server.orgIds.acme))
      ).length,
      (
        await db
          .select()
          .from(potentialCriteria)
          .where(eq(potentialCriteria.orgId, server.orgIds.acme))
      ).length,
    ];
    const before = await countRows();
    const stale = await save(leader, 0, model(5));
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);
    expect((await save(leader, null, model(5))).status).toBe(400);
    const badCut = await save(leader, 1, model(5, 25));
    expect(badCut.status).toBe(400);
    expect(badCut.body.error.issues[0].field).toBe('cutPercent');
    const zeroWeight = await save(leader, 1, model(0));
    expect(zeroWeight.status).toBe(400);
    const twice = await save(leader, 1, {
      criteria: [
        { name: 'Fit', source: 'rating', weight: 1 },
        { name: 'fit', source: 'employees', weight: 1 },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.issues).toEqual([
      { field: 'criteria.1.name', reason: 'another criterion has this name' },
    ]);
    const unknownId = await save(leader, 1, {
      criteria: [{ id: accountIds[0], name: 'Fit', source: 'rating', weight: 1 }],
    });
    expect(unknownId.status).toBe(422);
    expect(await countRows()).toEqual(before);
  });

  it('ranks every account, proposes the top 10% with the accounts tied at the cut', async () => {
    const response = await leader.request('GET', '/api/key-accounts/ranking');
    expect(response.status).toBe(200);
    const ranking = Ranking.parse(response.body);
    // ceil(20 · 10%) = 2, and the third account tied with the second is proposed too.
    expect(ranking).toMatchObject({ total: 20, cutPercent: 10, modelVersion: 1, proposedCount: 3 });
    // Tied accounts come in the order of their ids.
    const top = ranking.items.slice(0, 4).map((i) => [i.accountName, i.rank, i.proposed]);
    expect([...top.slice(0, 3).sort(), top[3]]).toEqual([
      ['Account 17', 1, true],
      ['Account 18', 1, true],
      ['Account 19', 1, true],
      ['Account 16', 4, false],
    ]);
    expect(ranking.items[0]?.contributions).toEqual([
      {
        criterionId: ranking.criteria[0]?.id,
        criterion: 'Employees',
        source: 'employees',
        value: 170,
        normalised: 1,
        weight: 3,
        contribution: 0.75,
      },
      {
        criterionId: ranking.criteria[1]?.id,
        criterion: 'Strategic fit',
        source: 'rating',
        value: null,
        normalised: 0,
        weight: 1,
        contribution: 0,
      },
    ]);
    expect(ranking.changes.movedIn.map((m) => m.accountName).sort()).toEqual([
      'Account 17',
      'Account 18',
      'Account 19',
    ]);
    expect(ranking.changes.movedOut).toEqual([]);
  });

  it('shows managers and reps only the accounts they may read, ranked over the organisation', async () => {
    const mine = Ranking.parse((await rep1.request('GET', '/api/key-accounts/ranking')).body);
    expect(mine.total).toBe(10);
    expect(mine.items.every((i) => i.ownerId === server.ids.rep1)).toBe(true);
    expect(mine.items[0]).toMatchObject({ accountName: 'Account 09', rank: 11 });
    const filtered = Ranking.parse(
      (
        await leader.request(
          'GET',
          `/api/key-accounts/ranking?ownerId=${server.ids.rep3}&keyOnly=true`,
        )
      ).body,
    );
    expect(filtered.items.map((i) => i.accountName).sort()).toEqual([
      'Account 17',
      'Account 18',
      'Account 19',
    ]);
    expect((await leader.request('GET', '/api/key-accounts/ranking?ownerId=nope')).status).toBe(
      400,
    );
  });

  it('lets a rep rate their own account, not another rep’s, and the rating moves the score', async () => {
    const fit = (await leader.request('GET', '/api/key-accounts/model')).body.criteria[1].id;
    const own = await rep1.request('PUT', `/api/key-accounts/ratings/${accountIds[9]}`, {
      ratings: [{ criterionId: fit, value: 5 }],
    });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      accountId: accountIds[9],
      ratings: [{ criterionId: fit, value: 5 }],
    });
    expect(
      (
        await rep1.request('PUT', `/api/key-accounts/ratings/${accountIds[12]}`, {
          ratings: [{ criterionId: fit, value: 5 }],
        })
      ).status,
    ).toBe(404);
    const employees = (await leader.request('GET', '/api/key-accounts/model')).body.criteria[0].id;
    const notRating = await rep1.request('PUT', `/api/key-accounts/ratings/${accountIds[9]}`, {
      ratings: [{ criterionId: employees, value: 3 }],
    });
    expect(notRating.status).toBe(422);
    const tooHigh = await rep1.request('PUT', `/api/key-accounts/ratings/${accountIds[9]}`, {
      ratings: [{ criterionId: fit, value: 6 }],
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.issues).toEqual([
      { field: 'ratings.0.value', reason: 'must be from 1 to 5' },
    ]);
    const ranking = Ranking.parse((await leader.request('GET', '/api/key-accounts/ranking')).body);
    // The ranking says who may rate each row: a leader every account, a rep their own.
    expect(ranking.items.every((i) => i.canRate)).toBe(true);
    const repRanking = Ranking.parse((await rep1.request('GET', '/api/key-accounts/ranking')).body);
    expect(repRanking.items.length).toBeGreaterThan(0);
    expect(repRanking.items.every((i) => i.canRate && i.ownerId === server.ids.rep1)).toBe(true);
    // Account 09: (3 · 90/170 + 1 · 1) / 4 = 0.6471, behind 16 (0.7059) and 15 (0.6618), ahead
    // of 14 (0.6176).
    const nine = ranking.items.find((i) => i.accountName === 'Account 09');
    expect(nine?.score).toBeCloseTo((3 * (90 / 170) + 1) / 4, 12);
    expect(nine?.rank).toBe(6);
  });

  it('confirms the proposal with overrides that each need a reason, and shows what a model change moves', async () => {
    const db = server.database.db;
    expect(
      (await manager1.request('POST', '/api/key-accounts/confirmation', { modelVersion: 1 }))
        .status,
    ).toBe(403);
    const noReason = await leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: 1,
      overrides: [{ accountId: accountIds[9], decision: 'include', reason: ' ' }],
    });
    expect(noReason.status).toBe(400);
    const meaningless = await leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: 1,
      overrides: [{ accountId: accountIds[17], decision: 'include', reason: 'big' }],
    });
    expect(meaningless.status).toBe(422);
    expect(
      await db.select().from(keyAccounts).where(eq(keyAccounts.orgId, server.orgIds.acme)),
    ).toEqual([]);

    const confirmed = await leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: 1,
      overrides: [
        { accountId: accountIds[9], decision: 'include', reason: 'Signed a framework deal' },
        { accountId: accountIds[17], decision: 'exclude', reason: 'Moving to a competitor' },
      ],
    });
    expect(confirmed.status).toBe(200);
    const ranking = Ranking.parse(confirmed.body);
    expect(ranking.confirmedCount).toBe(3);
    expect(ranking.confirmedModelVersion).toBe(1);
    const key = ranking.items.filter((i) => i.confirmed).map((i) => i.accountName);
    expect(key.sort()).toEqual(['Account 09', 'Account 18', 'Account 19']);
    expect(ranking.items.find((i) => i.accountName === 'Account 17')?.override).toEqual({
      decision: 'exclude',
      reason: 'Moving to a competitor',
    });
    // The overrides stand: confirming again would change nothing, if they are sent again (a
    // confirmation replaces the whole set), so the ranking lists them for the confirming page.
    expect(ranking.changes).toEqual({ movedIn: [], movedOut: [] });
    // In rank order: 17 is above the cut, 09 below it.
    expect(ranking.standingOverrides).toEqual([
      {
        accountId: accountIds[17],
        accountName: 'Account 17',
        decision: 'exclude',
        reason: 'Moving to a competitor',
      },
      {
        accountId: accountIds[9],
        accountName: 'Account 09',
        decision: 'include',
        reason: 'Signed a framework deal',
      },
    ]);

    // A model change (employees only, the cut at 20%): confirming with the old version is 409,
    // and the ranking shows first what would move in (16; 17 stays excluded, 09 included).
    const employeesOnly = {
      cutPercent: 20,
      criteria: [{ name: 'Employees', source: 'employees', weight: 1 }],
    };
    expect((await save(leader, 1, employeesOnly)).status).toBe(200);
    const stale = await leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: 1,
    });
    expect(stale.status).toBe(409);
    const after = Ranking.parse((await leader.request('GET', '/api/key-accounts/ranking')).body);
    expect(after.modelVersion).toBe(2);
    expect(after.confirmedModelVersion).toBe(1);
    expect(after.changes.movedOut).toEqual([]);
    expect(after.changes.movedIn.map((m) => m.accountName)).toEqual(['Account 16']);
    expect(after.comparedWith).toEqual({ fiscalYear: after.fiscalYear, count: 3 });
  });

  it('sets the proposal against last year’s list until this year’s is confirmed (the annual review)', async () => {
    const { fiscalYear } = Ranking.parse(
      (await leader.request('GET', '/api/key-accounts/ranking')).body,
    );
    const db = server.database.db;
    // A new fiscal year: nothing confirmed for it, last year's list was accounts 01 and 19.
    await db
      .delete(keyAccounts)
      .where(
        and(eq(keyAccounts.orgId, server.orgIds.acme), eq(keyAccounts.fiscalYear, fiscalYear)),
      );
    await db.insert(keyAccounts).values(
      [1, 19].map((i) => ({
        orgId: server.orgIds.acme,
        accountId: accountIds[i] ?? '',
        fiscalYear: fiscalYear - 1,
        score: 0.5,
        modelVersion: 1,
        confirmedBy: server.ids.leader ?? '',
      })),
    );
    const review = Ranking.parse((await leader.request('GET', '/api/key-accounts/ranking')).body);
    expect(review.confirmedCount).toBe(0);
    expect(review.comparedWith).toEqual({ fiscalYear: fiscalYear - 1, count: 2 });
    // The employees-only model at 20% proposes 16–19: three join, account 01 leaves, 19 stays.
    expect(review.changes.movedIn.map((m) => m.accountName).sort()).toEqual([
      'Account 16',
      'Account 17',
      'Account 18',
    ]);
    expect(review.changes.movedOut.map((m) => m.accountName)).toEqual(['Account 01']);
  });
});

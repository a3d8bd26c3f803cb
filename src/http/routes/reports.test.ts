import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesplan as run } from '../../test-setup/cli';
import { type Executor, openDatabase } from '../../db/client';
import { accounts, activities, opportunities, stages } from '../../db/schema';
import { REPORT_GROUPS, REPORT_KINDS } from '../../schemas/reports';
import { todayIn } from '../../services/clock';
import { createOrganisation } from '../../services/organisations';
import { buildReport } from '../../services/reports';
import { addUser } from '../../services/users';
import { testEngines } from '../../test-setup/test-database';
import { buildServer } from '../server';
import { PASSWORD, startTestServer, type TestServer } from '../test-server';

/** Won, lost and open deals and a few activities for each of `owners` (won count grows by owner). */
async function seedDeals(db: Executor, orgId: string, owners: readonly string[]) {
  const orgStages = await db.select().from(stages).where(eq(stages.orgId, orgId));
  const stageId = (name: string) => orgStages.find((s) => s.name === name)?.id ?? '';
  const [account] = await db.insert(accounts).values({ orgId, name: 'Account' }).returning();
  const today = todayIn('UTC');
  const daysAgo = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  for (const [n, ownerId] of owners.entries()) {
    await db.insert(opportunities).values([
      ...Array.from({ length: n + 1 }, (_, i) => ({
        orgId,
        name: `won ${n} ${i}`,
        ownerId,
        amountMinor: 1000 * (n + 1) + i,
        currency: 'EUR',
        stageId: stageId('Won'),
        createdOn: daysAgo(40 + i),
        closedOn: daysAgo(2),
      })),
      {
        orgId,
        name: `lost ${n}`,
        ownerId,
        amountMinor: 700,
        currency: 'EUR',
        stageId: stageId('Lost'),
        createdOn: daysAgo(30),
        closedOn: daysAgo(1),
      },
      {
        orgId,
        name: `open ${n}`,
        ownerId,
        amountMinor: 5000 + n,
        currency: 'USD',
        stageId: stageId('Proposal'),
        createdOn: daysAgo(10),
        closedOn: null,
      },
    ]);
    await db.insert(activities).values([
      {
        orgId,
        type: 'call',
        status: 'done',
        occursOn: daysAgo(0),
        ownerId,
        accountId: account?.id ?? '',
      },
      {
        orgId,
        type: 'meeting',
        status: 'planned',
        occursOn: daysAgo(0),
        ownerId,
        accountId: account?.id ?? '',
      },
    ]);
  }
}

describe.each(testEngines())('reports API on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const { ids } = server;
    await seedDeals(server.database.db, server.orgIds.acme, [
      ids.rep1 ?? '',
      ids.rep2 ?? '',
      ids.rep3 ?? '',
    ]);
    await seedDeals(server.database.db, server.orgIds.other, [ids.rep9 ?? '']);
  });
  afterAll(() => server.close());

  it("gives a manager their team's figures and never another team's deals", async () => {
    const { ids } = server;
    const manager = await server.as('manager1@acme.test');
    const byRep = await manager.request('GET', '/api/reports/win-rates?by=rep');
    expect(byRep.status).toBe(200);
    expect(byRep.body.map((row: { id: string }) => row.id).sort()).toEqual(
      [ids.rep1, ids.rep2].sort(),
    );
    const byManager = await manager.request('GET', '/api/reports/pipeline?by=manager');
    // rep1 and rep2 have one open deal each; rep3 (manager2's) is not counted.
    expect(byManager.body).toMatchObject([{ id: ids.manager1, openCount: 2 }]);
    const wonByManager = await manager.request('GET', '/api/reports/win-rates?by=manager');
    expect(wonByManager.body).toMatchObject([{ id: ids.manager1, won: 1 + 2, lost: 2 }]);
    const org = await server.as('leader@acme.test');
    const everyone = await org.request('GET', '/api/reports/win-rates?by=manager');
    expect(everyone.body).toMatchObject([
      { id: ids.manager1, won: 3, lost: 2 },
      { id: ids.manager2, won: 3, lost: 1 },
    ]);
  });

  it('gives a rep only their own figures, in every report', async () => {
    const { ids } = server;
    const rep = await server.as('rep2@acme.test');
    for (const kind of REPORT_KINDS) {
      const response = await rep.request('GET', `/api/reports/${kind}?by=rep`);
      expect(response.status).toBe(200);
      for (const row of response.body as { id?: string; repId?: string }[]) {
        expect(row.id ?? row.repId).toBe(ids.rep2);
      }
    }
    const [winRates] = (await rep.request('GET', '/api/reports/win-rates')).body;
    expect(winRates).toMatchObject({ id: ids.rep2, won: 2, lost: 1 });
    const activity = await rep.request('GET', '/api/reports/activity');
    expect(activity.body).toEqual([
      { id: ids.rep2, name: 'rep2', activityType: 'call', planned: 1, done: 1, ratio: 1 },
      { id: ids.rep2, name: 'rep2', activityType: 'meeting', planned: 1, done: 0, ratio: 0 },
    ]);
  });

  it("answers a leader the organisation's rows as the service computes them", async () => {
    const leader = await server.as('leader@acme.test');
    const org = { id: server.orgIds.acme, name: 'Acme', currency: 'EUR', fiscalYearStartMonth: 1 };
    for (const kind of REPORT_KINDS) {
      const response = await leader.request('GET', `/api/reports/${kind}?by=territory`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        await buildReport(
          server.database.db,
          { ...org, timeZone: 'UTC' },
          { kind, by: 'territory', today: todayIn('UTC') },
        ),
      );
    }
  });

  it('answers 400 for an unknown report, group or a bad date, 401 signed out', async () => {
    const admin = await server.as('admin@acme.test');
    for (const [query, field] of [
      ['/api/reports/forecast', 'params.kind'],
      ['/api/reports/pipeline?by=segment', 'query.by'],
      ['/api/reports/win-rates?from=2026-02-30', 'query.from'],
      ['/api/reports/win-rates?from=2026-03-01&to=2026-02-01', 'query.to'],
    ] as const) {
      const response = await admin.request('GET', query);
      expect(response.status).toBe(400);
      expect(response.body.error.issues.map((issue: { field: string }) => issue.field)).toEqual([
        field,
      ]);
    }
    expect((await server.anonymous.request('GET', '/api/reports/pipeline')).status).toBe(401);
  });

  it('documents the route with the shared schemas', async () => {
    const spec = (await server.anonymous.request('GET', '/api/docs/json')).body;
    const operation = spec.paths['/api/reports/{kind}'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ['by', 'from', 'kind', 'to'].sort(),
    );
    const kind = operation.parameters.find((p: { name: string }) => p.name === 'kind');
    expect(kind.schema.enum).toEqual([...REPORT_KINDS]);
    const by = operation.parameters.find((p: { name: string }) => p.name === 'by');
    expect(by.schema.enum).toEqual([...REPORT_GROUPS]);
    expect(operation.responses['200']).toBeDefined();
  });
});

describe('reports API and `salesplan report --json`', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-report-api-'));
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir, purpose: 'reports API test' });
    await handle.migrate();
    const org = await createOrganisation(handle.db, { slug: 'acme', name: 'Acme' });
    const user = async (key: string, role: 'admin' | 'manager' | 'rep', manager?: string) =>
      (
        await addUser(handle.db, org.id, {
          email: `${key}@acme.test`,
          name: key,
          role,
          managerId: manager ?? null,
          password: PASSWORD,
        })
      ).id;
    const admin = await user('admin', 'admin');
    const boss = await user('boss', 'manager');
    ids = { admin, boss, ann: await user('ann', 'rep', boss), bob: await user('bob', 'rep') };
    await seedDeals(handle.db, org.id, [ids.ann ?? '', ids.bob ?? '']);
    await handle.close();
  });

  it('answers exactly the rows the CLI prints, for every report', async () => {
    const today = todayIn('UTC');
    // Each CLI run is a process of its own: every report, by default and by manager.
    const queries = REPORT_KINDS.flatMap((kind) =>
      [undefined, 'manager' as const].map((by) => ({ kind, by })),
    );
    const printed: unknown[] = [];
    for (const { kind, by } of queries) {
      const args = ['report', kind, '--json', '--today', today, '--from', '2000-01-01'];
      const { stdout } = await run([...args, ...(by ? ['--by', by] : [])], {
        SALESPLAN_DATA_DIR: dataDir,
        DATABASE_URL: '',
      });
      printed.push(JSON.parse(stdout));
    }
    const database = await openDatabase({ dataDir, purpose: 'reports API test' });
    const app = await buildServer({
      database,
      sessionDays: 14,
      secureCookies: false,
      logLevel: 'silent',
      webDir: '/nonexistent',
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@acme.test', password: PASSWORD }),
      });
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      const answered: unknown[] = [];
      for (const { kind, by } of queries) {
        const response = await fetch(
          `${base}/api/reports/${kind}?from=2000-01-01${by ? `&by=${by}` : ''}`,
          { headers: { cookie } },
        );
        expect(response.status).toBe(200);
        answered.push(await response.json());
      }
      expect(answered).toEqual(printed);
      // Not vacuous: every report but outliers (10 closed deals needed) has rows here.
      expect(printed.filter((rows) => Array.isArray(rows) && rows.length === 0)).toHaveLength(2);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../../src/test-setup/test-database';
import type { DatabaseHandle } from '../../src/db/client';
import { buildServer } from '../../src/http/server';
import { hashPassword } from '../../src/services/passwords';
import {
  BENCH_PASSWORD,
  BENCH_SIZES,
  LEADER_EMAIL,
  MANAGER_EMAIL,
  countBenchRows,
  findBenchOrganisation,
  loadBenchOrganisation,
} from './generate';

// The benchmark's generator at its tiny size, so it cannot rot between benchmark runs: the rows
// it promises are there, and the API answers over them for a leader and a manager.

describe('bench-dashboards generator', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let orgId = '';

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const loaded = await loadBenchOrganisation(database.db, BENCH_SIZES.tiny, {
      anchor: new Date().toISOString().slice(0, 10),
      passwordHash: await hashPassword(BENCH_PASSWORD),
      engine: 'pglite',
    });
    orgId = loaded.orgId;
    app = await buildServer({
      database,
      sessionDays: 1,
      secureCookies: false,
      logLevel: 'silent',
      webDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('loads the organisation of its size, found again by --reuse', async () => {
    const counts = await countBenchRows(database.db, orgId);
    expect(counts).toMatchObject({
      users: 2 + 2 + 20,
      opportunities: 2_000,
      activities: 20_000,
      strategy_assignments: 20,
    });
    expect(counts.opportunity_close_date_changes).toBeGreaterThan(0);
    expect(counts.deal_plans).toBeGreaterThan(0);
    expect(await findBenchOrganisation(database.db, BENCH_SIZES.tiny)).toMatchObject({ orgId });
    expect(await findBenchOrganisation(database.db, BENCH_SIZES.small)).toBeUndefined();
  });

  it.each([LEADER_EMAIL, MANAGER_EMAIL])('answers the pipeline report for %s', async (email) => {
    const session = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: BENCH_PASSWORD },
    });
    expect(session.statusCode).toBe(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0] ?? '';
    const report = await app.inject({
      method: 'GET',
      url: '/api/reports/pipeline?by=rep',
      headers: { cookie },
    });
    expect(report.statusCode).toBe(200);
    const rows = report.json<{ openCount: number }[]>();
    expect(rows.length).toBe(email === LEADER_EMAIL ? 20 : 10);
    expect(rows.every((row) => row.openCount > 0)).toBe(true);
  });
});

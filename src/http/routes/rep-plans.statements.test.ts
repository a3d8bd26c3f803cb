import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { statementsOf as statementsOfServer, type Client, type TestServer } from '../test-server';
import { startRepPlanWorld, year } from './rep-plan-test-world';

// A rep plan's read is five statements (services/rep-plans.ts, getRepPlan): authentication, the
// plan, what its figures start from, the history with the dashboards' aggregates, and the
// aggregates that need the plans. Before 2026-12-02 it was 25 on this world. Its answers are
// those of the rep plans route tests (rep-plans.test.ts), which run on the same reads.
describe.each(testEngines())('rep plan read statements on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let manager1: Client;
  beforeAll(async () => {
    ({ server, rep1, manager1 } = await startRepPlanWorld(engine));
  });
  afterAll(() => server.close());

  const statementsOf = (action: () => Promise<unknown>) => statementsOfServer(server, action);

  it('reads a plan in five statements, for its rep and its manager', async () => {
    const created = await rep1.request('POST', '/api/rep-plans', { year, cadence: 'monthly' });
    expect(created.status).toBe(201);
    for (const client of [rep1, manager1]) {
      // The session's hourly touch is not the read's: it is written on the first request.
      expect((await client.request('GET', '/api/me')).status).toBe(200);
      let status = 0;
      let body: { targets: unknown; attainment: unknown } | undefined;
      const statements = await statementsOf(async () => {
        const read = await client.request('GET', `/api/rep-plans/${created.body.id}`);
        status = read.status;
        body = read.body;
      });
      expect(status).toBe(200);
      // The world has a strategy: the figures were computed, not left out.
      expect(body?.targets).not.toBeNull();
      expect(body?.attainment).not.toBeNull();
      expect(statements, statements.join('\n---\n')).toHaveLength(5);
      expect(statements[0]).toMatch(/from "sessions"/);
      expect(statements[1]).toMatch(/from "rep_plans"/);
      expect(statements[2]).toMatch(/from strategies where/);
    }
  });
});

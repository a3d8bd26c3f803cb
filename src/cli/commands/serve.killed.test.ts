import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firstRunAdmin,
  kill,
  type ServeTarget,
  serveTarget,
  signIn,
  startServer,
  stopServers,
} from '../../test-setup/serve-process';
import { testEngines } from '../../test-setup/test-database';

// Crash safety of the server (issue #12, item 6): `salesplan serve` is SIGKILLed while deal
// plans are being saved, then started again on the same database. Every save it answered is
// there, none is there in part: each plan's version moved exactly once per step it holds, the
// steps are numbered without gaps, and the audit log has one entry per step.

const PLANS = 8;
const ANSWERED_BEFORE_KILL = 40;

type Plan = { version: number; steps: { position: number; what: string }[] };

describe.each(testEngines())('salesplan serve, killed during plan saves (%s)', (engine) => {
  let target: ServeTarget;
  beforeAll(async () => {
    target = await serveTarget(engine, 'salesplan-serve-kill');
  });
  afterAll(async () => {
    await stopServers();
    await target.close();
  });

  it('keeps every answered save and no half of one', { timeout: 180_000 }, async () => {
    const first = await startServer(target.env);
    const { email, password } = firstRunAdmin(first);
    const admin = await signIn(first.baseUrl, email, password);

    const reference = await admin.request<{ stages: { id: string }[] }>('GET', '/api/reference');
    const account = await admin.request<{ id: string }>('POST', '/api/accounts', {
      name: 'Northwind',
    });
    expect(account.status).toBe(201);
    const deals: { id: string; startVersion: number }[] = [];
    for (let i = 0; i < PLANS; i++) {
      const deal = await admin.request<{ id: string }>('POST', '/api/opportunities', {
        name: `Fleet ${i}`,
        accountId: account.body.id,
        stageId: reference.body.stages[0]?.id,
      });
      expect(deal.status).toBe(201);
      const plan = await admin.request<Plan>('GET', `/api/opportunities/${deal.body.id}/plan`);
      deals.push({ id: deal.body.id, startVersion: plan.body.version });
    }

    // Every deal's plan gets steps one after another, all deals at once; the kill comes while
    // saves are in flight.
    const answered = new Map(deals.map((deal) => [deal.id, 0]));
    let total = 0;
    let killed: Promise<void> | undefined;
    await Promise.all(
      deals.map(async (deal) => {
        let version = deal.startVersion;
        for (;;) {
          const saved = await admin
            .request<Plan>(
              'POST',
              `/api/opportunities/${deal.id}/plan/steps`,
              { what: `Step ${(answered.get(deal.id) ?? 0) + 1} of ${deal.id}` },
              `"${version}"`,
            )
            .catch(() => undefined); // the connection dies with the server
          if (!saved) return;
          expect(saved.status).toBe(200);
          version = saved.body.version;
          answered.set(deal.id, saved.body.steps.length);
          total += 1;
          if (total === ANSWERED_BEFORE_KILL) killed = kill(first);
        }
      }),
    );
    await killed;
    expect(total).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);

    const second = await startServer(target.env);
    try {
      expect(second.stdout).not.toContain('one-time password');
      const again = await signIn(second.baseUrl, email, password);
      let steps = 0;
      for (const deal of deals) {
        const plan = await again.request<Plan>('GET', `/api/opportunities/${deal.id}/plan`);
        expect(plan.status).toBe(200);
        const held = plan.body.steps.length;
        // Answered saves are kept; at most the one in flight when the server died is added.
        expect(held).toBeGreaterThanOrEqual(answered.get(deal.id) ?? 0);
        expect(held).toBeLessThanOrEqual((answered.get(deal.id) ?? 0) + 1);
        expect(plan.body.version).toBe(deal.startVersion + held);
        expect(plan.body.steps.map((step) => step.position)).toEqual(
          Array.from({ length: held }, (_, i) => i + 1),
        );
        steps += held;
      }
      const audit = await again.request<{ total: number }>(
        'GET',
        '/api/audit-log?entityType=action_step&pageSize=1',
      );
      expect(audit.body.total).toBe(steps);

      // And the server works on: the next save lands.
      const deal = deals[0];
      if (!deal) throw new Error('no deal');
      const current = await again.request<Plan>('GET', `/api/opportunities/${deal.id}/plan`);
      const next = await again.request<Plan>(
        'POST',
        `/api/opportunities/${deal.id}/plan/steps`,
        { what: 'After the restart' },
        `"${current.body.version}"`,
      );
      expect(next.status).toBe(200);
    } finally {
      await kill(second);
    }
  });
});

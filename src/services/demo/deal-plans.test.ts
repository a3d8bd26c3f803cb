import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import type { DealPlanView } from '../../schemas/deal-plans';
import type { Actor } from '../authorization';
import { todayIn } from '../clock';
import { getDealPlan } from '../deal-plans';
import { DEMO_TIME_ZONE, loadDemoData } from './load';

describe.each(testEngines())('demo deal plans on %s', (engine) => {
  let handle: DatabaseHandle;
  let plans: DealPlanView[];
  let rep1Id: string | undefined;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    // The plans are read with today's checks, so the demo is anchored today.
    const today = todayIn(DEMO_TIME_ZONE);
    const { organisationId, dealPlanOpportunityIds: ids } = await loadDemoData(handle.db, {
      anchorDate: today,
    });
    const admin: Actor = {
      orgId: organisationId,
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      name: 'test',
      timeZone: DEMO_TIME_ZONE,
      visibleOwnerIds: null,
      editableOwnerIds: null,
    };
    plans = await Promise.all(ids.map((id) => getDealPlan(handle.db, admin, id)));
    const [rep1] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'rep1@demo.salesplan.test'));
    rep1Id = rep1?.id;
  }, 120_000);
  afterAll(() => handle.close());

  it('plans five open deals with every part filled and a history', () => {
    expect(plans).toHaveLength(5);
    // rep1, the first rep the README names, has one: their calendar feed shows its steps.
    expect(plans[0]?.ownerId).toBe(rep1Id);
    for (const plan of plans) {
      expect(plan.isOpen).toBe(true);
      expect(plan.influences.length).toBeGreaterThanOrEqual(3);
      expect(plan.objectives).toHaveLength(1);
      expect(plan.steps.length).toBeGreaterThanOrEqual(3);
      expect(plan.version).toBe(plan.history.length);
      expect(plan.history.map((entry) => entry.summary)).toContainEqual(
        expect.stringMatching(/as the economic buyer$/),
      );
    }
  });

  it('has healthy plans with no error or warning', () => {
    expect(plans[0]?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const economic = plans[0]?.influences.find((i) => i.role === 'economic');
    expect(economic?.modeHistory.map((m) => m.mode)).toEqual(['even_keel', 'growth']);
  });

  it('has weak plans with findings of every check family', () => {
    const families = new Set(plans[1]?.findings.map((f) => f.check));
    expect([...families].sort()).toEqual([
      'coverage',
      'logical',
      'realistic',
      'significant',
      'valid',
    ]);
    expect(plans[1]?.health.health).toBe('at_risk');
  });
});

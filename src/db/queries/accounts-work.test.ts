import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { accounts, activities, opportunities, users } from '../schema';
import { createPropertyOrganisation } from '../../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { workOnAccounts } from './accounts';

// The account list's "Open deals" and "Last activity" columns: counted per account, only open
// deals and done activities, and only those the caller's scope may see.

describe.each(testEngines())('work on accounts on %s', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it('gives each account its last done activity and open deal count, within the scope', async () => {
    const db = database.db;
    const { org, stageId } = await createPropertyOrganisation(db, 'Work');
    const orgId = org.id;
    const [ann, bob] = await db
      .insert(users)
      .values([
        { orgId, email: 'ann@work.test', name: 'Ann', role: 'rep' as const },
        { orgId, email: 'bob@work.test', name: 'Bob', role: 'rep' as const },
      ])
      .returning();
    const [busy, quiet, other] = await db
      .insert(accounts)
      .values([
        { orgId, name: 'Busy', ownerId: ann?.id ?? null },
        { orgId, name: 'Quiet', ownerId: ann?.id ?? null },
        { orgId, name: 'Other org-wide', ownerId: null },
      ])
      .returning();
    const deal = (accountId: string, ownerId: string, stage: string) => ({
      orgId,
      name: `Deal in ${stage}`,
      ownerId,
      accountId,
      amountMinor: 1000,
      currency: 'EUR',
      stageId: stageId(stage),
      createdOn: '2026-03-01',
    });
    const annId = ann?.id ?? '';
    const bobId = bob?.id ?? '';
    const busyId = busy?.id ?? '';
    const quietId = quiet?.id ?? '';
    const otherId = other?.id ?? '';
    await db
      .insert(opportunities)
      .values([
        deal(busyId, annId, 'Prospecting'),
        deal(busyId, annId, 'Negotiation'),
        deal(busyId, annId, 'Won'),
        deal(busyId, annId, 'Lost'),
        deal(busyId, bobId, 'Proposal'),
        deal(otherId, bobId, 'Proposal'),
      ]);
    const activity = (
      accountId: string,
      ownerId: string,
      status: 'done' | 'planned',
      on: string,
    ) => ({
      orgId,
      type: 'call',
      status,
      occursOn: on,
      ownerId,
      accountId,
    });
    await db
      .insert(activities)
      .values([
        activity(busyId, annId, 'done', '2026-10-05'),
        activity(busyId, annId, 'done', '2026-11-20'),
        activity(busyId, annId, 'planned', '2026-12-10'),
        activity(busyId, bobId, 'done', '2026-11-28'),
        activity(quietId, annId, 'planned', '2026-12-03'),
        activity(otherId, bobId, 'done', '2026-06-01'),
      ]);

    const ids = [busyId, quietId, otherId];
    const forAnn = await workOnAccounts(db, orgId, [annId], ids);
    expect(Object.fromEntries(forAnn)).toEqual({
      [busyId]: { lastActivityOn: '2026-11-20', openDealCount: 2 },
      [quietId]: { lastActivityOn: null, openDealCount: 0 },
      [otherId]: { lastActivityOn: null, openDealCount: 0 },
    });
    const forTheOrganisation = await workOnAccounts(db, orgId, null, ids);
    expect(Object.fromEntries(forTheOrganisation)).toEqual({
      [busyId]: { lastActivityOn: '2026-11-28', openDealCount: 3 },
      [quietId]: { lastActivityOn: null, openDealCount: 0 },
      [otherId]: { lastActivityOn: '2026-06-01', openDealCount: 1 },
    });
    expect(await workOnAccounts(db, orgId, null, [])).toEqual(new Map());
  });
});

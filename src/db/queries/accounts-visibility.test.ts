import { and, eq, exists, inArray, isNull, or, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from '../client';
import { accounts, contacts, opportunities, users } from '../schema';
import { createPropertyOrganisation } from '../../test-setup/report-reference';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { listAccounts, visibleAccounts } from './accounts';
import { listContacts } from './contacts';
import { inOwnerScope, type OwnerScope } from './scope';

// visibleAccounts reads the visible ids as a union (owned, holding a deal, the pool) before the
// accounts; this holds it to the predicate it replaced (an `or` with a per-account `exists`) on
// the rows of a small random organisation, for random scopes, through the accounts and the
// contacts lists.

const PEOPLE = 4;

function visibleBefore(db: Executor, scope: OwnerScope) {
  if (scope === null) return undefined;
  const ownsADealInIt = db
    .select({ one: sql`1` })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.orgId, accounts.orgId),
        eq(opportunities.accountId, accounts.id),
        inOwnerScope(opportunities.ownerId, scope),
      ),
    );
  return or(isNull(accounts.ownerId), inOwnerScope(accounts.ownerId, scope), exists(ownsADealInIt));
}

const organisation = fc.record({
  accounts: fc.array(fc.record({ owner: fc.option(fc.nat(PEOPLE - 1)), contacts: fc.nat(2) }), {
    minLength: 1,
    maxLength: 8,
  }),
  deals: fc.array(fc.record({ owner: fc.nat(PEOPLE - 1), account: fc.option(fc.nat()) }), {
    maxLength: 10,
  }),
  scopes: fc.array(fc.option(fc.uniqueArray(fc.nat(PEOPLE - 1), { maxLength: PEOPLE })), {
    minLength: 1,
    maxLength: 4,
  }),
  workableBy: fc.option(fc.nat(PEOPLE - 1)),
});

describe.each(testEngines())('account visibility on %s', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it('sees the same accounts and contacts as the or-exists predicate it replaced', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(organisation, async (input) => {
        const { org } = await createPropertyOrganisation(db, 'Visibility');
        const orgId = org.id;
        const people = await db
          .insert(users)
          .values(
            Array.from({ length: PEOPLE }, (_, i) => ({
              orgId,
              email: `person${i}@visibility.test`,
              name: `Person ${i}`,
              role: 'rep' as const,
            })),
          )
          .returning();
        const personId = (i: number) => people[i]?.id ?? '';
        const accountRows = await db
          .insert(accounts)
          .values(
            input.accounts.map((a, i) => ({
              orgId,
              name: `Account ${i}`,
              ownerId: a.owner === null ? null : personId(a.owner),
            })),
          )
          .returning();
        const contactRows = input.accounts.flatMap((a, i) =>
          Array.from({ length: a.contacts }, (_, c) => ({
            orgId,
            accountId: accountRows[i]?.id ?? '',
            lastName: `Contact ${i}.${c}`,
          })),
        );
        if (contactRows.length > 0) await db.insert(contacts).values(contactRows);
        const dealRows = input.deals.map((d) => ({
          orgId,
          name: 'Deal',
          ownerId: personId(d.owner),
          accountId:
            d.account === null ? null : (accountRows[d.account % accountRows.length]?.id ?? null),
          amountMinor: 1000,
          currency: 'EUR',
          stageId: sql`(select id from stages where org_id = ${orgId} order by position limit 1)`,
          createdOn: '2026-03-01',
        }));
        if (dealRows.length > 0) await db.insert(opportunities).values(dealRows);

        for (const drawn of input.scopes) {
          const scope = drawn === null ? null : drawn.map(personId);
          const before = await db
            .select({ id: accounts.id })
            .from(accounts)
            .where(and(eq(accounts.orgId, orgId), visibleBefore(db, scope)));
          const after = await db
            .select({ id: accounts.id })
            .from(accounts)
            .where(and(eq(accounts.orgId, orgId), visibleAccounts(db, orgId, scope)));
          const expected = before.map((row) => row.id).sort();
          expect(after.map((row) => row.id).sort()).toEqual(expected);

          const page = { limit: 100, offset: 0 };
          const workableBy = input.workableBy === null ? undefined : personId(input.workableBy);
          const listed = await listAccounts(
            db,
            orgId,
            scope,
            { sort: 'name', order: 'asc', workableBy },
            page,
          );
          const workable =
            workableBy === undefined
              ? expected
              : (
                  await db
                    .select({ id: accounts.id })
                    .from(accounts)
                    .where(
                      and(
                        eq(accounts.orgId, orgId),
                        visibleBefore(db, scope),
                        visibleBefore(db, [workableBy]),
                      ),
                    )
                ).map((row) => row.id);
          expect(listed.items.map((row) => row.account.id).sort()).toEqual(workable.sort());
          expect(listed.total).toBe(workable.length);

          const contactsListed = await listContacts(
            db,
            orgId,
            scope,
            { sort: 'lastName', order: 'asc' },
            page,
          );
          const contactsBefore =
            expected.length === 0
              ? []
              : await db
                  .select({ id: contacts.id })
                  .from(contacts)
                  .where(and(eq(contacts.orgId, orgId), inArray(contacts.accountId, expected)));
          expect(contactsListed.items.map((row) => row.contact.id).sort()).toEqual(
            contactsBefore.map((row) => row.id).sort(),
          );
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

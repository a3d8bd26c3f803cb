import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { accounts, opportunities } from '../schema';

/**
 * An account is a prospect until it buys: the prospects of `accountIds` (every account of the
 * organisation when left out) with a won deal become customers. Returns the ids changed.
 */
export async function markBuyersAsCustomers(
  db: Executor,
  orgId: string,
  accountIds?: readonly string[],
): Promise<string[]> {
  const rows = await db
    .update(accounts)
    .set({ status: 'customer', updatedAt: new Date() })
    .where(
      and(
        eq(accounts.orgId, orgId),
        eq(accounts.status, 'prospect'),
        accountIds ? inArray(accounts.id, [...accountIds]) : undefined,
        sql`exists (select 1 from ${opportunities} o join stages s
          on s.org_id = o.org_id and s.id = o.stage_id
          where o.org_id = ${accounts.orgId} and o.account_id = ${accounts.id} and s.kind = 'won')`,
      ),
    )
    .returning({ id: accounts.id });
  return rows.map((row) => row.id);
}

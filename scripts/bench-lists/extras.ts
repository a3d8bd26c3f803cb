// What the lists benchmark needs beyond the dashboards' organisation (bench-dashboards/generate.ts,
// which has no contacts and no plans): two contacts per account, a rep plan per rep and a team
// plan per manager for the anchor's fiscal year, generated in SQL like the rest.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { queryRows } from '../../src/db/client';

const CONTACTS_PER_ACCOUNT = 2;
const LAST_NAMES = ['Meyer', 'Schmidt', 'Novak', 'Rossi', 'Dubois', 'Jansen', 'Silva', 'Berg'];
const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hugo'];

/** Adds the contacts and plans once; a second call finds them and does nothing. */
export async function loadListExtras(db: Database, orgId: string, fiscalYear: number) {
  const [found] = await queryRows<{ count: string | number }>(
    db,
    sql`select count(*) as count from contacts where org_id = ${orgId}`,
  );
  if (Number(found?.count ?? 0) > 0) return false;
  const names = (list: string[]) => `array['${list.join("','")}']`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(
      sql.raw(`insert into contacts (org_id, id, account_id, first_name, last_name, email, created_at, updated_at)
      select a.org_id, gen_random_uuid(), a.id,
        (${names(FIRST_NAMES)})[1 + (hashint8extended(n, 50) & 7)],
        (${names(LAST_NAMES)})[1 + (hashint8extended(n, 51) & 7)] || ' ' || n,
        'contact' || n || '@bench.test',
        now() - make_interval(days => (hashint8extended(n, 52) & 1023)::int),
        now() - make_interval(days => (hashint8extended(n, 53) & 255)::int)
      from (select a.org_id, a.id, row_number() over (order by a.id) * ${CONTACTS_PER_ACCOUNT} + g as n
        from accounts a, generate_series(0, ${CONTACTS_PER_ACCOUNT - 1}) g
        where a.org_id = '${orgId}'::uuid) a`),
    );
    await tx.execute(sql`insert into rep_plans (org_id, id, rep_id, manager_id, fiscal_year, state)
      select org_id, gen_random_uuid(), id, manager_id, ${fiscalYear},
        (array['draft', 'proposed', 'agreed'])[1 + (row_number() over (order by id)) % 3]
      from users where org_id = ${orgId} and role = 'rep'`);
    await tx.execute(sql`insert into team_plans (org_id, id, manager_id, fiscal_year)
      select org_id, gen_random_uuid(), id, ${fiscalYear}
      from users where org_id = ${orgId} and role = 'manager'`);
  });
  await db.execute(sql`vacuum analyze contacts, rep_plans, team_plans`);
  return true;
}

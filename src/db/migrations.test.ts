import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { inject, describe, expect, it } from 'vitest';
import { type Executor, openPostgres, pgliteExtensions, queryRows, wrapPglite } from './client';
import { adminQuery, withDatabase } from '../test-setup/database-templates';

// The same committed migrations, applied from empty, give the same tables on both engines.
async function tablesWithOrgIdInKey(db: Executor) {
  return queryRows<{ table_name: string; has_org_key: boolean }>(
    db,
    sql`
    select c.relname as table_name,
           exists (
             select 1 from pg_constraint k
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
             where k.conrelid = c.oid and k.contype = 'p' and a.attname = 'org_id'
           ) as has_org_key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by 1`,
  );
}

describe('migrations from empty', () => {
  it('create every table on PGlite, with org_id in the primary key of tenant-owned tables', async () => {
    const handle = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
    await handle.migrate();
    await handle.migrate(); // a second run is a no-op
    const tables = await tablesWithOrgIdInKey(handle.db);
    expect(tables.length).toBeGreaterThanOrEqual(40);
    const withoutOrgKey = tables.filter((t) => !t.has_org_key).map((t) => t.table_name);
    // Reference tables (src/db/distribution.ts): the organisations and the token directory.
    expect(withoutOrgKey).toEqual(['organisations', 'token_directory']);
    await handle.close();
  });

  it.runIf(inject('postgresTemplate'))('create the same tables on PostgreSQL', async () => {
    const template = inject('postgresTemplate');
    if (!template) return;
    const name = `salesplan_migrate_${process.pid}_${Date.now()}`;
    await adminQuery(template.url, `create database ${name}`);
    const handle = openPostgres(withDatabase(template.url, name));
    try {
      await handle.migrate();
      const pgTables = await tablesWithOrgIdInKey(handle.db);
      const lite = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
      await lite.migrate();
      expect(pgTables).toEqual(await tablesWithOrgIdInKey(lite.db));
      await lite.close();
    } finally {
      await handle.close();
      await adminQuery(template.url, `drop database ${name}`);
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from './client';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import {
  DISTRIBUTION_COLUMN,
  TABLE_DISTRIBUTION,
  citusPlan,
  placementOf,
  schemaTables,
} from './distribution';

// The migrated catalog, checked against what Citus needs to distribute the schema by org_id
// (docs/SCALING.md): every key of a distributed table holds org_id, foreign keys between them
// join on org_id at the same place, and nothing outside them points into them.

type ForeignKey = {
  name: string;
  source: string;
  target: string;
  columns: string[];
  targetColumns: string[];
  onDelete: string;
  onUpdate: string;
};

async function catalog(handle: DatabaseHandle) {
  const tables = await queryRows<{ name: string; org_type: string | null; org_not_null: boolean }>(
    handle.db,
    sql`select c.relname as name, format_type(a.atttypid, a.atttypmod) as org_type,
          coalesce(a.attnotnull, false) as org_not_null
        from pg_class c
        left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN}
          and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        order by 1`,
  );
  const uniqueKeys = await queryRows<{ table: string; name: string; has_org: boolean }>(
    handle.db,
    sql`select c.relname as table, ic.relname as name,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid
            and a.attname = ${DISTRIBUTION_COLUMN} and a.attnum = any (i.indkey)) as has_org
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_class ic on ic.oid = i.indexrelid
        where c.relnamespace = 'public'::regnamespace and i.indisunique
        order by 1, 2`,
  );
  const foreignKeys = await queryRows<ForeignKey>(
    handle.db,
    sql`select k.conname as name, src.relname as source, dst.relname as target,
          array(select a.attname::text from unnest(k.conkey) with ordinality u(n, o)
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)
            as columns,
          array(select a.attname::text from unnest(k.confkey) with ordinality u(n, o)
                join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)
            as "targetColumns",
          k.confdeltype::text as "onDelete", k.confupdtype::text as "onUpdate"
        from pg_constraint k
        join pg_class src on src.oid = k.conrelid
        join pg_class dst on dst.oid = k.confrelid
        where k.contype = 'f' and k.connamespace = 'public'::regnamespace
        order by 1`,
  );
  return { tables, uniqueKeys, foreignKeys };
}

describe.each(testEngines())('the schema distributes by organisation on %s', (engine) => {
  let handle: DatabaseHandle;
  let found: Awaited<ReturnType<typeof catalog>>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    found = await catalog(handle);
  });
  afterAll(() => handle.close());

  const distributed = (table: string) => placementOf(table) === 'distributed';

  it('places every table in the manifest, and the manifest names no table that is not there', () => {
    const names = found.tables.map((t) => t.name);
    expect(names.filter((name) => !placementOf(name))).toEqual([]);
    expect(Object.keys(TABLE_DISTRIBUTION).filter((name) => !names.includes(name))).toEqual([]);
    expect(schemaTables().map((t) => t.name)).toEqual([...names].sort());
  });

  it('gives every distributed table an org_id NOT NULL of one type', () => {
    const wrong = found.tables
      .filter((t) => distributed(t.name))
      .filter((t) => t.org_type !== 'uuid' || !t.org_not_null)
      .map((t) => `${t.name}: ${t.org_type ?? 'no org_id'}${t.org_not_null ? '' : ', nullable'}`);
    expect(wrong).toEqual([]);
  });

  it('puts org_id in every primary key, unique constraint and unique index of a distributed table', () => {
    const withoutOrg = found.uniqueKeys
      .filter((key) => distributed(key.table) && !key.has_org)
      .map((key) => `${key.table}.${key.name}`);
    expect(withoutOrg).toEqual([]);
  });

  it('joins every foreign key between distributed tables on org_id at the same place', () => {
    const misplaced = found.foreignKeys
      .filter((key) => distributed(key.source) && distributed(key.target))
      .filter((key) => {
        const at = key.columns.indexOf(DISTRIBUTION_COLUMN);
        return at < 0 || key.targetColumns[at] !== DISTRIBUTION_COLUMN;
      })
      .map((key) => key.name);
    expect(misplaced).toEqual([]);
  });

  it('has no foreign key into a distributed table from elsewhere, nor from one into a local table', () => {
    const crossing = found.foreignKeys
      .filter(
        (key) =>
          (!distributed(key.source) && distributed(key.target)) ||
          (distributed(key.source) && placementOf(key.target) === 'local'),
      )
      .map((key) => `${key.name}: ${key.source} → ${key.target}`);
    expect(crossing).toEqual([]);
  });

  it('has no ON DELETE SET NULL / SET DEFAULT or ON UPDATE CASCADE on a key holding org_id', () => {
    // confdeltype / confupdtype: n = set null, d = set default, c = cascade.
    const refused = found.foreignKeys
      .filter((key) => key.columns.includes(DISTRIBUTION_COLUMN))
      .filter((key) => ['n', 'd'].includes(key.onDelete) || key.onUpdate === 'c')
      .map((key) => key.name);
    expect(refused).toEqual([]);
  });

  it('plans each table once, after every table it references, all co-located', () => {
    const plan = citusPlan();
    const planned = plan.map((statement) => /\('([a-z_]+)'/.exec(statement)?.[1]);
    expect([...planned].sort()).toEqual(found.tables.map((t) => t.name).sort());
    for (const key of found.foreignKeys) {
      if (key.source === key.target) continue;
      expect(planned.indexOf(key.target), key.name).toBeLessThan(planned.indexOf(key.source));
    }
    const colocated = plan.filter((s) => s.includes('create_distributed_table'));
    expect(colocated[0]).toContain("colocate_with => 'none'");
    const anchor = /\('([a-z_]+)'/.exec(colocated[0] ?? '')?.[1];
    expect(colocated.slice(1).every((s) => s.includes(`colocate_with => '${anchor}'`))).toBe(true);
  });
});

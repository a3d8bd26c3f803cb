import fs from 'node:fs';
import path from 'node:path';
import { is, sql, type SQL } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { queryRows, migrationsFolder, type Executor } from '../client';
import { DISTRIBUTION_COLUMN } from '../distribution';
import * as schema from '../schema';

// The SQL of an organisation's backup (src/services/organisation-backup.ts): rows leave as
// PostgreSQL's own JSON of the row (to_jsonb) and come back through jsonb_populate_recordset, so
// every type (timestamps to the microsecond, numeric, jsonb, arrays) round-trips exactly and the
// same text moves between PGlite and PostgreSQL without JavaScript touching the values.

export type BackupTable = {
  name: string;
  columns: { name: string; sqlType: string }[];
  /** The primary key's columns, the keyset order of the export. */
  key: { name: string; sqlType: string }[];
  /** The column that holds the organisation: org_id, or id for the organisations table. */
  orgColumn: string;
  /** Columns of foreign keys to the same table (a user's manager): set after all rows are in. */
  selfReferences: string[];
  /** The tables this one's foreign keys point to. */
  references: string[];
};

/** Every table of the schema, described for the backup. */
export function backupTables(): BackupTable[] {
  const values: unknown[] = Object.values(schema);
  return values
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      const column = (name: string) => {
        const found = config.columns.find((c) => c.name === name);
        if (!found) throw new Error(`${config.name}.${name} is not a column`);
        return { name, sqlType: found.getSQLType() };
      };
      const keyNames =
        config.primaryKeys[0]?.columns.map((c) => c.name) ??
        config.columns.filter((c) => c.primary).map((c) => c.name);
      const selfKeys = config.foreignKeys.filter(
        (key) => getTableConfig(key.reference().foreignTable).name === config.name,
      );
      const selfReferences = selfKeys
        .flatMap((key) => key.reference().columns.map((c) => c.name))
        .filter((name) => name !== DISTRIBUTION_COLUMN);
      const references = config.foreignKeys
        .map((key) => getTableConfig(key.reference().foreignTable).name)
        .filter((name) => name !== config.name);
      const hasOrgId = config.columns.some((c) => c.name === DISTRIBUTION_COLUMN);
      return {
        name: config.name,
        columns: config.columns.map((c) => column(c.name)),
        key: keyNames.map(column),
        orgColumn: hasOrgId ? DISTRIBUTION_COLUMN : 'id',
        selfReferences: [...new Set(selfReferences)],
        references: [...new Set(references)].sort(),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The last migration applied to this database, by its tag: a backup loads only into a database
 * at the schema it was written from.
 */
export async function schemaVersion(db: Executor): Promise<string> {
  const [last] = await queryRows<{ when: string }>(
    db,
    sql`select created_at::text as "when" from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!last) throw new Error('the database has no migrations applied');
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string; when: number }[] };
  const entry = journal.entries.find((e) => String(e.when) === last.when);
  return entry?.tag ?? `the migration of ${last.when}`;
}

const ident = (name: string) => sql.identifier(name);

/**
 * One page of the organisation's rows of `table` in primary-key order after `after` (the key of
 * the previous page's last row, as text): each row as its JSON text, with its key.
 */
export async function readBackupPage(
  db: Executor,
  table: BackupTable,
  orgId: string,
  after: readonly string[] | undefined,
  limit: number,
): Promise<{ row: string; key: string[] }[]> {
  const keyColumns = sql.join(
    table.key.map((c) => sql`t.${ident(c.name)}`),
    sql`, `,
  );
  const keyValues = sql.join(
    table.key.map((c, i) => sql`cast(${after?.[i] ?? null} as ${sql.raw(c.sqlType)})`),
    sql`, `,
  );
  const keyText = sql.join(
    table.key.map((c) => sql`t.${ident(c.name)}::text`),
    sql`, `,
  );
  const afterCondition: SQL = after ? sql`and (${keyColumns}) > (${keyValues})` : sql``;
  const rows = await queryRows<{ row: string; key: string[] }>(
    db,
    sql`select to_jsonb(t)::text as "row", array[${keyText}] as "key"
        from ${ident(table.name)} t
        where t.${ident(table.orgColumn)} = ${orgId} ${afterCondition}
        order by ${keyColumns}
        limit ${limit}`,
  );
  return rows;
}

/**
 * Inserts rows (JSON texts of `table`'s rows) for the organisation; self-references are left
 * null here and set by `linkSelfReferences`. Returns how many rows went in: a row of another
 * organisation does not.
 */
export async function insertBackupRows(
  db: Executor,
  table: BackupTable,
  orgId: string,
  rows: readonly string[],
): Promise<number> {
  const self = new Set(table.selfReferences);
  const names = sql.join(
    table.columns.map((c) => ident(c.name)),
    sql`, `,
  );
  const values = sql.join(
    table.columns.map((c) => (self.has(c.name) ? sql`null` : sql`r.${ident(c.name)}`)),
    sql`, `,
  );
  const inserted = await queryRows<{ count: number | string }>(
    db,
    sql`with inserted as (
          insert into ${ident(table.name)} (${names})
          select ${values}
          from jsonb_populate_recordset(null::${ident(table.name)}, ${`[${rows.join(',')}]`}::jsonb) r
          where r.${ident(table.orgColumn)} = ${orgId}
          returning 1
        )
        select count(*)::int as count from inserted`,
  );
  return Number(inserted[0]?.count ?? 0);
}

const PENDING = 'salesplan_backup_pending';

/** A scratch table, dropped at commit, for the rows whose self-references are set last. */
export async function createPendingRows(db: Executor) {
  await db.execute(
    sql`create temporary table if not exists ${ident(PENDING)} (table_name text not null, "row" jsonb not null) on commit drop`,
  );
}

export async function keepPendingRows(db: Executor, table: BackupTable, rows: readonly string[]) {
  await db.execute(
    sql`insert into ${ident(PENDING)} (table_name, "row")
        select ${table.name}, value from jsonb_array_elements(${`[${rows.join(',')}]`}::jsonb)`,
  );
}

/** Sets the self-references of the table's pending rows, now that every row they point to is in. */
export async function linkSelfReferences(db: Executor, table: BackupTable, orgId: string) {
  if (table.selfReferences.length === 0) return;
  const assignments = sql.join(
    table.selfReferences.map((name) => sql`${ident(name)} = r.${ident(name)}`),
    sql`, `,
  );
  const keyMatch = sql.join(
    table.key.map((c) => sql`t.${ident(c.name)} = r.${ident(c.name)}`),
    sql` and `,
  );
  await db.execute(
    sql`update ${ident(table.name)} t set ${assignments}
        from (select (jsonb_populate_record(null::${ident(table.name)}, p."row")).*
              from ${ident(PENDING)} p where p.table_name = ${table.name}) r
        where t.${ident(table.orgColumn)} = ${orgId} and ${keyMatch}`,
  );
  await db.execute(sql`delete from ${ident(PENDING)} where table_name = ${table.name}`);
}

/** Whether an organisation with this id or slug is already in the database. */
export async function organisationPresent(db: Executor, id: string, slug: string) {
  const rows = await queryRows<{ slug: string }>(
    db,
    sql`select slug from organisations where id = ${id} or slug = ${slug} limit 1`,
  );
  return rows.length > 0;
}

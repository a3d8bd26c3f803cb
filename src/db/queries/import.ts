import { sql, type SQL } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { type CopyValue, copyRows } from '../copy';

// Bulk upserts for the CSV import: the rows travel with COPY into a staging table, and one
// set-based statement moves them into the real table. A row whose fields are all the same as the stored ones is not written (`where … is distinct from …`), so importing the
// same files twice changes nothing and counts them "unchanged".

export type UpsertColumn = { name: string; type: 'text' | 'uuid' | 'int' | 'bigint' | 'date' };

export type UpsertTable = {
  table: 'users' | 'accounts' | 'contacts' | 'products' | 'opportunities' | 'activities';
  /** Written on insert and on update, compared to decide whether a row changed. */
  columns: readonly UpsertColumn[];
  /** Written on insert only (a user's placeholder email: an admin may change it later). */
  insertOnly?: readonly UpsertColumn[];
  hasUpdatedAt: boolean;
  /** Also answer the external ids inserted and updated (for small tables: users). */
  returnsIds?: boolean;
  /** Record a stage change when a new row arrives or an update moves its stage. */
  recordsStageChanges?: boolean;
};

/** Rows to stage: one value per row in each array (null for none). */
export type UpsertBatch = {
  externalIds: string[];
  lines: number[];
  /** Where each row came from (an index the caller keeps, for problem reports); default 0. */
  sources?: number[];
  /** Column name → one value per row (null for none). */
  values: Record<string, unknown[]>;
};

export type UpsertResult = {
  inserted: number;
  updated: number;
  insertedIds: string[];
  updatedIds: string[];
  /** Rows whose external id came on an earlier row of this import: not written. */
  duplicates: { line: number; firstLine: number; externalId: string; source: number }[];
};

function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) =>
    value === null || value === undefined
      ? 'NULL'
      : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${elements.join(',')}}`;
}

const name = (column: string) => sql.identifier(column);
const list = (columns: readonly UpsertColumn[], prefix = '') =>
  sql.raw(columns.map((c) => `${prefix}"${c.name}"`).join(', '));

// Stage history the import knows for sure: a new closed deal entered its won or lost stage on its
// closed date (an open deal's path through the stages is unknown, so nothing is invented), and an
// update that moves a deal's stage is a change, dated its closed date or the import's day. The
// stage before the statement is read per row through the unique index, and only when the
// organisation had deals before this import (see `hasRowsBeforeImport`).
function stageChangeSql(orgId: string, today: string, hasExistingRows: boolean): SQL {
  const previous = hasExistingRows
    ? sql`left join lateral (select o.stage_id from opportunities o
          where o.org_id = ${orgId} and o.external_id = u.external_id) p on true`
    : sql`left join (select null::uuid as stage_id) p on true`;
  return sql`,
    changes as (
      insert into opportunity_stage_changes (org_id, opportunity_id, from_stage_id, to_stage_id, changed_on)
      select ${orgId}, u.id, p.stage_id, u.stage_id, coalesce(u.closed_on, ${today}::date)
      from upserted u ${previous}
      where p.stage_id is distinct from u.stage_id and (not u.inserted or u.closed_on is not null)
      returning 1
    )`;
}

// Rows travel with COPY into a temporary staging table per entity (dropped at commit), a batch
// at a time as they are read; then one set-based statement moves those staged since the last one
// into the real table. Every staged row gets a running number (`seq`): of the rows sharing an
// external id the first one wins and the others are reported, across batches and files alike,
// without a lookup per row.
type Staging = { table: string; staged: number; upserted: number };
const stagings = new WeakMap<Executor, Map<string, Staging>>();

async function stagingOf(db: Executor, spec: UpsertTable): Promise<Staging> {
  const byTable = stagings.get(db) ?? new Map<string, Staging>();
  stagings.set(db, byTable);
  const known = byTable.get(spec.table);
  if (known) return known;
  const staging = { table: `import_stage_${spec.table}`, staged: 0, upserted: 0 };
  const all = [...spec.columns, ...(spec.insertOnly ?? [])];
  const columns = all.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await db.execute(
    sql`create temporary table ${name(staging.table)} (
      seq int not null, source int not null, line int not null, external_id text not null,
      ${sql.raw(columns)}
    ) on commit drop`,
  );
  // The repeated-id check of each batch looks up the rows staged before it.
  await db.execute(sql`create index on ${name(staging.table)} (external_id, seq)`);
  byTable.set(spec.table, staging);
  return staging;
}

/** Copies rows into the entity's staging table (created on first use in the transaction). */
export async function stageRows(db: Executor, spec: UpsertTable, batch: UpsertBatch) {
  const staging = await stagingOf(db, spec);
  const all = [...spec.columns, ...(spec.insertOnly ?? [])];
  const values = all.map((column) => batch.values[column.name] ?? []);
  const first = staging.staged;
  function* rows() {
    for (let i = 0; i < batch.externalIds.length; i++) {
      const row: CopyValue[] = [first + i + 1, batch.sources?.[i] ?? 0, batch.lines[i]];
      row.push(batch.externalIds[i]);
      for (const column of values) row.push(column[i] as CopyValue);
      yield row;
    }
  }
  await copyRows(
    db,
    staging.table,
    ['seq', 'source', 'line', 'external_id', ...all.map((c) => c.name)],
    rows(),
  );
  staging.staged += batch.externalIds.length;
}

/**
 * Inserts new rows and updates changed ones, by (org_id, external_id), from the rows staged since
 * the last call; a row whose external id came earlier in the import is reported, not written.
 */
export async function upsertStaged(
  db: Executor,
  spec: UpsertTable,
  orgId: string,
  options: { today: string; hasExistingRows: boolean },
): Promise<UpsertResult> {
  const staging = await stagingOf(db, spec);
  const [from, to] = [staging.upserted, staging.staged];
  staging.upserted = to;
  if (to === from) {
    return { inserted: 0, updated: 0, insertedIds: [], updatedIds: [], duplicates: [] };
  }
  const all = [...spec.columns, ...(spec.insertOnly ?? [])];
  const assignments = spec.columns.map((c) => sql`${name(c.name)} = excluded.${name(c.name)}`);
  if (spec.hasUpdatedAt) assignments.push(sql`updated_at = now()`);
  const returning = spec.recordsStageChanges
    ? sql`t.id, t.external_id, t.stage_id, t.closed_on, (t.xmax = 0) as inserted`
    : sql`t.external_id, (t.xmax = 0) as inserted`;
  const ids = spec.returnsIds
    ? sql`, (select coalesce(array_agg(external_id) filter (where inserted), '{}') from upserted) as inserted_ids,
        (select coalesce(array_agg(external_id) filter (where not inserted), '{}') from upserted) as updated_ids`
    : sql``;
  const table = name(staging.table);
  const [counts] = await queryRows<{
    fresh: number;
    inserted: number;
    updated: number;
    inserted_ids?: string[];
    updated_ids?: string[];
  }>(
    db,
    sql`
    with fresh as materialized (
      select i.* from ${table} i
      where i.seq > ${from} and i.seq <= ${to}
        and not exists (select 1 from ${table} e where e.external_id = i.external_id and e.seq < i.seq)
    ),
    upserted as (
      insert into ${sql.identifier(spec.table)} as t (org_id, external_id, ${list(all)})
      select ${orgId}, i.external_id, ${list(all, 'i.')} from fresh i
      on conflict (org_id, external_id) do update set ${sql.join(assignments, sql`, `)}
      where (${list(spec.columns, 't.')}) is distinct from (${list(spec.columns, 'excluded.')})
      returning ${returning}
    )${spec.recordsStageChanges ? stageChangeSql(orgId, options.today, options.hasExistingRows) : sql``}
    select (select count(*) from fresh)::int as fresh,
      (select count(*) from upserted where inserted)::int as inserted,
      (select count(*) from upserted where not inserted)::int as updated${ids}`,
  );
  const fresh = Number(counts?.fresh ?? 0);
  const duplicates = fresh === to - from ? [] : await findDuplicates(db, staging.table, from, to);
  return {
    inserted: Number(counts?.inserted ?? 0),
    updated: Number(counts?.updated ?? 0),
    insertedIds: counts?.inserted_ids ?? [],
    updatedIds: counts?.updated_ids ?? [],
    duplicates,
  };
}

/** Stages one batch and upserts it (the users: a team is read whole). */
export async function upsertBatch(
  db: Executor,
  spec: UpsertTable,
  orgId: string,
  batch: UpsertBatch,
  options: { today: string; hasExistingRows: boolean },
): Promise<UpsertResult> {
  await stageRows(db, spec, batch);
  return upsertStaged(db, spec, orgId, options);
}

async function findDuplicates(db: Executor, staging: string, from: number, to: number) {
  const rows = await queryRows<{
    external_id: string;
    line: number;
    first_line: number;
    source: number;
  }>(
    db,
    sql`select i.external_id, i.line, i.source, f.line as first_line
      from ${name(staging)} i
      join lateral (select e.line from ${name(staging)} e
        where e.external_id = i.external_id and e.seq < i.seq order by e.seq limit 1) f on true
      where i.seq > ${from} and i.seq <= ${to} order by i.seq`,
  );
  return rows.map((row) => ({
    externalId: row.external_id,
    line: Number(row.line),
    firstLine: Number(row.first_line),
    source: Number(row.source),
  }));
}

/**
 * Whether the organisation has rows in the table already; if so, refreshes the table's planner
 * statistics, so lookups by external id take the unique index (PGlite never analyses by itself).
 */
export async function hasRowsBeforeImport(
  db: Executor,
  table: UpsertTable['table'],
  orgId: string,
): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`select 1 as found from ${sql.identifier(table)} where org_id = ${orgId} limit 1`,
  );
  if (rows.length > 0) await db.execute(sql`analyze ${sql.identifier(table)}`);
  return rows.length > 0;
}

/** External id → id of an organisation's rows of one table. */
export async function loadExternalIds(
  db: Executor,
  table: UpsertTable['table'],
  orgId: string,
  externalIds?: readonly string[],
): Promise<Map<string, string>> {
  const filter = externalIds
    ? sql`and external_id = any(${arrayLiteral(externalIds)}::text[])`
    : sql`and external_id is not null`;
  const rows = await queryRows<{ external_id: string; id: string }>(
    db,
    sql`select external_id, id from ${sql.identifier(table)} where org_id = ${orgId} ${filter}`,
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/**
 * The organisation's users by external id, and by email and by name in lower case: CRM exports
 * name owners and managers so. A name two users share is left out (it names neither).
 */
export async function loadUserReferences(
  db: Executor,
  orgId: string,
): Promise<Map<string, string>> {
  const rows = await queryRows<{
    id: string;
    external_id: string | null;
    email: string;
    name: string;
  }>(db, sql`select id, external_id, email, name from users where org_id = ${orgId}`);
  const references = new Map<string, string>();
  const shared = new Set<string>();
  for (const row of rows) {
    for (const key of [row.email.toLowerCase(), row.name.trim().toLowerCase()]) {
      const before = references.get(key);
      if (before !== undefined && before !== row.id) shared.add(key);
      references.set(key, row.id);
    }
  }
  for (const key of shared) references.delete(key);
  // External ids are exact and win over a name or email that happens to read the same.
  for (const row of rows) if (row.external_id) references.set(row.external_id, row.id);
  return references;
}

/** Creates the territories that do not exist yet; returns name → id for all of them. */
export async function upsertTerritories(
  db: Executor,
  orgId: string,
  names: readonly string[],
): Promise<{ ids: Map<string, string>; inserted: number }> {
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`insert into territories (org_id, name)
      select ${orgId}, unnest(${arrayLiteral(names)}::text[])
      on conflict (org_id, name) do nothing returning id`,
  );
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from territories where org_id = ${orgId}`,
  );
  return { ids: new Map(rows.map((row) => [row.name, row.id])), inserted: inserted.length };
}

/** Sets managers by external id; returns the external ids of the users whose manager changed. */
export async function updateManagers(
  db: Executor,
  orgId: string,
  pairs: readonly { externalId: string; managerId: string | null }[],
): Promise<string[]> {
  if (pairs.length === 0) return [];
  const rows = await queryRows<{ external_id: string }>(
    db,
    sql`update users u set manager_id = p.manager_id
      from unnest(${arrayLiteral(pairs.map((p) => p.externalId))}::text[],
                  ${arrayLiteral(pairs.map((p) => p.managerId))}::uuid[]) as p(external_id, manager_id)
      where u.org_id = ${orgId} and u.external_id = p.external_id
        and u.manager_id is distinct from p.manager_id
      returning u.external_id`,
  );
  return rows.map((row) => row.external_id);
}

/** Who in the organisation holds each of these emails already (unique within it). */
export async function findTakenEmails(
  db: Executor,
  orgId: string,
  emails: readonly string[],
): Promise<Map<string, { externalId: string | null }>> {
  const rows = await queryRows<{ email: string; external_id: string | null }>(
    db,
    sql`select email, external_id from users
      where org_id = ${orgId} and email = any(${arrayLiteral(emails)}::text[])`,
  );
  return new Map(rows.map((row) => [row.email, { externalId: row.external_id }]));
}

/** The organisation's opportunities per stage, in stage order. */
export async function countOpportunitiesByStage(db: Executor, orgId: string) {
  const rows = await queryRows<{ stage: string; count: number }>(
    db,
    sql`select s.name as stage, count(o.id)::int as count
      from stages s left join opportunities o on o.org_id = s.org_id and o.stage_id = s.id
      where s.org_id = ${orgId} group by s.name, s.position order by s.position`,
  );
  return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
}

import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';

// Drizzle's multi-row insert spent longer building SQL with 60,000 parameters than the database
// spent storing the rows (22 s for the demo on PGlite). `insert … select * from unnest(…)` sends
// one array per column instead: a handful of parameters per statement, on both engines.
const ROWS_PER_STATEMENT = 5_000;

/** Inserts rows in batches; every row must have the same keys (null, not undefined, for none). */
export async function insertRows<Table extends PgTable>(
  db: Executor,
  table: Table,
  rows: readonly Table['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const entries = Object.keys(first).map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertRows: ${key} is not a column`);
    return { key, column };
  });
  const names = sql.join(
    entries.map(({ column }) => sql.identifier(column.name)),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const arrays = entries.map(({ key, column }) => {
      const values = batch.map((row) => {
        const value = row[key];
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      });
      return sql`${arrayLiteral(values)}::${sql.raw(column.getSQLType())}[]`;
    });
    await db.execute(
      sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}

// A PostgreSQL array literal, every element quoted: the same text on PGlite and node-postgres.
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) =>
    value === null ? 'NULL' : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${elements.join(',')}}`;
}

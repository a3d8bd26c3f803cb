import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type Page = { limit: number; offset: number };
export type SortOrder = 'asc' | 'desc';

/** ORDER BY the chosen column, then by id so pages never overlap or skip rows. */
export function orderBy(column: PgColumn | SQL, order: SortOrder, id: PgColumn): SQL[] {
  return [order === 'asc' ? asc(column) : desc(column), asc(id)];
}

export function pageOf(query: { page: number; pageSize: number }): Page {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** Names sort as people expect ("alpha" before "Bravo"), the same on PGlite's C collation and PostgreSQL's. */
export function caseless(column: PgColumn): SQL {
  return sql`lower(${column})`;
}

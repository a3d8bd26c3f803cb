import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { KeysetCursor } from './keyset';

/** A page by number (offset) or, when `after` is given, the page after that row (keyset.ts). */
export type Page = { limit: number; offset: number; after?: KeysetCursor | undefined };
export type SortOrder = 'asc' | 'desc';

/** ORDER BY the chosen column, then by id so pages never overlap or skip rows. */
export function orderBy(column: PgColumn | SQL, order: SortOrder, id: PgColumn): SQL[] {
  return [order === 'asc' ? asc(column) : desc(column), asc(id)];
}

export function pageOf(query: { page: number; pageSize: number; after?: KeysetCursor }): Page {
  if (query.after) return { limit: query.pageSize, offset: 0, after: query.after };
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** Names sort as people expect ("alpha" before "Bravo"), the same on PGlite's C collation and PostgreSQL's. */
export function caseless(column: PgColumn): SQL {
  return sql`lower(${column})`;
}

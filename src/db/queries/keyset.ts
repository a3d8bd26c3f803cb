import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SortOrder } from './paging';

// Keyset pages for reading a whole list in a list's own order (the CSV exports): each page starts
// after the last row of the one before, by (sort key, id), so a page costs the same wherever it is
// and no transaction is held open between pages (PGlite runs one at a time).

/** A sort key with no nulls (coalesce a nullable column), and its SQL type to read it back. */
export type KeysetSort = { key: SQL; type: 'text' | 'date' | 'timestamptz' | 'bigint' };

/** Where the previous page ended: its last row's sort key (as text) and id. */
export type KeysetCursor = { key: string; id: string };

/** A nullable date sorted where PostgreSQL sorts nulls: last going up, first going down. */
export function nullsLastDate(column: PgColumn): SQL {
  return sql`coalesce(${column}, 'infinity'::date)`;
}

/** The sort key as text, selected with each row to start the next page from. */
export function keysetKeyText(sort: KeysetSort): SQL<string> {
  return sql<string>`(${sort.key})::text`;
}

/** Rows after the cursor in the order `keysetOrder` gives (the id breaks ties, going up). */
export function afterKeyset(
  sort: KeysetSort,
  order: SortOrder,
  id: PgColumn,
  cursor: KeysetCursor | null,
): SQL | undefined {
  if (cursor === null) return undefined;
  const value = sql`cast(${cursor.key} as ${sql.raw(sort.type)})`;
  const beyond = order === 'asc' ? sql`${sort.key} > ${value}` : sql`${sort.key} < ${value}`;
  return sql`(${beyond} or (${sort.key} = ${value} and ${id} > ${cursor.id}))`;
}

export function keysetOrder(sort: KeysetSort, order: SortOrder, id: PgColumn): SQL[] {
  return [order === 'asc' ? sql`${sort.key} asc` : sql`${sort.key} desc`, sql`${id} asc`];
}

/** Reads every row, one page at a time; at most one page is in memory. */
export async function* readInKeysetPages<T extends { sortKey: string; id: string }>(
  readPage: (after: KeysetCursor | null, limit: number) => Promise<T[]>,
  pageSize = 1_000,
): AsyncGenerator<T[]> {
  let after: KeysetCursor | null = null;
  for (;;) {
    const rows = await readPage(after, pageSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = { key: last.sortKey, id: last.id };
  }
}

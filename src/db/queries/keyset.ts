import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ValidationError } from '../../domain/errors';
import { encodeListCursor } from '../../schemas/list-cursor';
import type { SortOrder } from './paging';

// Keyset pages, for the lists (`?after=` a page's `nextCursor`) and for reading a whole list in its
// own order (the CSV exports): each page starts after the last row of the one before, by (sort key,
// id), so a page costs the same wherever it is and no transaction is held open between pages
// (PGlite runs one at a time). The id goes the sort's way, so one index on (org_id, key, id) serves
// both directions and the "after" condition is one row comparison the index can range over.

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

/** Rows after the cursor in the order `keysetOrder` gives (the id breaks ties, the sort's way). */
export function afterKeyset(
  sort: KeysetSort,
  order: SortOrder,
  id: PgColumn,
  cursor: KeysetCursor | null | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  if (!fitsKeyset(sort, cursor))
    throw new ValidationError({ field: 'after', reason: 'is not a cursor of this list' });
  const value = sql`cast(${cursor.key} as ${sql.raw(sort.type)})`;
  const after = sql`cast(${cursor.id} as uuid)`;
  return order === 'asc'
    ? sql`(${sort.key}, ${id}) > (${value}, ${after})`
    : sql`(${sort.key}, ${id}) < (${value}, ${after})`;
}

const KEY_FORMATS: Record<KeysetSort['type'], RegExp> = {
  text: /^/,
  date: /^(\d{4}-\d{2}-\d{2}|infinity)$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  bigint: /^-?\d{1,18}$/,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor whose key the sort's SQL type reads (a cursor of another sort would fail the cast). */
function fitsKeyset(sort: KeysetSort, cursor: KeysetCursor): boolean {
  return KEY_FORMATS[sort.type].test(cursor.key) && UUID.test(cursor.id);
}

export function keysetOrder(sort: KeysetSort, order: SortOrder, id: PgColumn): SQL[] {
  return order === 'asc'
    ? [sql`${sort.key} asc`, sql`${id} asc`]
    : [sql`${sort.key} desc`, sql`${id} desc`];
}

/** The cursor of the page after `rows`, or null when this page is the last. */
export function nextCursorOf(
  rows: readonly { sortKey: string; id: string }[],
  limit: number,
): string | null {
  const last = rows.at(-1);
  return rows.length < limit || last === undefined
    ? null
    : encodeListCursor({ key: last.sortKey, id: last.id });
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
